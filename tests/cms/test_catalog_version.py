"""The catalogue's version key (catalog/versioning.py) changes with every listing change."""

import pytest

from catalog.models import ProductStatus
from catalog.versioning import catalog_version
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def test_the_version_is_stable_while_nothing_changes():
    assert catalog_version() == catalog_version() != ""


def test_unpublishing_a_product_bumps_the_version_after_commit_only(
    supplier, django_capture_on_commit_callbacks
):
    product = offered_product(partner=supplier.partner, title="Methanol")
    before = catalog_version()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        product.status = ProductStatus.RETIRED
        product.save()
        # save() itself leaves the cache alone: the bump waits for the commit.
        during = catalog_version()

    assert before == during != catalog_version()
    assert len(callbacks) >= 1


@pytest.mark.parametrize("change", ["offer", "company", "category", "translation"])
def test_offers_suppliers_categories_and_translations_bump_the_version(
    supplier, methanol_category, change, django_capture_on_commit_callbacks
):
    product = offered_product(partner=supplier.partner, title="Methanol")
    before = catalog_version()

    with django_capture_on_commit_callbacks(execute=True):
        if change == "offer":
            offer = product.stockrecords.get()
            offer.price = 120
            offer.save()
        elif change == "company":
            supplier.city = "Dongsheng"
            supplier.save()
        elif change == "category":
            product.categories.add(methanol_category)
        else:
            product.translations.create(language="ru", title="Метанол")

    assert catalog_version() != before
