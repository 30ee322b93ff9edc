"""Money in minor units (cents, kopecks; whole units for zero-decimal currencies)."""

from decimal import ROUND_HALF_UP, Decimal

from catalog.reference.models import Currency

# ISO 4217 exponents for currencies not (yet) in the reference table.
ISO_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "KWD": 3, "BHD": 3}


def exponent(currency: str) -> int:
    row = Currency.objects.filter(code=currency).values_list("decimal_places", flat=True).first()
    return row if row is not None else ISO_EXPONENTS.get(currency, 2)


def quantize(amount: Decimal, currency: str, *, places: int | None = None) -> Decimal:
    places = exponent(currency) if places is None else places
    return amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str, *, places: int | None = None) -> int:
    places = exponent(currency) if places is None else places
    return int(quantize(amount, currency, places=places).scaleb(places))


def from_minor(minor: int, currency: str, *, places: int | None = None) -> Decimal:
    places = exponent(currency) if places is None else places
    return Decimal(minor).scaleb(-places)


def split_minor(total_minor: int, percents: list[Decimal]) -> list[int]:
    """Split ``total_minor`` by ``percents`` (summing to 100) into parts that sum exactly.

    Largest remainder: each part is rounded down, and the units left over go to the parts
    with the largest fractions (ties to the earlier part).
    """
    if sum(percents) != 100 or any(percent <= 0 for percent in percents):
        raise ValueError("Percentages must be positive and sum to 100.")
    exact = [Decimal(total_minor) * percent / 100 for percent in percents]
    parts = [int(share) for share in exact]  # share ≥ 0, so int() rounds down
    left = total_minor - sum(parts)
    by_fraction = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in by_fraction[:left]:
        parts[index] += 1
    return parts
