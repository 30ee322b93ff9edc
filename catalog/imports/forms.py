"""Forms of bulk import: the upload, and the offer columns of a row.

A row's product and spec columns go through the forms of catalog/specs/forms.py; only their
reference-table choices are read from memory (see ``with_lookups``), so a 100,000-row file
does not cost a query per row and per choice.
"""

from decimal import Decimal
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.imports.constraints import validate_constraints
from catalog.imports.models import IMPORT_FILE_KINDS
from catalog.offers.rules import Tier, check_tiers
from catalog.specs.classes import PRODUCT_CLASSES
from catalog.specs.forms import ProductForm
from marketplace.core.uploads import UploadValidator

StockRecord = get_model("partner", "StockRecord")
MAX_TERMS = 20  # Incoterms or quantity breaks in one cell


class ImportUploadForm(forms.Form):
    product_class = forms.ChoiceField(label=_("Product type"), choices=list(PRODUCT_CLASSES.items()))
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV (UTF-8) or Excel .xlsx, with the first row of the product type's template."),
        validators=[UploadValidator(kinds=IMPORT_FILE_KINDS)],
    )


class LookupChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that finds its value in a dict read once per import."""

    def __init__(self, queryset, *, lookup: dict, **kwargs):
        super().__init__(queryset, **kwargs)
        self.lookup = lookup

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.lookup[str(value)]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


def lookup_table(queryset, key: str | None) -> dict:
    return {str(getattr(row, key or "pk")): row for row in queryset}


class ImportRowFormMixin:
    """Validates like the original form, without a query per row.

    Choices found in the import's lookup tables exist (they were read at its start), so the
    model does not query again to confirm them; check constraints are evaluated in memory.
    """

    lookup_fields: frozenset[str] = frozenset()

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() | self.lookup_fields

    def _post_clean(self):
        self.instance.validate_constraints = partial(validate_constraints, self.instance)
        super()._post_clean()


def with_lookups(form_class: type[forms.BaseForm], tables: dict) -> type[forms.BaseForm]:
    """``form_class`` with each model choice resolved from ``tables`` (model → lookup dict).

    Everything else (labels, messages, validators, the model's clean and constraints) is the
    original form's.
    """
    declared = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.ModelChoiceField):
            declared[name] = LookupChoiceField(
                field.queryset,
                lookup=tables[field.queryset.model],
                to_field_name=field.to_field_name,
                required=field.required,
                label=field.label,
                error_messages=field.error_messages,
            )
    return type(
        form_class.__name__,
        (ImportRowFormMixin, form_class),
        {**declared, "lookup_fields": frozenset(declared)},
    )


def rebind(form: forms.BaseForm, data: dict, instance=None) -> forms.BaseForm:
    """Bind ``form`` to the next row's ``data`` (and a fresh model ``instance``).

    Reusing one form per import spares the deep copy of its fields that every new form makes,
    the larger part of validating a row. Resets what BaseForm.__init__ sets for bound data.
    """
    form.data, form.is_bound = data, True
    form._errors, form._bound_fields_cache = None, {}
    if instance is not None:
        form.instance = instance
    return form


class ProductColumnsForm(ProductForm):
    """The product form without the UPC, which the import leaves alone."""

    class Meta(ProductForm.Meta):
        fields = ("title", "product_class", "description")


class IncotermsField(forms.Field):
    """ "FCA Erenhot; CPT Moscow" → [(Incoterm, named place), ...]."""

    def __init__(self, *, incoterms: dict, **kwargs):
        super().__init__(required=False, **kwargs)
        self.incoterms = incoterms

    def to_python(self, value) -> list:
        terms = [term.strip() for term in (value or "").split(";") if term.strip()]
        if len(terms) > MAX_TERMS:
            raise ValidationError(_("At most %(n)s Incoterms per offer."), params={"n": MAX_TERMS})
        places = []
        for term in terms:
            code, _space, place = term.partition(" ")
            incoterm, place = self.incoterms.get(code.upper()), place.strip()
            if incoterm is None:
                raise ValidationError(_("%(code)s is not an Incoterms 2020 rule."), params={"code": code})
            if not place or len(place) > 100:
                raise ValidationError(
                    _("Give %(code)s with its named place (up to 100 characters), e.g. FCA Erenhot."),
                    params={"code": incoterm.code},
                )
            places.append((incoterm, place))
        if len(set(places)) != len(places):
            raise ValidationError(_("An Incoterm and place is given twice."))
        return places


class PriceTiersField(forms.Field):
    """ "100:275.00; 500:265.00" → [Tier(100, 275.00), Tier(500, 265.00)]."""

    quantity = forms.DecimalField(min_value=Decimal("0.001"), max_digits=14, decimal_places=3)
    price = forms.DecimalField(min_value=Decimal("0.01"), max_digits=12, decimal_places=2)

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> list[Tier]:
        breaks = [item.strip() for item in (value or "").split(";") if item.strip()]
        if len(breaks) > MAX_TERMS:
            raise ValidationError(_("At most %(n)s quantity breaks per offer."), params={"n": MAX_TERMS})
        tiers = []
        for item in breaks:
            quantity, colon, price = item.partition(":")
            if not colon:
                raise ValidationError(_("Write each break as quantity:price, e.g. 100:275.00."))
            try:
                tiers.append(Tier(self.quantity.clean(quantity.strip()), self.price.clean(price.strip())))
            except ValidationError as error:
                raise ValidationError(
                    _("%(item)s: %(problem)s"), params={"item": item, "problem": " ".join(error.messages)}
                ) from None
        return tiers


class OfferColumnsForm(forms.ModelForm):
    """The offer terms of a row; quantity breaks follow the portal's rules (check_tiers)."""

    price_currency = forms.ChoiceField(label=_("Currency"))

    class Meta:
        model = StockRecord
        fields = ("price", "price_currency", "minimum_order_quantity", "lead_time_days", "monthly_capacity")

    def __init__(self, *args, currencies: list[str], incoterms: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["price"].required = True
        self.fields["price_currency"].choices = [(code, code) for code in currencies]
        self.fields["incoterms"] = IncotermsField(incoterms=incoterms, label=_("Incoterms"))
        self.fields["price_tiers"] = PriceTiersField(label=_("Quantity breaks"))

    def clean(self):
        cleaned = super().clean()
        if {"price", "minimum_order_quantity", "price_tiers"} <= set(cleaned):
            try:
                check_tiers(
                    price=cleaned["price"],
                    moq=cleaned["minimum_order_quantity"],
                    tiers=cleaned["price_tiers"],
                )
            except ValidationError as error:
                self.add_error("price_tiers", error.message_dict["tiers"])
        return cleaned
