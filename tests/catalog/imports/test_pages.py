"""Supplier pages and API of bulk import: upload, progress, problems, templates, exports, permissions."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from catalog.imports.columns import header_for
from catalog.imports.models import ImportJob, ImportStatus
from catalog.specs.classes import PRODUCT_CLASSES
from marketplace.core.navigation import menu_for
from tests.catalog.imports.conftest import csv_bytes, methanol
from tests.factories import SupplierFactory, member_of

pytestmark = pytest.mark.django_db

ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def rival_job(coal_chemicals, run_import):
    """A finished job of another supplier."""
    rival = SupplierFactory(name="Baotou Chemicals")
    return run_import(supplier=rival, user=member_of(rival), content=csv_bytes([methanol()]))


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def exported(client, class_slug: str, file_format: str) -> bytes:
    response = client.get(reverse("catalog_imports:export", args=[class_slug, file_format]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_supplier_menu_links_to_bulk_import(supplier_admin, buyer_user):
    assert "Bulk import" in [str(entry["label"]) for entry in menu_for(supplier_admin, "/", "account")]
    assert "Bulk import" not in [str(entry["label"]) for entry in menu_for(buyer_user, "/", "account")]


def test_the_job_list_is_empty_at_first(client, supplier_admin, django_assert_max_num_queries):
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("catalog_imports:list"))

    assert response.status_code == 200
    assert "No imports yet" in response.content.decode()


def test_the_job_list_shows_only_the_suppliers_own_jobs(
    client, supplier, supplier_admin, coal_chemicals, run_import, rival_job, django_assert_max_num_queries
):
    for _ in range(3):
        run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol()]))
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("catalog_imports:list"))

    page = response.content.decode()
    own = ImportJob.objects.filter(supplier=supplier.partner)
    assert all(reverse("catalog_imports:detail", args=[job.pk]) in page for job in own)
    assert reverse("catalog_imports:detail", args=[rival_job.pk]) not in page


def test_uploading_a_file_starts_the_job_and_shows_its_page(
    client, supplier, supplier_admin, coal_chemicals, django_capture_on_commit_callbacks
):
    client.force_login(supplier_admin)
    upload = SimpleUploadedFile(
        "methanol.csv", csv_bytes([methanol(), methanol(sku="BAD", cas_number="1-1-1")])
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("catalog_imports:new"), {"product_class": "chemical", "file": upload})

    job = ImportJob.objects.get(supplier=supplier.partner)
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog_imports:detail", args=[job.pk])
    assert (job.uploaded_by, job.product_class.slug, job.status) == (
        supplier_admin,
        "chemical",
        ImportStatus.DONE,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Rows that were not imported" in page and "cas_number" in page
    assert "import-progress.js" not in page  # a finished job is not polled


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("products.pdf", b"%PDF-1.7 not a spreadsheet"),
        ("products.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),  # a real PDF renamed
        ("products.xlsx", b"sku,title\n"),
        ("products.csv", b""),
        ("products.csv", "sku,title\nЛАТ-1,Метанол\n".encode("cp1251")),
    ],
)
def test_an_upload_that_is_not_csv_or_xlsx_is_refused(client, supplier, supplier_admin, name, content):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("catalog_imports:new"),
        {"product_class": "chemical", "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not ImportJob.objects.exists()


def test_a_running_job_page_polls_its_progress(client, supplier, supplier_admin):
    job = ImportJob.objects.create(
        supplier=supplier.partner,
        uploaded_by=supplier_admin,
        product_class=ProductClass.objects.get(slug="chemical"),
        file=SimpleUploadedFile("methanol.csv", b"sku\n"),
        status=ImportStatus.RUNNING,
        total_rows=4000,
        processed_rows=1000,
        created_count=900,
        updated_count=50,
        unchanged_count=40,
        error_count=10,
    )
    client.force_login(supplier_admin)

    page = client.get(reverse("catalog_imports:detail", args=[job.pk])).content.decode()
    progress = client.get(reverse("catalog_imports:progress", args=[job.pk]))

    assert "import-progress.js" in page
    assert reverse("catalog_imports:progress", args=[job.pk]) in page
    assert progress.json() == {
        "id": job.pk,
        "status": "running",
        "status_label": "Running",
        "finished": False,
        "total_rows": 4000,
        "processed_rows": 1000,
        "percent": 25,
        "created": 900,
        "updated": 50,
        "unchanged": 40,
        "errors": 10,
        "failure_message": "",
        "url": reverse("catalog_imports:detail", args=[job.pk]),
    }


def test_the_problems_of_a_job_are_paginated(
    client, supplier, supplier_admin, coal_chemicals, run_import, django_assert_max_num_queries
):
    rows = [methanol(sku=f"BAD-{n:03d}", cas_number="67-56-2") for n in range(60)]
    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes(rows))
    client.force_login(supplier_admin)
    url = reverse("catalog_imports:detail", args=[job.pk])

    with django_assert_max_num_queries(12):
        first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()

    assert job.error_count == 60
    assert "BAD" not in first  # the table shows row, column and reason
    assert "<td>2</td>" in first and "<td>51</td>" in first and "<td>52</td>" not in first
    assert "<td>52</td>" in second and "<td>61</td>" in second
    assert "Page 1 of 2" in first


def test_a_failed_job_shows_why(client, supplier, supplier_admin, run_import):
    job = run_import(supplier=supplier, user=supplier_admin, content=b"sku,colour\nA,red\n")
    client.force_login(supplier_admin)

    page = client.get(reverse("catalog_imports:detail", args=[job.pk])).content.decode()

    assert "The file was not imported." in page and "unknown columns: colour" in page


def test_another_suppliers_job_is_not_found(client, supplier_admin, rival_job):
    client.force_login(supplier_admin)

    assert client.get(reverse("catalog_imports:detail", args=[rival_job.pk])).status_code == 404
    assert client.get(reverse("catalog_imports:progress", args=[rival_job.pk])).status_code == 404
    assert api_as(supplier_admin).get(reverse("imports-api:import", args=[rival_job.pk])).status_code == 404


@pytest.mark.parametrize("url_name", ["list", "new"])
def test_only_supplier_members_open_the_pages(client, buyer_user, operator, url_name):
    assert client.get(reverse(f"catalog_imports:{url_name}")).status_code == 302  # to the login
    for user in (buyer_user, operator):
        client.force_login(user)
        assert client.get(reverse(f"catalog_imports:{url_name}")).status_code == 403


def test_a_buyer_cannot_poll_or_export(client, buyer_user, rival_job):
    client.force_login(buyer_user)

    assert client.get(reverse("catalog_imports:progress", args=[rival_job.pk])).status_code == 403
    assert client.get(reverse("catalog_imports:export", args=["chemical", "csv"])).status_code == 403
    assert api_as(buyer_user).get(reverse("imports-api:import", args=[rival_job.pk])).status_code == 404


@pytest.mark.parametrize("class_slug", list(PRODUCT_CLASSES))
def test_each_product_type_has_csv_and_xlsx_templates(client, supplier_admin, class_slug):
    client.force_login(supplier_admin)

    as_csv = client.get(reverse("catalog_imports:template", args=[class_slug, "csv"]))
    as_xlsx = client.get(reverse("catalog_imports:template", args=[class_slug, "xlsx"]))

    header = header_for(class_slug)
    assert as_csv["Content-Disposition"] == f'attachment; filename="{class_slug}-template.csv"'
    assert list(csv.reader(io.StringIO(b"".join(as_csv.streaming_content).decode("utf-8-sig")))) == [header]
    workbook = load_workbook(io.BytesIO(b"".join(as_xlsx.streaming_content)), read_only=True)
    products, help_sheet = workbook.worksheets
    assert [list(row) for row in products.iter_rows(values_only=True)] == [header]
    explained = [row[0] for row in help_sheet.iter_rows(min_row=2, max_row=len(header) + 1, values_only=True)]
    assert explained == header
    assert {"sku", "hs_code", "unit", "price", "incoterms", "price_tiers", "title_ru", "title_zh"} <= set(
        header
    )


def test_spec_columns_follow_the_spec_forms():
    assert header_for("chemical")[header_for("chemical").index("cas_number") - 1] == "certifications"
    assert {"chemistry", "watt_hours", "un38_3_tested"} <= set(header_for("battery"))
    assert {"make", "vin", "powertrain"} <= set(header_for("vehicle"))
    assert "cas_number" not in header_for("textile")


def test_an_unknown_template_is_not_found(client, supplier_admin):
    client.force_login(supplier_admin)

    assert client.get(reverse("catalog_imports:template", args=["spaceship", "csv"])).status_code == 404
    assert client.get(reverse("catalog_imports:template", args=["chemical", "pdf"])).status_code == 404


@pytest.mark.parametrize(("file_format", "name"), [("csv", "export.csv"), ("xlsx", "export.xlsx")])
def test_an_exported_catalogue_imports_back_unchanged(
    client, supplier, supplier_admin, coal_chemicals, run_import, file_format, name
):
    rows = [
        methanol(),
        methanol(
            sku="MEOH-DRUM", packaging="200 l drums", title_zh="", price_tiers="", incoterms="EXW Ordos"
        ),
        methanol(
            sku="PLAIN",
            category="",
            title_ru="",
            title_zh="",
            un_number="",
            transport_class="",
            subsidiary_class="",
            packing_group="",
            signal_word="",
            moq="",
            purity_percent="",
        ),
    ]
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes(rows))
    client.force_login(supplier_admin)

    content = exported(client, "chemical", file_format)
    job = run_import(supplier=supplier, user=supplier_admin, content=content, name=name)

    assert (job.status, job.unchanged_count, job.created_count, job.updated_count, job.errors) == (
        ImportStatus.DONE,
        3,
        0,
        0,
        [],
    )


def test_the_export_holds_only_the_suppliers_own_offers_of_the_type(
    client, supplier, supplier_admin, rival_job
):
    client.force_login(supplier_admin)

    content = exported(client, "chemical", "csv").decode("utf-8-sig")

    assert list(csv.reader(io.StringIO(content))) == [header_for("chemical")]


def test_the_api_takes_a_file_and_answers_202_with_the_job(
    supplier, supplier_admin, coal_chemicals, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("methanol.csv", csv_bytes([methanol()]))

    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(supplier_admin).post(
            reverse("imports-api:imports"), {"product_class": "chemical", "file": upload}, format="multipart"
        )

    assert response.status_code == 202, response.json()
    body = response.json()
    assert (body["status"], body["product_class"], body["created_count"]) == ("queued", "chemical", 0)
    polled = api_as(supplier_admin).get(body["url"]).json()
    assert (polled["status"], polled["finished"], polled["percent"]) == ("done", True, 100)
    assert (polled["total_rows"], polled["processed_rows"], polled["created_count"]) == (1, 1, 1)
    assert polled["errors"] == []


def test_the_api_refuses_bad_uploads_and_non_suppliers(supplier_admin, buyer_user):
    bad = SimpleUploadedFile("methanol.pdf", b"%PDF-1.7")

    refused = api_as(supplier_admin).post(
        reverse("imports-api:imports"), {"product_class": "chemical", "file": bad}, format="multipart"
    )
    unknown_type = api_as(supplier_admin).post(
        reverse("imports-api:imports"),
        {"product_class": "spaceship", "file": SimpleUploadedFile("m.csv", b"sku\n")},
        format="multipart",
    )
    buyer = api_as(buyer_user).post(
        reverse("imports-api:imports"),
        {"product_class": "chemical", "file": SimpleUploadedFile("m.csv", b"sku\n")},
        format="multipart",
    )

    assert (refused.status_code, list(refused.json())) == (400, ["file"])
    assert (unknown_type.status_code, list(unknown_type.json())) == (400, ["product_class"])
    assert buyer.status_code == 403
    assert not ImportJob.objects.exists()
