"""Stored XSS (#18): markup in product descriptions is cleaned on every write path and in every
language, so the product page shows only what the allow-list keeps (marketplace/core/html.py).

Each path receives the same corpus (tests/factories/xss.py) and must store exactly ``CLEANED``.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_class, get_model
from rest_framework.test import APIClient

from catalog.imports.services import start_import
from catalog.models import ProductStatus
from catalog.translation.models import ProductTranslation
from catalog.translation.services import translate_product
from tests.catalog.imports.conftest import csv_bytes, methanol
from tests.catalog.test_api_writes import METHANOL
from tests.factories import UserFactory
from tests.factories.catalogue import StockRecordFactory, offered_product
from tests.factories.xss import CLEANED, CORPUS, FORBIDDEN
from tests.marketplace.suppliers.test_portal import CHEMICAL_FORM

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
DashboardProductForm = get_class("dashboard.catalogue.forms", "ProductForm")
DESCRIPTION = re.compile(r'<div class="product-description">(.*?)</div>\s*</section>', re.DOTALL)


def stored_descriptions(product) -> dict[str, str]:
    product.refresh_from_db()
    return {
        "en": product.description,
        **{row.language: row.description for row in ProductTranslation.objects.filter(product=product)},
    }


def page_descriptions(client, product) -> dict[str, str]:
    """The description each language's product page shows, once the product is published."""
    if not product.stockrecords.filter(partner=product.supplier).exists():
        StockRecordFactory(product=product, partner=product.supplier)
    product.status = ProductStatus.PUBLISHED
    product.save()
    path = product.get_absolute_url()
    shown = {}
    for language, prefix in (("en", ""), ("ru", "/ru"), ("zh-hans", "/zh-hans")):
        response = client.get(f"{prefix}{path}")
        assert response.status_code == 200, (language, response.status_code)
        shown[language] = DESCRIPTION.search(response.content.decode()).group(1)
    return shown


def assert_clean(descriptions: dict[str, str]) -> None:
    assert descriptions == dict.fromkeys(("en", "ru", "zh-hans"), CLEANED)
    for text in descriptions.values():
        assert [marker for marker in FORBIDDEN if marker in text.lower()] == []


def test_the_supplier_portal_stores_and_shows_cleaned_descriptions(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    form = {**CHEMICAL_FORM, "description": CORPUS, "description_ru": CORPUS}
    form |= {"title_zh": "甲醇 99.9%", "description_zh": CORPUS}

    response = client.post(reverse("supplier:product-create", args=["chemical"]), form)

    assert response.status_code == 302
    product = Product.objects.get(supplier=supplier.partner)
    assert_clean(stored_descriptions(product))
    assert_clean(page_descriptions(client, product))


def test_the_products_api_stores_and_shows_cleaned_descriptions(client, supplier, supplier_admin):
    api = APIClient()
    api.force_authenticate(supplier_admin)
    payload = {
        **METHANOL,
        "description": CORPUS,
        "translations": {
            "ru": {"title": "Метанол 99,9%", "description": CORPUS},
            "zh-hans": {"title": "甲醇 99.9%", "description": CORPUS},
        },
    }

    response = api.post(reverse("catalog-api:products"), payload, format="json")

    assert response.status_code == 201, response.json()
    product = Product.objects.get(pk=response.json()["id"])
    assert_clean(stored_descriptions(product))
    assert_clean(page_descriptions(client, product))


def test_a_bulk_import_row_stores_a_cleaned_description(
    client, supplier, supplier_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(
            supplier=supplier.partner,
            user=supplier_admin,
            product_class=ProductClass.objects.get(slug="chemical"),
            upload=SimpleUploadedFile("products.csv", csv_bytes([methanol(description=CORPUS, category="")])),
        )
    job.refresh_from_db()

    assert (job.status, job.created_count, job.errors) == ("done", 1, [])
    product = Product.objects.get(supplier=supplier.partner)
    # Rows carry translated titles only; the descriptions come from the translation service.
    for language in ("ru", "zh-hans"):
        translate_product(
            product=product, language=language, title=f"Methanol [{language}]", description=CORPUS
        )
    assert_clean(stored_descriptions(product))
    assert_clean(page_descriptions(client, product))


def test_the_translation_service_stores_a_cleaned_description(supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")

    translation = translate_product(product=product, language="ru", title="Метанол", description=CORPUS)

    translation.refresh_from_db()
    assert translation.description == CLEANED


def admin_post_data(response) -> dict:
    """What the admin's change form posts back when nothing is touched."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:  # unchecked boxes are not posted
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def test_the_django_admin_stores_cleaned_descriptions(client, supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")
    translate_product(product=product, language="ru", title="Метанол")
    translate_product(product=product, language="zh-hans", title="甲醇")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    data = admin_post_data(client.get(url))
    data["description"] = data["translations-0-description"] = data["translations-1-description"] = CORPUS

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_clean(stored_descriptions(product))
    assert_clean(page_descriptions(client, product))


def test_oscars_dashboard_form_stores_a_cleaned_description(supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")
    data = {"title": "Methanol", "upc": product.upc, "description": CORPUS, "structure": "standalone"}

    form = DashboardProductForm(product.product_class, data=data, instance=product)
    assert form.is_valid(), form.errors
    form.save()

    product.refresh_from_db()
    assert product.description == CLEANED


def test_the_migration_cleans_descriptions_stored_before(supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")
    translate_product(product=product, language="ru", title="Метанол")
    translate_product(product=product, language="zh-hans", title="甲醇")
    # As rows written before descriptions were cleaned: straight to the table.
    Product.objects.filter(pk=product.pk).update(description=CORPUS)
    ProductTranslation.objects.filter(product=product).update(description=CORPUS)
    migration = importlib.import_module("catalog.migrations.0040_clean_descriptions")

    migration.clean_descriptions(apps, None)
    migration.clean_descriptions(apps, None)  # again: nothing left to change

    assert_clean(stored_descriptions(product))
