"""Documents API: suppliers' systems list and upload; downloads are permission-checked."""

import pytest
from rest_framework.test import APIClient

from catalog.documents.models import DocumentVisibility, ProductDocument
from marketplace.core.models import AuditEvent
from tests.catalog.documents.helpers import PDF, pdf, response_bytes, stored_files

pytestmark = pytest.mark.django_db

RESTRICTED = DocumentVisibility.RESTRICTED


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def documents_url(product) -> str:
    return f"/api/v1/products/{product.pk}/documents/"


def payload(**fields):
    return {"kind": "sds", "file": pdf(), "issue_date": "2025-03-01", "visibility": "public", **fields}


def test_the_supplier_uploads_versions_and_lists_them(supplier_admin, methanol, private_root):
    client = api(supplier_admin)

    first = client.post(documents_url(methanol), payload(title="rev. 6"), format="multipart")
    second = client.post(
        documents_url(methanol), payload(title="rev. 7", expiry_date="2027-03-01"), format="multipart"
    )

    assert (first.status_code, second.status_code) == (201, 201)
    body = second.json()
    document = ProductDocument.objects.get(pk=body["id"])
    assert body == {
        "id": document.pk,
        "kind": "sds",
        "kind_label": "Safety data sheet (SDS)",
        "version": 2,
        "title": "rev. 7",
        "issue_date": "2025-03-01",
        "expiry_date": "2027-03-01",
        "is_expired": False,
        "visibility": "public",
        "created_at": body["created_at"],
        "download_url": f"http://testserver/api/v1/documents/{document.pk}/download/",
    }
    # the supplier's list has the history too
    listed = client.get(documents_url(methanol)).json()
    assert [(row["kind"], row["version"]) for row in listed] == [("sds", 2), ("sds", 1)]
    assert len(stored_files(private_root)) == 2


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"file": pdf("sds.pdf", b"<html>no</html>")}, "file", "does not match its .pdf name"),
        ({"file": pdf("sds.exe", b"MZ\x90\x00")}, "file", "Files of type .exe are not accepted"),
        ({"expiry_date": "2025-01-01"}, "expiry_date", "cannot be before the issue date"),
        ({"kind": "msds"}, "kind", "is not a valid choice"),
        ({"issue_date": ""}, "issue_date", "Date has wrong format"),
    ],
)
def test_refused_uploads_are_field_errors_and_write_nothing(
    supplier_admin, methanol, private_root, fields, field, message
):
    response = api(supplier_admin).post(documents_url(methanol), payload(**fields), format="multipart")

    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert ProductDocument.objects.count() == 0
    assert stored_files(private_root) == []


def test_an_oversized_file_is_refused(supplier_admin, methanol, private_root, settings):
    settings.UPLOAD_MAX_BYTES = 100

    response = api(supplier_admin).post(
        documents_url(methanol), payload(file=pdf(content=PDF + b"0" * 200)), format="multipart"
    )

    assert response.status_code == 400
    assert "too large" in response.json()["file"][0]
    assert stored_files(private_root) == []


def test_another_supplier_can_neither_upload_nor_see_restricted_documents(
    other_supplier_user, methanol, upload, private_root
):
    sds = upload(methanol)
    coa = upload(methanol, kind="coa", visibility=RESTRICTED)
    before = stored_files(private_root)
    client = api(other_supplier_user)

    refused = client.post(documents_url(methanol), payload(kind="coa"), format="multipart")
    listed = client.get(documents_url(methanol))
    download = client.get(f"/api/v1/documents/{coa.pk}/download/")

    assert refused.status_code == 403
    assert [row["id"] for row in listed.json()] == [sds.pk]
    assert download.status_code == 404
    assert list(ProductDocument.objects.values_list("pk", flat=True).order_by("pk")) == [sds.pk, coa.pk]
    assert AuditEvent.objects.filter(verb="document.uploaded").count() == 2
    assert stored_files(private_root) == before


def test_anonymous_callers_read_public_documents_and_cannot_upload(methanol, upload):
    sds = upload(methanol)
    upload(methanol, kind="coa", visibility=RESTRICTED)
    client = api()

    assert [row["id"] for row in client.get(documents_url(methanol)).json()] == [sds.pk]
    assert client.post(documents_url(methanol), payload(), format="multipart").status_code in (401, 403)
    download = client.get(f"/api/v1/documents/{sds.pk}/download/", HTTP_ACCEPT="application/pdf")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="methanol-sds.pdf"'
    assert response_bytes(download) == PDF
    assert ProductDocument.objects.count() == 2


def test_an_unpublished_product_is_not_found_except_for_its_supplier(
    supplier_admin, buyer_user, methanol, upload
):
    upload(methanol)
    methanol.status = "draft"
    methanol.save()

    assert api(buyer_user).get(documents_url(methanol)).status_code == 404
    assert api(buyer_user).post(documents_url(methanol), payload(), format="multipart").status_code == 404
    assert api(supplier_admin).get(documents_url(methanol)).status_code == 200
    assert api().get("/api/v1/products/999999/documents/").status_code == 404
    assert ProductDocument.objects.count() == 1


def test_the_list_query_count_does_not_grow(supplier, buyer_user, upload, django_assert_max_num_queries):
    from tests.factories.catalogue import offered_product

    few = offered_product(partner=supplier.partner)
    many = offered_product(partner=supplier.partner)
    upload(few, visibility=RESTRICTED)
    for kind in ("sds", "tds", "coa", "un38_3", "certificate"):
        upload(many, kind=kind)
        upload(many, kind=kind, visibility=RESTRICTED)
    client = api(buyer_user)

    with django_assert_max_num_queries(10) as one:
        client.get(documents_url(few))
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(documents_url(many)).status_code == 200
