"""Reads of the catalogue shared by every page that lists products."""

from django.db.models import Exists, OuterRef, QuerySet
from oscar.core.loading import get_model

from marketplace.accounts.models import VerificationStatus

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def browsable_products() -> QuerySet:
    """Public products offered by at least one verified supplier, ready for product cards."""
    verified_offer = StockRecord.objects.filter(
        product=OuterRef("pk"), partner__company__verification_status=VerificationStatus.VERIFIED
    )
    return (
        Product.objects.browsable()
        .base_queryset()
        .filter(Exists(verified_offer))
        # Cards show the supplier of the offer and the title in the page's language.
        .prefetch_related("stockrecords__partner", "translations")
    )
