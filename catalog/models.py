# Catalog models: subclasses of Oscar's abstract models go above the star import.
from oscar.apps.catalogue.models import *  # noqa: E402, F403

from catalog.reference.models import (  # noqa: F401  (reference data belongs to this app)
    Currency,
    ExchangeRate,
    HSCode,
    Incoterm,
    Unit,
    UnitConversion,
)
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec  # noqa: F401
