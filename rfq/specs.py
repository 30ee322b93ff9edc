"""The typed specification fields a buyer can ask for, and how they filter suppliers' products."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.specs.models import BatteryChemistry, SteeringSide


@dataclass(frozen=True)
class SpecField:
    key: str
    label: object
    lookup: str  # on catalogue.Product
    kind: str  # "decimal", "int" or "text"
    choices: tuple = ()
    symbol: str = "="


SPEC_FIELDS = (
    SpecField(
        "min_purity_percent",
        _("Purity at least (%)"),
        "chemical_spec__purity_percent__gte",
        "decimal",
        symbol="≥",
    ),
    SpecField("packaging", _("Packaging"), "stockrecords__packaging__icontains", "text"),
    SpecField("model_year_min", _("Model year from"), "vehicle_spec__model_year__gte", "int", symbol="≥"),
    SpecField("steering_side", _("Steering"), "vehicle_spec__steering_side", "text", SteeringSide.choices),
    SpecField(
        "chemistry", _("Battery chemistry"), "battery_spec__chemistry", "text", BatteryChemistry.choices
    ),
    SpecField(
        "min_watt_hours", _("Energy at least (Wh)"), "battery_spec__watt_hours__gte", "decimal", symbol="≥"
    ),
)
BY_KEY = {field.key: field for field in SPEC_FIELDS}


def clean_specification(raw: dict) -> dict:
    """Keep known, non-empty fields as JSON-safe strings/ints."""
    spec = {}
    for key, value in raw.items():
        field = BY_KEY.get(key)
        if field is None or value in (None, ""):
            continue
        if field.kind == "decimal":
            spec[key] = format(Decimal(value).normalize(), "f")
        elif field.kind == "int":
            spec[key] = int(value)
        else:
            spec[key] = str(value).strip()
    return spec


def product_filter(spec: dict) -> Q:
    condition = Q()
    for key, value in spec.items():
        field = BY_KEY.get(key)
        if field is not None:
            condition &= Q(**{field.lookup: Decimal(value) if field.kind == "decimal" else value})
    return condition


def describe(spec: dict) -> list[str]:
    """["Purity at least (%) ≥ 99.85", "Packaging = IBC"] for pages and the routing rule."""
    return [
        f"{BY_KEY[key].label} {BY_KEY[key].symbol} {value}" for key, value in spec.items() if key in BY_KEY
    ]
