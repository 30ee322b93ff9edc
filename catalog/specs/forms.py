"""Forms for a product's typed specs: the one place their input is validated.

The product API feeds JSON through these forms and the supplier portal renders them, so both
accept and refuse exactly the same values (field validators, model ``clean`` and constraints).
"""

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.reference.models import Unit
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.specs.registry import spec_models_for

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")


class CodeChoicesMixin:
    """Fields chosen by code (unit "t", class "chemical") show the saved choice when editing.

    A ModelForm's initial values are primary keys, which a ``to_field_name`` field cannot match.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if getattr(field, "to_field_name", None) and self.instance.pk:
                related = getattr(self.instance, name, None)
                if related is not None:
                    self.initial[name] = getattr(related, field.to_field_name)


class ProductForm(CodeChoicesMixin, forms.ModelForm):
    product_class = forms.ModelChoiceField(
        ProductClass.objects.all(),
        to_field_name="slug",
        label=_("Product type"),
        error_messages={"invalid_choice": _("Unknown product type; use chemical, battery, pv-module…")},
    )

    class Meta:
        model = Product
        fields = ("title", "upc", "product_class", "description")
        labels = {"upc": _("Product code")}
        help_texts = {"upc": _("Optional: your own code for the product, unique in the catalog.")}

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("A product needs a title."))
        return title


class TradeSpecForm(CodeChoicesMixin, forms.ModelForm):
    commercial_unit = forms.ModelChoiceField(
        Unit.objects.all(),
        to_field_name="code",
        label=_("Commercial unit"),
        error_messages={"invalid_choice": _("Unknown unit; use a unit code such as t, kg or pcs.")},
    )

    class Meta:
        model = TradeSpec
        fields = (
            "hs_code",
            "origin_country",
            "commercial_unit",
            "net_weight_kg",
            "gross_weight_kg",
            "packaging",
            "certifications",
        )
        error_messages = {"hs_code": {"invalid_choice": _("This HS code is not in the HS reference table.")}}


class ChemicalSpecForm(forms.ModelForm):
    class Meta:
        model = ChemicalSpec
        fields = (
            "cas_number",
            "purity_percent",
            "grade",
            "ghs_classes",
            "signal_word",
            "hazard_statements",
            "un_number",
            "proper_shipping_name",
            "transport_class",
            "subsidiary_class",
            "packing_group",
        )


class BatterySpecForm(forms.ModelForm):
    class Meta:
        model = BatterySpec
        fields = ("chemistry", "form", "watt_hours", "voltage", "amp_hours", "un_number", "un38_3_tested")


class VehicleSpecForm(forms.ModelForm):
    class Meta:
        model = VehicleSpec
        fields = (
            "make",
            "model",
            "model_year",
            "powertrain",
            "battery_kwh",
            "emission_standard",
            "steering_side",
            "condition",
            "vin",
        )


# Related name on Product → form; the registry says which of these a class needs.
SPEC_FORMS = {
    "trade_spec": TradeSpecForm,
    "chemical_spec": ChemicalSpecForm,
    "battery_spec": BatterySpecForm,
    "vehicle_spec": VehicleSpecForm,
}


def spec_names_for(product_class_slug: str) -> list[str]:
    """The SPEC_FORMS keys a product class needs (specs/registry.py decides)."""
    models = spec_models_for(product_class_slug)
    return [name for name, form_class in SPEC_FORMS.items() if form_class._meta.model in models]


def existing_spec(product, name: str):
    """The product's spec ``name`` (e.g. "trade_spec"), or None (also for an unsaved product)."""
    if product is None:
        return None
    try:
        return getattr(product, name)
    except ObjectDoesNotExist:
        return None
