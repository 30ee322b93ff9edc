"""The columns of a product class's spreadsheet, derived from the forms that validate them.

Spec columns come from the spec forms of catalog/specs/forms.py and the class's specs in
catalog/specs/registry.py, so a field added to a spec form becomes a column of the template.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalog.specs.forms import SPEC_FORMS, ProductForm
from catalog.specs.registry import spec_models_for

# Where a column name differs from the form field it feeds.
RENAMED = {"commercial_unit": "unit"}
TRANSLATION_COLUMNS = {"title_ru": "ru", "title_zh": "zh-hans"}


@dataclass(frozen=True)
class Column:
    name: str
    group: str  # "sku", "product", "category", a spec's related name, "translation" or "offer"
    field: str  # the form field it feeds ("" for columns the import parses itself)
    label: str | Promise
    required: bool = False
    allowed: str | Promise = ""  # allowed values or format, for the Help sheet


PRODUCT_FORM_FIELDS = ("title", "description")

OFFER_COLUMNS = (
    Column("price", "offer", "price", _("Base unit price"), True, _("Decimal, e.g. 285.00")),
    Column("currency", "offer", "price_currency", _("Currency"), True),
    Column(
        "moq", "offer", "minimum_order_quantity", _("Minimum order quantity"), False, _("Decimal; 1 if empty")
    ),
    Column("lead_time_days", "offer", "lead_time_days", _("Lead time (days)"), False, _("Whole days")),
    Column("monthly_capacity", "offer", "monthly_capacity", _("Monthly capacity"), False, _("Decimal")),
    Column(
        "incoterms",
        "offer",
        "incoterms",
        _("Incoterms offered"),
        False,
        _('Incoterm and named place, separated by ";": FCA Erenhot; CPT Moscow'),
    ),
    Column(
        "price_tiers",
        "offer",
        "price_tiers",
        _("Quantity breaks"),
        False,
        _('From quantity:unit price, separated by ";": 100:275.00; 500:265.00'),
    ),
)

EXAMPLES = {
    "hs_code": _("10 digits from the HS reference, e.g. 2905110000"),
    "origin_country": _("ISO 3166 code, e.g. CN"),
    "unit": _("Unit code: t, kg, pcs, drum, bag…"),
    "cas_number": _("e.g. 67-56-1 (check digit verified)"),
    "un_number": _("e.g. UN1230"),
    "transport_class": _("e.g. 3 or 6.1"),
    "subsidiary_class": _("e.g. 6.1"),
    "vin": _("17 characters, check digit verified"),
}


def _spec_forms(product_class_slug: str) -> dict[str, type[forms.ModelForm]]:
    models = spec_models_for(product_class_slug)
    return {name: form for name, form in SPEC_FORMS.items() if form._meta.model in models}


def _allowed(column_name: str, field: forms.Field) -> str | Promise:
    if isinstance(field, forms.BooleanField):
        return _("yes or no")
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return "; ".join(f"{value} ({label})" for value, label in field.choices if value)
    if isinstance(field, forms.DecimalField):
        return EXAMPLES.get(column_name, _("Number, with a dot for decimals"))
    if isinstance(field, forms.IntegerField):
        return EXAMPLES.get(column_name, _("Whole number"))
    return EXAMPLES.get(column_name, "")


def spec_columns(product_class_slug: str) -> list[Column]:
    columns = []
    for group, form_class in _spec_forms(product_class_slug).items():
        for field_name, field in form_class.base_fields.items():
            name = RENAMED.get(field_name, field_name)
            columns.append(
                Column(name, group, field_name, field.label, field.required, _allowed(name, field))
            )
    return columns


def columns_for(product_class_slug: str) -> list[Column]:
    """Every column of the class's template, in the template's order."""
    product_fields = ProductForm.base_fields
    columns = [
        Column("sku", "sku", "", _("Your SKU (the key: a known SKU updates, a new one creates)"), True),
        *(
            Column(name, "product", name, product_fields[name].label, name == "title")
            for name in PRODUCT_FORM_FIELDS
        ),
        Column(
            "category",
            "category",
            "",
            _("Categories"),
            False,
            _(
                'Existing categories as breadcrumbs, separated by ";": '
                "Chemicals > Coal chemicals (empty: none)"
            ),
        ),
        *spec_columns(product_class_slug),
        Column(
            "title_ru", "translation", "ru", _("Title in Russian"), False, _("Empty keeps the current one")
        ),
        Column(
            "title_zh",
            "translation",
            "zh-hans",
            _("Title in Chinese"),
            False,
            _("Empty keeps the current one"),
        ),
        *OFFER_COLUMNS,
    ]
    names = [column.name for column in columns]
    if len(names) != len(set(names)):  # a spec form gained a field named like another column
        raise ImproperlyConfigured(f"Import columns of {product_class_slug} repeat a name: {names}")
    return columns


def header_for(product_class_slug: str) -> list[str]:
    return [column.name for column in columns_for(product_class_slug)]
