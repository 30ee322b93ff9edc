"""Reads of bulk import: a supplier's jobs, the category breadcrumbs, the offers to export."""

from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

from catalog.imports.models import ImportJob

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
OfferIncoterm = get_model("partner", "OfferIncoterm")


def import_jobs_of(*, supplier: Partner) -> QuerySet[ImportJob]:
    """``supplier``'s own import jobs, newest first; nobody else's (None: none at all)."""
    if supplier is None:
        return ImportJob.objects.none()
    return ImportJob.objects.filter(supplier=supplier).select_related("product_class", "uploaded_by")


def category_breadcrumbs() -> dict[int, str]:
    """Every category as its breadcrumbs, "Chemicals > Coal chemicals", by id (one query)."""
    names, breadcrumbs = {}, {}
    for category_id, path, name in Category.objects.order_by("path").values_list("id", "path", "name"):
        parents = [names[path[:end]] for end in range(Category.steplen, len(path), Category.steplen)]
        names[path] = name
        breadcrumbs[category_id] = " > ".join([*parents, name])
    return breadcrumbs


def offers_to_export(*, supplier: Partner, product_class: ProductClass, spec_names: list[str]) -> QuerySet:
    """``supplier``'s offers of its own products of ``product_class``, with all a row shows."""
    return (
        StockRecord.objects.filter(
            partner=supplier, product__supplier=supplier, product__product_class=product_class
        )
        .select_related(
            "product",
            "product__trade_spec__commercial_unit",
            *(f"product__{name}" for name in spec_names if name != "trade_spec"),
        )
        .prefetch_related(
            "price_tiers",
            Prefetch("incoterms", queryset=OfferIncoterm.objects.select_related("incoterm")),
            "product__translations",
            "product__categories",
        )
        .order_by("partner_sku", "pk")
    )
