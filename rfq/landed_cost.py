"""Landed cost of a quote at the buyer's destination, by Incoterm group.

What the buyer still pays on top of the quoted price depends on the rule:
- E and F terms (EXW, FCA, FAS, FOB): main freight, insurance (a % of the CIF value),
  destination charges and import duty;
- C terms: CFR/CPT leave insurance and destination charges (and duty) to the buyer;
  CIF/CIP include insurance, leaving destination charges and duty;
- D terms: DAP/DPU leave only the import duty; DDP includes it (nothing is added).
Import duty is charged on the CIF value (goods + freight + insurance), as most customs
unions do (Mongolia, the EAEU). Every amount is per unit of the RFQ, in one currency.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

E_F_TERMS = {"EXW", "FCA", "FAS", "FOB"}
C_TERMS_WITHOUT_INSURANCE = {"CFR", "CPT"}
C_TERMS_WITH_INSURANCE = {"CIF", "CIP"}
D_TERMS_DUTY_UNPAID = {"DAP", "DPU"}
D_TERMS_DUTY_PAID = {"DDP"}
MODES = ("sea", "rail", "road", "air")
CENT = Decimal("0.01")


def group_of(incoterm_code: str) -> str:
    return {"E": "E/F", "F": "E/F", "C": "C", "D": "D"}[incoterm_code[0]]


@dataclass(frozen=True)
class Assumptions:
    mode: str
    freight_per_unit: Decimal
    insurance_percent: Decimal
    destination_charges_per_unit: Decimal
    duty_percent: Decimal

    @classmethod
    def defaults(cls, *, destination_country: str, mode: str | None = None) -> "Assumptions":
        """From settings.RFQ_LANDED_COST_DEFAULTS (amounts in the settings' currency, USD)."""
        config = settings.RFQ_LANDED_COST_DEFAULTS
        mode = mode or config["mode"]
        duties = config["duty_percent"]
        return cls(
            mode=mode,
            freight_per_unit=Decimal(config["freight_per_unit"][mode]),
            insurance_percent=Decimal(config["insurance_percent"]),
            destination_charges_per_unit=Decimal(config["destination_charges_per_unit"]),
            duty_percent=Decimal(duties.get(destination_country, duties["default"])),
        )


@dataclass(frozen=True)
class LandedCost:
    group: str
    price: Decimal  # per unit, as quoted (converted)
    freight: Decimal = Decimal(0)
    insurance: Decimal = Decimal(0)
    destination_charges: Decimal = Decimal(0)
    duty: Decimal = Decimal(0)
    added: list[str] = field(default_factory=list)

    @property
    def per_unit(self) -> Decimal:
        return self.price + self.freight + self.insurance + self.destination_charges + self.duty

    def total(self, quantity: Decimal) -> Decimal:
        return (self.per_unit * quantity).quantize(CENT, rounding=ROUND_HALF_UP)


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def landed_cost(*, incoterm_code: str, unit_price: Decimal, assumptions: Assumptions) -> LandedCost:
    """The per-unit landed cost of ``unit_price`` quoted under ``incoterm_code``."""
    code = incoterm_code.upper()
    freight = insurance = charges = Decimal(0)
    added = []
    if code in E_F_TERMS:
        freight = assumptions.freight_per_unit
        insurance = (unit_price + freight) * assumptions.insurance_percent / 100
        charges = assumptions.destination_charges_per_unit
        added = ["freight", "insurance", "destination_charges", "duty"]
    elif code in C_TERMS_WITHOUT_INSURANCE:
        insurance = unit_price * assumptions.insurance_percent / 100
        charges = assumptions.destination_charges_per_unit
        added = ["insurance", "destination_charges", "duty"]
    elif code in C_TERMS_WITH_INSURANCE:
        charges = assumptions.destination_charges_per_unit
        added = ["destination_charges", "duty"]
    elif code in D_TERMS_DUTY_UNPAID:
        added = ["duty"]
    elif code not in D_TERMS_DUTY_PAID:
        raise ValueError(f"Unknown Incoterm {incoterm_code!r}.")
    if code in D_TERMS_DUTY_UNPAID:
        cif_value = unit_price  # delivered: the price already covers freight and insurance
    else:
        cif_value = unit_price + freight + insurance
    duty = cif_value * assumptions.duty_percent / 100 if "duty" in added else Decimal(0)
    return LandedCost(
        group=group_of(code),
        price=_money(unit_price),
        freight=_money(freight),
        insurance=_money(insurance),
        destination_charges=_money(charges),
        duty=_money(duty),
        added=added,
    )
