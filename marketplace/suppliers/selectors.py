"""Reads of offers: the unit price for a quantity, and what a product page shows of an offer."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def unit_price_for(*, offer, quantity: Decimal) -> Decimal:
    """The unit price at ``quantity``: the highest quantity break reached, else the base price."""
    if quantity < offer.minimum_order_quantity:
        raise ValidationError(
            _("The minimum order is %(moq)s.")
            % {"moq": format(offer.minimum_order_quantity.normalize(), "f")},
            code="below_moq",
        )
    return tier_unit_price(offer=offer, quantity=quantity)


def tier_unit_price(*, offer, quantity: Decimal) -> Decimal:
    """The price of the highest quantity break ``quantity`` reaches, else the base price."""
    reached = [tier for tier in offer.price_tiers.all() if tier.min_quantity <= quantity]
    return max(reached, key=lambda tier: tier.min_quantity).unit_price if reached else offer.price


def price_range(offer) -> tuple[Decimal, Decimal]:
    """The lowest and highest unit price of an offer (best tier, base price)."""
    prices = [offer.price, *(tier.unit_price for tier in offer.price_tiers.all())]
    return min(prices), max(prices)
