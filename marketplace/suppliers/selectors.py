"""Reads of offers (the unit price for a quantity) and of a supplier's own products."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


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


def products_of(*, partner, status: str = "", text: str = ""):
    """A supplier's own products for its portal, most recently changed first."""
    products = Product.objects.filter(supplier=partner)
    if status:
        products = products.filter(status=status)
    if text:
        by_sku = StockRecord.objects.filter(partner=partner, partner_sku__iexact=text).values("product_id")
        products = products.filter(Q(title__icontains=text) | Q(upc__iexact=text) | Q(pk__in=by_sku))
    return (
        products.select_related("product_class")
        .annotate(offer_count=Count("stockrecords"))
        .order_by("-date_updated", "-pk")
    )


def status_counts(*, partner) -> dict[str, int]:
    rows = Product.objects.filter(supplier=partner).values("status")
    return {row["status"]: row["n"] for row in rows.annotate(n=Count("pk")).order_by()}
