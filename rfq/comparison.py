"""The comparison page's rows: live quotes in one currency and one unit, with landed cost."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from catalog.reference.selectors import RateTable, UnitTable, rates_at, unit_table
from rfq.landed_cost import Assumptions, LandedCost, landed_cost
from rfq.selectors import ResponseRate, response_rates

SORTS = ("landed_cost", "lead_time")


@dataclass(frozen=True)
class ComparisonRow:
    quote: object
    unit_price: Decimal | None  # per RFQ unit, in the comparison currency
    landed: LandedCost | None
    landed_total: Decimal | None
    response_rate: ResponseRate
    problem: str = ""  # why a figure is missing (no FX rate, no unit conversion)


def default_assumptions(*, rfq, currency: str, mode: str | None = None, rates: RateTable | None = None):
    """Settings' defaults (USD) in ``currency``."""
    base = Assumptions.defaults(destination_country=rfq.destination_country, mode=mode)
    rate = (rates or rates_at()).rate("USD", currency)
    cent = Decimal("0.01")
    return Assumptions(
        mode=base.mode,
        freight_per_unit=(base.freight_per_unit * rate).quantize(cent, rounding=ROUND_HALF_UP),
        insurance_percent=base.insurance_percent,
        destination_charges_per_unit=(base.destination_charges_per_unit * rate).quantize(cent),
        duty_percent=base.duty_percent,
    )


def _price_per_rfq_unit(quote, *, rfq, currency: str, rates: RateTable, units: UnitTable):
    # 1 RFQ unit = factor × quote unit, so the RFQ unit costs factor × the quote's unit price.
    factor = units.factor(from_unit_id=rfq.unit_id, to_unit_id=quote.unit_id)
    if factor is None:
        return None, "unit"
    price = quote.price_for(rfq.quantity * factor)
    try:
        return rates.convert(price * factor, currency=quote.currency_id, to=currency), ""
    except LookupError:
        return None, "fx"


def compare(*, rfq, quotes, currency: str, assumptions: Assumptions, sort: str = "landed_cost") -> list:
    rates = rates_at()
    units = unit_table()
    quotes = list(quotes)
    rates_by_supplier = response_rates(partner_ids={quote.supplier_id for quote in quotes})
    rows = []
    for quote in quotes:
        price, problem = _price_per_rfq_unit(quote, rfq=rfq, currency=currency, rates=rates, units=units)
        landed = (
            landed_cost(incoterm_code=quote.incoterm.code, unit_price=price, assumptions=assumptions)
            if price is not None
            else None
        )
        rows.append(
            ComparisonRow(
                quote=quote,
                unit_price=price,
                landed=landed,
                landed_total=landed.total(rfq.quantity) if landed else None,
                response_rate=rates_by_supplier.get(quote.supplier_id, ResponseRate(0, 0)),
                problem=problem,
            )
        )
    if sort == "lead_time":
        rows.sort(key=lambda row: (row.quote.lead_time_days, row.landed_total or Decimal("Infinity")))
    else:
        rows.sort(key=lambda row: (row.landed_total is None, row.landed_total or 0, row.quote.lead_time_days))
    return rows
