import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.imports.columns import header_for
from catalog.imports.services import start_import

ProductClass = get_model("catalogue", "ProductClass")

METHANOL = {
    "sku": "MEOH-AA-ISO",
    "title": "Methanol AA grade",
    "description": "Refined methanol from coal, AA grade.",
    "category": "Chemicals > Coal chemicals",
    "hs_code": "2905110000",
    "origin_country": "CN",
    "unit": "t",
    "net_weight_kg": "1000",
    "gross_weight_kg": "1000",
    "packaging": "ISO tank",
    "certifications": "ISO 9001",
    "cas_number": "67-56-1",
    "purity_percent": "99.85",
    "grade": "AA",
    "ghs_classes": "Flam. Liq. 2; Acute Tox. 3",
    "signal_word": "danger",
    "hazard_statements": "H225, H301",
    "un_number": "UN1230",
    "proper_shipping_name": "METHANOL",
    "transport_class": "3",
    "subsidiary_class": "6.1",
    "packing_group": "II",
    "title_ru": "Метанол марки А",
    "title_zh": "甲醇 AA 级",
    "price": "285.00",
    "currency": "USD",
    "moq": "20",
    "lead_time_days": "14",
    "monthly_capacity": "5000",
    "incoterms": "FCA Erenhot; CPT Moscow",
    "price_tiers": "100:275.00; 500:265.00",
}


def methanol(**changes) -> dict:
    return {**METHANOL, **changes}


def csv_bytes(rows: list[dict], product_class: str = "chemical", header: list[str] | None = None) -> bytes:
    header = header or header_for(product_class)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return buffer.getvalue().encode("utf-8")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def coal_chemicals(db):
    return create_from_breadcrumbs("Chemicals > Coal chemicals")


@pytest.fixture
def run_import(django_capture_on_commit_callbacks):
    """Upload ``content`` as ``name`` through the service; the eager task runs on commit."""

    def run(*, supplier, user, content: bytes, name: str = "products.csv", product_class: str = "chemical"):
        with django_capture_on_commit_callbacks(execute=True):
            job = start_import(
                supplier=supplier.partner,
                user=user,
                product_class=ProductClass.objects.get(slug=product_class),
                upload=SimpleUploadedFile(name, content),
            )
        job.refresh_from_db()
        return job

    return run
