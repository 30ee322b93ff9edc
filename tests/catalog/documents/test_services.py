"""Uploading documents: PDF only, versions per product and kind, only the product's supplier."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.documents import services
from catalog.documents.models import ProductDocument
from catalog.documents.selectors import current_documents, document_history
from marketplace.core.audit import VERB_LABELS
from marketplace.core.models import AuditEvent
from tests.catalog.documents.helpers import ISSUED, PDF, file_bytes, pdf, stored_files

pytestmark = pytest.mark.django_db


def test_a_pdf_is_stored_privately_as_version_1(methanol, supplier_admin, upload, private_root):
    # when the supplier uploads an SDS
    document = upload(methanol, file=pdf("Methanol SDS 2025.pdf"), title=" GHS rev. 7 ")

    # then it is version 1, stored under the private root with a safe name
    document.refresh_from_db()
    assert (document.kind, document.version, document.title) == ("sds", 1, "GHS rev. 7")
    assert document.uploaded_by == supplier_admin
    assert document.file.name.startswith("products/documents/")
    assert document.file.name.endswith("/methanol-sds-2025.pdf")
    assert stored_files(private_root) == [document.file.name]
    assert file_bytes(document) == PDF
    # and the upload is on the product's timeline
    event = AuditEvent.objects.for_subject(methanol).get()
    assert (event.verb, event.actor) == ("document.uploaded", supplier_admin)
    assert event.data == {
        "document_id": document.pk,
        "kind": "sds",
        "version": 1,
        "visibility": "public",
        "file": document.file.name,
    }
    assert str(VERB_LABELS["document.uploaded"]) == "Product document uploaded"


def test_a_new_upload_becomes_the_current_version_and_history_keeps_the_old(methanol, upload):
    first = upload(methanol, file=pdf("sds-2024.pdf"))
    second = upload(methanol, file=pdf("sds-2025.pdf"), issue_date=datetime.date(2025, 9, 1))
    coa = upload(methanol, kind="coa")

    assert (first.version, second.version, coa.version) == (1, 2, 1)
    assert {(d.kind, d.version) for d in current_documents(product=methanol)} == {("sds", 2), ("coa", 1)}
    assert [d.version for d in document_history(product=methanol, kind="sds")] == [2, 1]
    assert file_bytes(ProductDocument.objects.get(pk=first.pk)) == PDF


def test_versions_count_per_product(methanol, supplier, upload):
    from tests.factories.catalogue import offered_product

    other_product = offered_product(partner=supplier.partner, title="Caustic soda")
    upload(methanol)
    upload(methanol)

    assert upload(other_product).version == 1


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("sds.pdf", HTML), "does not match its .pdf name"),
        (SimpleUploadedFile("sds.pdf", EXE), "does not match its .pdf name"),
        (SimpleUploadedFile("setup.exe", EXE), "Files of type .exe are not accepted; allowed: pdf"),
        (SimpleUploadedFile("sds.html", HTML), "Files of type .html are not accepted"),
        (ContentFile(PDF, name="../../etc/passwd.pdf"), "may not contain folders"),
        (ContentFile(PDF, name="..\\..\\windows\\sds.pdf"), "may not contain folders"),
        (ContentFile(PDF, name="sds.exe\x00.pdf"), "control characters"),
        (SimpleUploadedFile("sds\x00.pdf", PDF), "control characters"),
        (ContentFile(PDF, name=".pdf"), "may not contain folders"),
    ],
    ids=[
        "html-as-pdf",
        "exe-as-pdf",
        "exe",
        "html",
        "dot-dot",
        "backslashes",
        "nul",
        "nul-upload",
        "dotfile",
    ],
)
def test_refused_files_write_nothing(methanol, upload, private_root, file, message):
    # when the supplier uploads something that is not a plain PDF
    with pytest.raises(ValidationError) as refused:
        upload(methanol, file=file)

    # then the file field says why, and there is no row, no event and no stored file
    assert message in " ".join(refused.value.message_dict["file"])
    assert ProductDocument.objects.count() == 0
    assert AuditEvent.objects.for_subject(methanol).count() == 0
    assert stored_files(private_root) == []


def test_an_oversized_pdf_is_refused(methanol, upload, private_root, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as refused:
        upload(methanol, file=pdf(content=PDF + b"0" * 2048))

    assert "The file is too large (0.0 MB); the limit is 0.0 MB." in refused.value.message_dict["file"]
    assert ProductDocument.objects.count() == 0
    assert stored_files(private_root) == []
    # a PDF within the limit passes
    assert upload(methanol, file=pdf(content=PDF + b"0" * 512)).version == 1


def test_expiry_before_issue_is_a_field_error(methanol, upload, private_root):
    with pytest.raises(ValidationError) as refused:
        upload(methanol, issue_date=ISSUED, expiry_date=ISSUED - datetime.timedelta(days=1))

    assert refused.value.message_dict == {"expiry_date": ["The expiry date cannot be before the issue date."]}
    assert ProductDocument.objects.count() == 0
    assert stored_files(private_root) == []


def test_unknown_kind_and_visibility_are_field_errors(methanol, upload):
    with pytest.raises(ValidationError) as refused:
        upload(methanol, kind="msds", visibility="secret")

    assert set(refused.value.message_dict) == {"kind", "visibility"}
    assert ProductDocument.objects.count() == 0


@pytest.mark.parametrize("who", ["other_supplier_user", "buyer_user", "operator"])
def test_only_the_products_supplier_may_upload(request, methanol, upload, private_root, who):
    user = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        upload(methanol, by=user)

    assert ProductDocument.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert stored_files(private_root) == []


def test_a_failed_write_removes_the_stored_file(methanol, upload, private_root, monkeypatch):
    # given the audit log fails after the file was written
    def broken(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(services, "record_event", broken)

    with pytest.raises(RuntimeError):
        upload(methanol)

    assert ProductDocument.objects.count() == 0
    assert stored_files(private_root) == []
