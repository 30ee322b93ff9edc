"""Catalogue changes bump the catalogue version (catalog/versioning.py).

Receivers rather than calls in every service: products, offers, categories and suppliers are
written by many services, Oscar's dashboard and the admin, and all of them must invalidate.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from catalog.translation.models import ProductTranslation
from catalog.versioning import bump_on_commit
from marketplace.accounts.models import Company

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
PriceTier = get_model("partner", "PriceTier")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

WATCHED = [Product, ProductTranslation, ProductCategory, StockRecord, PriceTier, Category, Partner, Company]


def _catalogue_changed(sender, raw=False, **kwargs):
    if not raw:
        bump_on_commit()


def _categories_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_on_commit()


def connect() -> None:
    for model in WATCHED:
        uid = f"catalog.version.{model._meta.label}"
        post_save.connect(_catalogue_changed, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_catalogue_changed, sender=model, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(
        _categories_changed,
        sender=Product.categories.through,
        dispatch_uid="catalog.version.product_categories",
    )
