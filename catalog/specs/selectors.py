"""Specifications of a product, grouped for display."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")

# (related name on Product, group heading, fields shown in order)
GROUPS = [
    (
        "trade_spec",
        _("Trade and customs"),
        (
            "hs_code",
            "commercial_unit",
            "net_weight_kg",
            "gross_weight_kg",
            "packaging",
            "origin_country",
            "certifications",
        ),
    ),
    (
        "chemical_spec",
        _("Chemical"),
        ("cas_number", "purity_percent", "grade", "ghs_classes", "signal_word", "hazard_statements"),
    ),
    (
        "chemical_spec",
        _("Dangerous goods"),
        ("un_number", "proper_shipping_name", "transport_class", "subsidiary_class", "packing_group"),
    ),
    (
        "battery_spec",
        _("Battery"),
        ("chemistry", "form", "watt_hours", "voltage", "amp_hours", "un_number", "un38_3_tested"),
    ),
    (
        "vehicle_spec",
        _("Vehicle"),
        (
            "make",
            "model",
            "model_year",
            "powertrain",
            "battery_kwh",
            "emission_standard",
            "steering_side",
            "condition",
            "vin",
        ),
    ),
]


@dataclass(frozen=True)
class SpecGroup:
    title: str
    rows: list[tuple[str, object]]


def product_with_specs(*, product_id: int, extra: tuple[str, ...] = ()) -> Product:
    return Product.objects.select_related(
        "trade_spec__hs_code__unit1",
        "trade_spec__hs_code__unit2",
        "trade_spec__commercial_unit",
        "chemical_spec",
        "battery_spec",
        "vehicle_spec",
        *extra,
    ).get(pk=product_id)


def _display(spec: models.Model, field_name: str):
    field = spec._meta.get_field(field_name)
    if field.choices:
        return getattr(spec, f"get_{field_name}_display")()
    if field_name == "origin_country":
        return spec.origin_country_name
    value = getattr(spec, field_name)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 1000.000 → "1000", 99.850 → "99.85"
    return value


def specification_groups(*, product: Product) -> list[SpecGroup]:
    """Non-empty groups of labelled values; ``product`` should come from product_with_specs."""
    groups = []
    for related_name, title, field_names in GROUPS:
        try:
            spec = getattr(product, related_name)
        except ObjectDoesNotExist:
            continue
        rows = [
            (spec._meta.get_field(name).verbose_name, _display(spec, name))
            for name in field_names
            if _display(spec, name) not in ("", None)
        ]
        if rows:
            groups.append(SpecGroup(title=title, rows=rows))
    return groups
