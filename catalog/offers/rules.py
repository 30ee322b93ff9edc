"""The rules of an offer's terms: the minimum order, quantity breaks and the price range.

They live here once. The pricing strategy (basket lines), checkout, the supplier portal, bulk
imports and RFQ quotes (which carry their own breaks) all call these functions, so a buyer
meets the same price and the same minimum wherever he orders.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Tier:
    """From ``min_quantity`` units on, each unit costs ``unit_price``."""

    min_quantity: Decimal
    unit_price: Decimal


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")


def check_tiers(*, price: Decimal, moq: Decimal, tiers: Sequence[Tier]) -> None:
    """Quantity breaks start above the minimum order and get cheaper as quantities grow."""
    errors = []
    quantities = [tier.min_quantity for tier in tiers]
    if len(set(quantities)) != len(quantities):
        errors.append(_("Two price breaks start at the same quantity."))
    previous_price = price
    for tier in sorted(tiers, key=lambda tier: tier.min_quantity):
        if tier.min_quantity <= moq:
            errors.append(
                _("The break at %(quantity)s is not above the minimum order.")
                % {"quantity": _quantity(tier.min_quantity)}
            )
        if tier.unit_price > previous_price:
            errors.append(
                _("The price at %(quantity)s is higher than for smaller quantities.")
                % {"quantity": _quantity(tier.min_quantity)}
            )
        previous_price = tier.unit_price
    if errors:
        raise ValidationError({"tiers": errors})


def check_minimum_order(*, moq: Decimal, quantity: Decimal, unit_code: str = "") -> None:
    """Refuse ``quantity`` below the minimum order, naming the minimum on the quantity field."""
    if quantity >= moq:
        return
    if unit_code:
        message = _("The minimum order is %(moq)s %(unit)s.") % {"moq": _quantity(moq), "unit": unit_code}
    else:
        message = _("The minimum order is %(moq)s.") % {"moq": _quantity(moq)}
    raise ValidationError({"quantity": ValidationError(message, code="below_moq")})


def unit_price_at(*, base_price: Decimal, tiers: Iterable[Tier], quantity: Decimal) -> Decimal:
    """The price of the highest quantity break ``quantity`` reaches, else the base price."""
    reached = [tier for tier in tiers if tier.min_quantity <= quantity]
    return max(reached, key=lambda tier: tier.min_quantity).unit_price if reached else base_price


def price_range(*, base_price: Decimal, tiers: Iterable[Tier]) -> tuple[Decimal, Decimal]:
    """The lowest and highest unit price: the best break and the base price."""
    prices = [base_price, *(tier.unit_price for tier in tiers)]
    return min(prices), max(prices)


def tiers_from_json(entries: Iterable[dict]) -> list[Tier]:
    """Breaks kept as JSON (a quote's ``[{"min_quantity": "50", "unit_price": "270.00"}]``)."""
    return [Tier(Decimal(entry["min_quantity"]), Decimal(entry["unit_price"])) for entry in entries]


# Offers (stock records): their breaks are PriceTier rows, read from the prefetched
# ``price_tiers`` so cards and basket lines make no query per offer.


def offer_tiers(offer) -> list[Tier]:
    return [Tier(tier.min_quantity, tier.unit_price) for tier in offer.price_tiers.all()]


def offer_unit_price(*, offer, quantity: Decimal) -> Decimal:
    """An offer's unit price at ``quantity`` (no minimum check: see ``check_offer_quantity``)."""
    return unit_price_at(base_price=offer.price, tiers=offer_tiers(offer), quantity=quantity)


def offer_price_range(offer) -> tuple[Decimal, Decimal]:
    return price_range(base_price=offer.price, tiers=offer_tiers(offer))


def check_offer_quantity(*, offer, quantity: Decimal) -> None:
    unit = offer.commercial_unit.code if offer.commercial_unit_id else ""
    check_minimum_order(moq=offer.minimum_order_quantity, quantity=Decimal(quantity), unit_code=unit)
