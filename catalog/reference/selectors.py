"""Reads of reference data: exchange rates in force at a moment, unit conversions."""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from catalog.reference.models import ExchangeRate, Unit, UnitConversion


class ExchangeRateMissingError(LookupError):
    pass


class ConversionMissingError(LookupError):
    pass


def exchange_rate_at(*, base: str, quote: str, at: datetime | None = None) -> Decimal:
    """How many ``quote`` one ``base`` bought at ``at`` (now by default).

    Uses the pair's latest rate that had started by then, or the inverse pair's.
    """
    if base == quote:
        return Decimal(1)
    at = at or timezone.now()
    candidates = ExchangeRate.objects.filter(valid_from__lte=at)
    direct = candidates.filter(base_id=base, quote_id=quote).order_by("-valid_from").first()
    inverse = candidates.filter(base_id=quote, quote_id=base).order_by("-valid_from").first()
    # When both directions exist, the one set more recently is in force.
    if direct and (not inverse or direct.valid_from >= inverse.valid_from):
        return direct.rate
    if inverse:
        return Decimal(1) / inverse.rate
    raise ExchangeRateMissingError(f"No {base}/{quote} rate in force at {at:%Y-%m-%d %H:%M}.")


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
