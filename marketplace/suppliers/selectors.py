"""Reads of a supplier's own products for its portal (offers' price rules: catalog/offers/rules.py)."""

from django.db.models import Count, Q, QuerySet
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def products_of(*, partner: Partner, status: str = "", text: str = "") -> QuerySet[Product]:
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


def status_counts(*, partner: Partner) -> dict[str, int]:
    rows = Product.objects.filter(supplier=partner).values("status")
    return {row["status"]: row["n"] for row in rows.annotate(n=Count("pk")).order_by()}
