"""Reads of reference data: exchange rates in force at a moment, unit conversions."""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from catalog.reference.models import ExchangeRate, Unit, UnitConversion


class ExchangeRateMissingError(LookupError):
    pass


class ConversionMissingError(LookupError):
    pass


class RateTable:
    """The exchange rates in force at one moment, read in one query.

    A pair is priced from its own rate, its inverse, or across the pivot currency (USD):
    rates are recorded against USD, so EUR → RUB goes EUR → USD → RUB.
    """

    def __init__(self, rows, *, at: datetime, pivot: str):
        self.at = at
        self.pivot = pivot
        self._rates: dict[tuple[str, str], tuple[datetime, Decimal]] = {}
        for row in rows:
            pair = (row.base_id, row.quote_id)
            if pair not in self._rates or row.valid_from > self._rates[pair][0]:
                self._rates[pair] = (row.valid_from, row.rate)

    def _pair_rate(self, base: str, quote: str) -> Decimal | None:
        direct = self._rates.get((base, quote))
        inverse = self._rates.get((quote, base))
        # When both directions exist, the one set more recently is in force.
        if direct and (not inverse or direct[0] >= inverse[0]):
            return direct[1]
        if inverse:
            return Decimal(1) / inverse[1]
        return None

    def rate(self, base: str, quote: str) -> Decimal:
        if base == quote:
            return Decimal(1)
        rate = self._pair_rate(base, quote)
        if rate is None and self.pivot not in (base, quote):
            to_pivot, from_pivot = self._pair_rate(base, self.pivot), self._pair_rate(self.pivot, quote)
            if to_pivot is not None and from_pivot is not None:
                rate = to_pivot * from_pivot
        if rate is None:
            raise ExchangeRateMissingError(f"No {base}/{quote} rate in force at {self.at:%Y-%m-%d %H:%M}.")
        return rate

    def convert(self, amount: Decimal, *, currency: str, to: str) -> Decimal:
        return amount * self.rate(currency, to)


def rates_at(at: datetime | None = None, *, currencies: set[str] | None = None) -> RateTable:
    """Each pair's latest rate that had started by ``at`` (now by default), in one query."""
    at = at or timezone.now()
    pivot = settings.FX_PIVOT_CURRENCY
    in_force = ExchangeRate.objects.filter(valid_from__lte=at)
    if currencies:
        wanted = currencies | {pivot}
        in_force = in_force.filter(base__in=wanted, quote__in=wanted)
    latest_start = (
        ExchangeRate.objects.filter(base=OuterRef("base"), quote=OuterRef("quote"), valid_from__lte=at)
        .order_by("-valid_from")
        .values("valid_from")[:1]
    )
    rows = in_force.filter(valid_from=Subquery(latest_start)).only("base", "quote", "rate", "valid_from")
    return RateTable(rows, at=at, pivot=pivot)


def exchange_rate_at(*, base: str, quote: str, at: datetime | None = None) -> Decimal:
    """How many ``quote`` one ``base`` bought at ``at`` (now by default)."""
    if base == quote:
        return Decimal(1)
    return rates_at(at, currencies={base, quote}).rate(base, quote)


def convert_money(*, amount: Decimal, currency: str, to: str, at: datetime | None = None) -> Decimal:
    return amount * exchange_rate_at(base=currency, quote=to, at=at)


def conversion_factor(*, from_unit: Unit, to_unit: Unit) -> Decimal:
    """``1 from_unit = factor × to_unit``, from the table in either direction."""
    if from_unit.pk == to_unit.pk:
        return Decimal(1)
    conversions = {
        (row.from_unit_id, row.to_unit_id): row.factor
        for row in UnitConversion.objects.filter(
            from_unit__in=(from_unit, to_unit), to_unit__in=(from_unit, to_unit)
        )
    }
    if (from_unit.pk, to_unit.pk) in conversions:
        return conversions[(from_unit.pk, to_unit.pk)]
    if (to_unit.pk, from_unit.pk) in conversions:
        return Decimal(1) / conversions[(to_unit.pk, from_unit.pk)]
    raise ConversionMissingError(f"No conversion from {from_unit.code} to {to_unit.code}.")


def convert_quantity(*, quantity: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal:
    return quantity * conversion_factor(from_unit=from_unit, to_unit=to_unit)


class UnitTable:
    """Every unit conversion, read in one query, for pages that convert many quantities."""

    def __init__(self, rows):
        self._factors: dict[tuple[int, int], Decimal] = {}
        for row in rows:
            self._factors[(row.from_unit_id, row.to_unit_id)] = row.factor
            self._factors.setdefault((row.to_unit_id, row.from_unit_id), Decimal(1) / row.factor)

    def factor(self, *, from_unit_id: int, to_unit_id: int) -> Decimal | None:
        """``1 from_unit = factor × to_unit``, or None when the table cannot say."""
        if from_unit_id == to_unit_id:
            return Decimal(1)
        return self._factors.get((from_unit_id, to_unit_id))


def unit_table() -> UnitTable:
    return UnitTable(UnitConversion.objects.only("from_unit", "to_unit", "factor"))
