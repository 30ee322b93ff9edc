"""A published product whose title or description its supplier changes stays published: the new
text is cleaned like any other, shown at once, and recorded in the audit log with what it said
before, for operators to look at (catalog/services.py TEXT_CHANGED)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from catalog.imports.services import start_import
from catalog.models import ProductStatus
from catalog.services import TEXT_CHANGED, save_product
from marketplace.core.models import AuditEvent
from tests.catalog.imports.conftest import csv_bytes, methanol
from tests.catalog.test_moderation import complete_draft
from tests.factories.catalogue import StockRecordFactory
from tests.marketplace.suppliers.test_portal import CHEMICAL_FORM

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")


@pytest.fixture
def run_import_here(supplier, supplier_admin, django_capture_on_commit_callbacks):
    """Runs an import of ``content`` by the supplier's admin; every row must be valid."""

    def run(content: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            job = start_import(
                supplier=supplier.partner,
                user=supplier_admin,
                product_class=ProductClass.objects.get(slug="chemical"),
                upload=SimpleUploadedFile("products.csv", content),
            )
        job.refresh_from_db()
        assert (job.status, job.errors) == ("done", [])
        return job

    return run


def publish(product) -> None:
    if not product.stockrecords.exists():
        StockRecordFactory(product=product, partner=product.supplier)
    product.status = ProductStatus.PUBLISHED
    product.save()


def text_events(product) -> list[AuditEvent]:
    return list(AuditEvent.objects.for_subject(product).filter(verb=TEXT_CHANGED).order_by("pk"))


def test_a_portal_edit_is_published_cleaned_and_recorded(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    client.post(reverse("supplier:product-create", args=["chemical"]), CHEMICAL_FORM)
    product = Product.objects.get(supplier=supplier.partner)
    publish(product)
    edit = {
        **CHEMICAL_FORM,
        "description": "Now <b>99.95%</b><script>steal()</script>",
        "title_ru": "Метанол",
    }

    response = client.post(reverse("supplier:product", args=[product.pk]), edit)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == ProductStatus.PUBLISHED
    [event] = text_events(product)
    assert (event.actor, event.data) == (
        supplier_admin,
        {
            "changes": {
                "description": {"from": "AA grade", "to": "Now <b>99.95%</b>"},
                "ru.title": {"from": "Метанол 99,9%", "to": "Метанол"},
            }
        },
    )
    assert "Now <b>99.95%</b>" in client.get(product.get_absolute_url()).content.decode()
    timeline = client.get(reverse("supplier:product", args=[product.pk])).content.decode()
    assert "Text changed while published" in timeline
    changed_fields = re.search(r'<div class="small">([^<]*)</div>', timeline).group(1)
    assert sorted(changed_fields.split(", ")) == ["description", "ru.title"]


def test_an_api_edit_of_a_published_title_is_recorded(supplier, supplier_admin):
    product = complete_draft(supplier.partner, title="Methanol")
    publish(product)
    api = APIClient()
    api.force_authenticate(supplier_admin)

    response = api.patch(
        reverse("catalog-api:product", args=[product.pk]), {"title": "Methanol AA"}, format="json"
    )

    assert response.status_code == 200, response.json()
    [event] = text_events(product)
    assert event.data == {"changes": {"title": {"from": "Methanol", "to": "Methanol AA"}}}
    product.refresh_from_db()
    assert (product.title, product.status) == ("Methanol AA", ProductStatus.PUBLISHED)


def test_edits_that_leave_the_text_or_concern_drafts_record_nothing(supplier, supplier_admin):
    published = complete_draft(supplier.partner, title="Methanol")
    publish(published)
    draft = complete_draft(supplier.partner, title="Draft methanol")

    save_product(supplier=supplier.partner, product=published, data={"title": "Methanol"}, by=supplier_admin)
    save_product(
        supplier=supplier.partner,
        product=published,
        data={"description": "<script>x()</script>"},
        by=supplier_admin,
    )  # cleans to what was stored before, nothing
    save_product(supplier=supplier.partner, product=draft, data={"title": "Draft v2"}, by=supplier_admin)

    assert text_events(published) == [] and text_events(draft) == []


def test_an_import_edit_of_a_published_product_is_recorded_once(supplier, supplier_admin, run_import_here):
    run_import_here(csv_bytes([methanol(category="")]))
    product = Product.objects.get(supplier=supplier.partner)
    publish(product)
    changed = methanol(category="", description="<h3>AA</h3><img src=x onerror=steal()>", title_ru="Метанол")

    run_import_here(csv_bytes([changed]))
    run_import_here(csv_bytes([changed]))  # the same rows again change nothing

    product.refresh_from_db()
    assert (product.status, product.description) == (ProductStatus.PUBLISHED, "<h3>AA</h3>")
    [event] = text_events(product)
    assert (event.actor, event.data) == (
        supplier_admin,
        {
            "changes": {
                "description": {"from": "Refined methanol from coal, AA grade.", "to": "<h3>AA</h3>"},
                "ru.title": {"from": "Метанол марки А", "to": "Метанол"},
            }
        },
    )
