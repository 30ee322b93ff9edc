"""One spreadsheet row → the values to write, or its problems, through the catalogue's forms.

A row is validated in groups of columns: the product form, each spec form of the class, and
the offer form. Validating a group depends only on its cells (reference tables are read once
per import and constraints are checked in memory), so a group's result is remembered by its
cells: a supplier's 10,000 lots of one chemical validate their identical specs once.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from oscar.apps.catalogue.product_attributes import QuerysetCache
from oscar.core.loading import get_model

from catalog.imports.columns import TRANSLATION_COLUMNS, columns_for
from catalog.imports.forms import OfferColumnsForm, ProductColumnsForm, lookup_table, rebind, with_lookups
from catalog.imports.selectors import category_breadcrumbs
from catalog.reference.models import Currency, HSCode, Incoterm, Unit
from catalog.specs.forms import SPEC_FORMS

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

SKU_MAX_LENGTH = 128
TRANSLATION_MAX_LENGTH = 255
YES, NO = {"yes", "y", "true", "1", "да", "是"}, {"no", "n", "false", "0", "", "нет", "否"}
REMEMBERED_PER_GROUP = 20_000  # results kept per group of columns; bounded for memory


@dataclass
class ImportRow:
    """A valid row: model values by attribute name (``hs_code_id``), ready to compare and write."""

    number: int
    sku: str
    product: dict
    categories: frozenset[int]
    specs: dict[str, dict]  # related name on Product → values
    translations: dict[str, str]  # language → title; languages left empty are absent
    offer: dict
    tiers: frozenset[tuple[Decimal, Decimal]]
    incoterms: frozenset[tuple[int, str]]


@dataclass
class RowProblems:
    number: int
    problems: list[dict] = field(default_factory=list)

    def add(self, column: str, messages) -> None:
        for message in [messages] if isinstance(messages, str) else messages:
            self.problems.append({"row": self.number, "column": column, "message": str(message)})


Outcome = tuple[object, list[tuple[str, list[str]]]]  # a group's value, or its (column, messages)


def _model_values(form: forms.ModelForm) -> dict:
    """A valid model form's values by attribute name (foreign keys as ids)."""
    values = {}
    for name in form._meta.fields:
        model_field = form._meta.model._meta.get_field(name)
        value = form.cleaned_data[name]
        values[model_field.attname] = value.pk if model_field.is_relation and value is not None else value
    return values


class RowValidator:
    """Validates the rows of one import; reference tables are read once, in the constructor."""

    def __init__(self, *, product_class):
        self.product_class = product_class
        columns = columns_for(product_class.slug)
        self.order = {column.name: index for index, column in enumerate(columns)}
        self.columns = {
            group: [c for c in columns if c.group == group] for group in {c.group for c in columns}
        }
        tables = {
            HSCode: lookup_table(HSCode.objects.all(), None),
            Unit: lookup_table(Unit.objects.all(), "code"),
            ProductClass: {product_class.slug: product_class},
        }
        self.spec_groups = [column.group for column in columns if column.group in SPEC_FORMS]
        self.spec_groups = list(dict.fromkeys(self.spec_groups))
        # One form per group, bound again for each row (copying its fields costs more than validating).
        self.forms = {name: with_lookups(SPEC_FORMS[name], tables)({}) for name in self.spec_groups}
        self.forms["product"] = with_lookups(ProductColumnsForm, tables)({})
        self.forms["offer"] = OfferColumnsForm(
            {},
            currencies=list(Currency.objects.values_list("code", flat=True)),
            incoterms={incoterm.code: incoterm for incoterm in Incoterm.objects.all()},
        )
        self.choices = {
            (group, name): {str(value).lower(): value for value, _label in form_field.choices}
            for group in self.spec_groups
            for name, form_field in self.forms[group].fields.items()
            if isinstance(form_field, forms.TypedChoiceField)
        }
        self.categories = {names.lower(): pk for pk, names in category_breadcrumbs().items()}
        self.product = Product(product_class=product_class)
        # Oscar's clean checks the class's attributes; give it the list read once.
        self.product.attr.cache.set_attributes(QuerysetCache(list(product_class.attributes.all())))
        # Specs and offer terms repeat across a supplier's rows; a title is one product's.
        self.remembered: dict[str, dict[tuple, Outcome]] = {
            group: {} for group in [*self.spec_groups, "offer"]
        }
        self.seen_skus: dict[str, int] = {}
        self.checks = {"product": self._product, "offer": self._offer} | dict.fromkeys(
            self.spec_groups, self._spec
        )

    def validate(self, number: int, values: dict[str, str]) -> ImportRow | RowProblems:
        problems = RowProblems(number)
        sku = self._sku(values["sku"], problems)
        groups = {
            group: self._checked(group, check, values, problems) for group, check in self.checks.items()
        }
        categories = self._categories(values["category"], problems)
        translations = self._translations(values, problems)
        if problems.problems:
            problems.problems.sort(key=lambda problem: self.order.get(problem["column"], -1))
            return problems
        offer, tiers, incoterms = groups["offer"]
        return ImportRow(
            number=number,
            sku=sku,
            product=groups["product"],
            categories=categories,
            specs={name: groups[name] for name in self.spec_groups},
            translations=translations,
            offer=offer,
            tiers=tiers,
            incoterms=incoterms,
        )

    def _checked(self, group: str, check, values: dict, problems: RowProblems):
        """``check(group, data)`` for the group's cells, remembered by those cells if kept."""
        cells = tuple(values[column.name] for column in self.columns[group])
        remembered = self.remembered.get(group)
        if remembered is None:
            outcome = check(group, self._form_data(group, cells))
        else:
            if cells not in remembered:
                if len(remembered) >= REMEMBERED_PER_GROUP:
                    remembered.clear()
                remembered[cells] = check(group, self._form_data(group, cells))
            outcome = remembered[cells]
        value, errors = outcome
        for column, messages in errors:
            problems.add(column, messages)
        return value

    def _form_data(self, group: str, cells: tuple) -> dict:
        return dict(zip((column.field for column in self.columns[group]), cells, strict=True))

    def _form_outcome(self, group: str, form, valid_value) -> Outcome:
        if form.is_valid():
            return valid_value(form), []
        columns = {column.field: column.name for column in self.columns[group]}
        return None, [(columns.get(name, ""), list(messages)) for name, messages in form.errors.items()]

    def _product(self, group: str, data: dict) -> Outcome:
        # The form sets every field it validates, so one unsaved product serves every row. The
        # values are read from that product: its clean() has cleaned the description's markup.
        form = rebind(self.forms[group], {**data, "product_class": self.product_class.slug}, self.product)
        return self._form_outcome(
            group, form, lambda form: {name: getattr(form.instance, name) for name in data}
        )

    def _spec(self, group: str, data: dict) -> Outcome:
        form = self.forms[group]
        errors = []
        for name, text in data.items():
            if isinstance(form.fields[name], forms.BooleanField):
                if text.lower() not in YES | NO:
                    errors.append((self._column(group, name), [_("Write yes or no.")]))
                data[name] = text.lower() in YES
            else:
                # Choices in any case: "danger", "Danger" and "DANGER" are the same signal word.
                data[name] = self.choices.get((group, name), {}).get(text.lower(), text)
        value, form_errors = self._form_outcome(group, rebind(form, data, form._meta.model()), _model_values)
        return (None if errors else value), errors + form_errors

    def _offer(self, group: str, data: dict) -> Outcome:
        data["minimum_order_quantity"] = data["minimum_order_quantity"] or "1"
        form = rebind(self.forms[group], data, OfferColumnsForm._meta.model())

        def offer_values(form) -> tuple:
            cleaned = form.cleaned_data
            return (
                {name: cleaned[name] for name in OfferColumnsForm._meta.fields},
                frozenset((tier.min_quantity, tier.unit_price) for tier in cleaned["price_tiers"]),
                frozenset((incoterm.pk, place) for incoterm, place in cleaned["incoterms"]),
            )

        return self._form_outcome(group, form, offer_values)

    def _column(self, group: str, field_name: str) -> str:
        return next(column.name for column in self.columns[group] if column.field == field_name)

    def _sku(self, sku: str, problems: RowProblems) -> str:
        if not sku:
            problems.add("sku", _("Every row needs your SKU."))
        elif len(sku) > SKU_MAX_LENGTH:
            problems.add("sku", _("A SKU has at most %(n)s characters.") % {"n": SKU_MAX_LENGTH})
        elif sku in self.seen_skus:
            problems.add("sku", _("This SKU is already in row %(row)s.") % {"row": self.seen_skus[sku]})
        else:
            self.seen_skus[sku] = problems.number
        return sku

    def _categories(self, text: str, problems: RowProblems) -> frozenset[int]:
        ids = set()
        for breadcrumbs in filter(None, (part.strip() for part in text.split(";"))):
            key = " > ".join(name.strip() for name in breadcrumbs.split(">")).lower()
            if key not in self.categories:
                problems.add("category", _("There is no category %(name)s.") % {"name": breadcrumbs})
            else:
                ids.add(self.categories[key])
        return frozenset(ids)

    def _translations(self, values: dict, problems: RowProblems) -> dict[str, str]:
        translations = {}
        for column, language in TRANSLATION_COLUMNS.items():
            if len(values[column]) > TRANSLATION_MAX_LENGTH:
                problems.add(
                    column, _("A title has at most %(n)s characters.") % {"n": TRANSLATION_MAX_LENGTH}
                )
            elif values[column]:
                translations[language] = values[column]
        return translations
