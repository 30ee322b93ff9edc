"""Which typed specs each product class carries (TradeSpec always); classes: specs/classes.py."""

from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec

SPECS_BY_CLASS = {
    "chemical": (TradeSpec, ChemicalSpec),
    "battery": (TradeSpec, BatterySpec),
    "pv-module": (TradeSpec,),
    "vehicle": (TradeSpec, VehicleSpec),
    "textile": (TradeSpec,),
    "food": (TradeSpec,),
}


def spec_models_for(product_class_slug: str) -> tuple:
    return SPECS_BY_CLASS.get(product_class_slug, (TradeSpec,))
