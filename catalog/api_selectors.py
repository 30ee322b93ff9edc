"""Product and supplier reads for the public API, filtered by query parameters."""

from django.db.models import Q, QuerySet
from oscar.core.loading import get_model

from catalog.selectors import browsable_products
from marketplace.accounts.models import Company, CompanyKind, VerificationStatus

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


def _with_details(products: QuerySet) -> QuerySet:
    return products.select_related(
        "supplier",
        "trade_spec__hs_code",
        "trade_spec__commercial_unit",
        "chemical_spec",
        "battery_spec",
        "vehicle_spec",
    ).prefetch_related(
        "categories",
        "translations",
        "stockrecords__partner__company",
        "stockrecords__commercial_unit",
        "stockrecords__price_tiers",
        "stockrecords__incoterms__incoterm",
    )


def own_products(supplier) -> QuerySet:
    """All of a supplier's products, published or not, as the API shows them."""
    return _with_details(Product.objects.base_queryset().filter(supplier=supplier))


def api_products(*, filters: dict[str, str], include_own=None) -> QuerySet:
    """Listed products narrowed by ``class``, ``category``, ``supplier``, ``hs``, ``cas``, ``un``.

    ``include_own`` (a supplier's partner) adds that supplier's unpublished products.
    """
    products = browsable_products()
    if include_own is not None:
        listed = Q(pk__in=browsable_products().values("pk")) | Q(supplier=include_own)
        products = Product.objects.base_queryset().filter(listed).prefetch_related("translations")
    products = _with_details(products)
    if value := filters.get("class"):
        products = products.filter(product_class__slug=value)
    if value := filters.get("category"):
        category = Category.objects.filter(pk=value).first() if value.isdigit() else None
        ids = category.get_descendants_and_self().values("pk") if category else []
        products = products.filter(categories__in=ids)
    if value := filters.get("supplier"):
        products = products.filter(supplier__company_id=value) if value.isdigit() else products.none()
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
