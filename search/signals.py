"""Catalogue, offer and supplier changes mark products for reindexing (search/indexing.py).

Signals keep the dependency pointing at search: the catalog and the suppliers' app know
nothing of the index. Bulk writes send no signals; their services must call
``search.indexing.mark_stale`` through a hook, or ``search_check`` reports the drift.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from catalog.imports.signals import products_imported
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.models import ProductTranslation
from marketplace.accounts.models import Company
from search.indexing import mark_stale, products_of_suppliers
from search.models import SynonymGroup
from search.synonyms import forget_synonyms

Category = get_model("catalogue", "Category")
HSCode = get_model("catalogue", "HSCode")
OfferIncoterm = get_model("partner", "OfferIncoterm")
Partner = get_model("partner", "Partner")
PriceTier = get_model("partner", "PriceTier")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _product_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_stale([instance.pk])


def _part_changed(sender, instance, raw=False, **kwargs):
    # Offers, specs and translations point at their product.
    if not raw:
        mark_stale([instance.product_id])


def _offer_part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_stale(StockRecord.objects.filter(pk=instance.offer_id).values_list("product_id", flat=True))


def _categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mark_stale([instance.pk])
    elif pk_set:
        mark_stale(pk_set)
    else:
        mark_stale(Product.objects.filter(categories=instance).values_list("pk", flat=True))


def _category_changed(sender, instance, raw=False, **kwargs):
    # Names and ancestors are indexed with each product of the subtree.
    if not raw and instance.pk:
        subtree = Category.objects.filter(path__startswith=instance.path)
        mark_stale(Product.objects.filter(categories__in=subtree).values_list("pk", flat=True))


def _hs_code_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_stale(TradeSpec.objects.filter(hs_code=instance).values_list("product_id", flat=True))


def _partner_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_stale(products_of_suppliers([instance.pk]))


def _company_changed(sender, instance, raw=False, **kwargs):
    # Name, city and verification decide what buyers find and whether it is listed at all.
    if not raw:
        mark_stale(
            products_of_suppliers(Partner.objects.filter(company=instance).values_list("pk", flat=True))
        )


def _synonyms_changed(sender, **kwargs):
    forget_synonyms()


RECEIVERS = [
    (_product_changed, Product),
    (_part_changed, StockRecord),
    (_part_changed, ProductTranslation),
    (_part_changed, TradeSpec),
    (_part_changed, ChemicalSpec),
    (_part_changed, BatterySpec),
    (_part_changed, VehicleSpec),
    (_offer_part_changed, PriceTier),
    (_offer_part_changed, OfferIncoterm),
    (_hs_code_changed, HSCode),
    (_partner_changed, Partner),
    (_company_changed, Company),
    (_synonyms_changed, SynonymGroup),
]


def _products_imported(sender, product_ids, **kwargs):
    # Bulk imports write without save signals and say which products they touched.
    mark_stale(product_ids)


def connect() -> None:
    for receiver, model in RECEIVERS:
        uid = f"search.{receiver.__name__}.{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}.delete")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search.category.save")
    products_imported.connect(_products_imported, dispatch_uid="search.products_imported")
    m2m_changed.connect(
        _categories_changed, sender=Product.categories.through, dispatch_uid="search.product_categories"
    )
