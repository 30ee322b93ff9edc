"""Product and supplier reads for the public API, filtered by query parameters."""

from django.db.models import Q, QuerySet
from oscar.core.loading import get_model

from catalog.selectors import browsable_products
from marketplace.accounts.models import Company, CompanyKind, VerificationStatus

Category = get_model("catalogue", "Category")


def api_products(*, filters: dict[str, str]) -> QuerySet:
    """Listed products narrowed by ``class``, ``category``, ``supplier``, ``hs``, ``cas``, ``un``."""
    products = (
        browsable_products()
        .select_related(
            "trade_spec__hs_code",
            "trade_spec__commercial_unit",
            "chemical_spec",
            "battery_spec",
            "vehicle_spec",
        )
        .prefetch_related(
            "categories",
            "translations",
            "stockrecords__partner__company",
            "stockrecords__commercial_unit",
            "stockrecords__price_tiers",
            "stockrecords__incoterms__incoterm",
        )
    )
    if value := filters.get("class"):
        products = products.filter(product_class__slug=value)
    if value := filters.get("category"):
        category = Category.objects.filter(pk=value).first() if value.isdigit() else None
        ids = category.get_descendants_and_self().values("pk") if category else []
        products = products.filter(categories__in=ids)
    if value := filters.get("supplier"):
        products = (
            products.filter(stockrecords__partner__company_id=value) if value.isdigit() else products.none()
        )
    if value := filters.get("hs"):
        products = products.filter(trade_spec__hs_code__code__startswith=value)
    if value := filters.get("cas"):
        products = products.filter(chemical_spec__cas_number=value)
    if value := filters.get("un"):
        un = value.upper() if value.upper().startswith("UN") else f"UN{value}"
        products = products.filter(Q(chemical_spec__un_number=un) | Q(battery_spec__un_number=un))
    return products.distinct().order_by("-date_created", "-pk")


def api_suppliers() -> QuerySet[Company]:
    """Verified suppliers: the public directory."""
    return Company.objects.filter(
        kind=CompanyKind.SUPPLIER, verification_status=VerificationStatus.VERIFIED
    ).order_by("name", "pk")
