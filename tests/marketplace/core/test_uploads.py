"""Upload checks: content must match the name, size limits, safe names, download-only serving."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.core.uploads import (
    UploadValidator,
    attachment_response,
    detect_kind,
    safe_filename,
    safe_upload_path,
)
from tests.factories import SupplierFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
CSV = "sku,name,price\nC-100,Coking coal,120.50\nM-7,Ferrosilicon 75%,1450\nR-1,Уголь,99\n".encode()
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

ALL_KINDS = ("pdf", "png", "jpeg", "xlsx", "csv")


def xlsx_bytes() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["sku", "quantity"])
    workbook.active.append(["C-100", 40])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(validator: UploadValidator, file: SimpleUploadedFile) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validator(file)
    return caught.value


# --- accepted --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("licence.pdf", PDF),
        ("LICENCE.PDF", PDF),
        ("scan.png", PNG),
        ("photo.jpg", JPEG),
        ("photo.jpeg", JPEG),
        ("prices.csv", CSV),
    ],
)
def test_validator_accepts_content_that_matches_the_name(name, content):
    file = upload(name, content)

    assert UploadValidator(kinds=ALL_KINDS)(file) is None


def test_validator_accepts_a_real_xlsx_workbook():
    content = xlsx_bytes()
    assert content.startswith(b"PK\x03\x04")
    assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(content)).namelist()

    assert UploadValidator(kinds=("xlsx",))(upload("stock.xlsx", content)) is None


def test_validator_leaves_the_file_position_where_it_was():
    file = upload("licence.pdf", PDF)
    file.read(5)

    UploadValidator(kinds=("pdf",))(file)

    assert file.tell() == 5


def test_validator_accepts_a_file_exactly_at_the_limit():
    file = upload("licence.pdf", PDF + b"0" * (1024 - len(PDF)))

    assert UploadValidator(kinds=("pdf",), max_bytes=1024)(file) is None


def test_validator_accepts_csv_whose_head_ends_inside_a_multibyte_character():
    # the validator reads 2048 bytes; a Cyrillic letter (2 bytes) straddles the boundary
    content = b"a" * 2047 + "Ж".encode() + b"\n"

    assert UploadValidator(kinds=("csv",))(upload("stock.csv", content)) is None


# --- refused ---------------------------------------------------------------------------------


def test_validator_refuses_a_file_over_the_limit_and_names_the_limit():
    file = upload("licence.pdf", PDF + b"0" * (3 * 2**20))

    error = refusal(UploadValidator(kinds=("pdf",), max_bytes=2 * 2**20), file)

    assert error.code == "file_too_large"
    assert error.messages == ["The file is too large (3.0 MB); the limit is 2.0 MB."]


def test_validator_default_limit_comes_from_settings(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    file = upload("licence.pdf", PDF + b"0" * 1024)

    error = refusal(UploadValidator(kinds=("pdf",)), file)

    assert error.code == "file_too_large"
    assert error.params["limit"] == 0.0
    assert error.messages == ["The file is too large (0.0 MB); the limit is 0.0 MB."]


@pytest.mark.parametrize(
    ("name", "extension"), [("setup.exe", "exe"), ("licence", "?"), ("licence.pdf.exe", "exe")]
)
def test_validator_refuses_an_extension_that_is_not_allowed(name, extension):
    error = refusal(UploadValidator(kinds=("pdf", "png", "jpeg")), upload(name, PDF))

    assert error.code == "file_type"
    assert error.params == {"extension": extension, "allowed": "jpeg, jpg, pdf, png"}
    assert error.messages == [f"Files of type .{extension} are not accepted; allowed: jpeg, jpg, pdf, png."]


@pytest.mark.parametrize(
    ("name", "content", "kinds"),
    [
        ("invoice.pdf", HTML, ("pdf", "png", "jpeg")),  # HTML renamed .pdf
        ("invoice.pdf", PNG, ("pdf", "png", "jpeg")),  # PNG renamed .pdf
        ("photo.png", JPEG, ("pdf", "png", "jpeg")),  # JPEG renamed .png
        ("invoice.pdf", CSV, ALL_KINDS),  # text renamed .pdf while CSV is allowed
        ("stock.xlsx", PDF, ("xlsx", "csv")),
        ("stock.csv", b"sku,name\x00\x00\nC-1,coal\n", ("csv",)),  # NUL bytes: binary
        ("stock.csv", b"\xff\xfe\x00s\x00k\x00u", ("csv",)),  # UTF-16
        ("stock.csv", b"", ("csv",)),  # empty
        ("stock.csv", PNG, ("csv",)),
        ("empty.pdf", b"", ("pdf",)),
    ],
)
def test_validator_refuses_content_that_does_not_match_the_name(name, content, kinds):
    error = refusal(UploadValidator(kinds=kinds), upload(name, content))

    assert error.code == "file_content"
    extension = name.rsplit(".", 1)[1]
    assert error.messages == [f"The content of this file does not match its .{extension} name."]


def test_validator_is_comparable_for_migrations():
    assert UploadValidator(kinds=("pdf",)) == UploadValidator(kinds=["pdf"])
    assert UploadValidator(kinds=("pdf",)) != UploadValidator(kinds=("pdf",), max_bytes=10)
    path, args, kwargs = UploadValidator(kinds=("pdf",), max_bytes=10).deconstruct()
    assert path == "marketplace.core.uploads.UploadValidator"
    assert kwargs == {"kinds": ("pdf",), "max_bytes": 10}


def test_validator_accepts_an_ascii_pdf_when_csv_is_listed_first():
    ascii_pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    assert detect_kind(ascii_pdf, ("csv", "pdf")) == "pdf"

    assert UploadValidator(kinds=("csv", "pdf"))(upload("licence.pdf", ascii_pdf)) is None


# --- safe names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..\\..\\windows\\win.ini", "/var/www/../../root/.ssh/id_rsa", "a/../../b.pdf"],
)
def test_safe_filename_strips_directories(name):
    result = safe_filename(name)

    assert "/" not in result
    assert "\\" not in result
    assert ".." not in result
    assert result != ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("Business Licence (2024).PDF", "business-licence-2024.pdf"),
        ("营业执照.pdf", "file.pdf"),
        ("Лицензия.jpg", "file.jpg"),
        ("Licence Ордос 2024.png", "licence-2024.png"),
        ("Ordos Coal — licence.pdf", "ordos-coal-licence.pdf"),
        ("!!!.pdf", "file.pdf"),
        ("", "file"),
        ("x" * 200 + ".pdf", "x" * 60 + ".pdf"),
        ("archive.tar.gz", "archivetar.gz"),
    ],
)
def test_safe_filename(name, expected):
    result = safe_filename(name)

    assert result == expected
    assert result.isascii()


def test_safe_filename_with_a_trailing_dot():
    assert safe_filename("licence.") == "licence"


def test_safe_filename_with_a_non_ascii_extension_is_ascii():
    assert safe_filename("licence.пдф").isascii()


def test_safe_upload_path_is_prefix_random_folder_and_safe_name():
    upload_to = safe_upload_path("companies/registration")

    first = upload_to(None, "../../Business Licence.PDF")
    second = upload_to(None, "../../Business Licence.PDF")

    pattern = r"companies/registration/[0-9a-f]{32}/business-licence\.pdf"
    assert re.fullmatch(pattern, first)
    assert re.fullmatch(pattern, second)
    assert first != second


def test_safe_upload_path_is_comparable_for_migrations():
    assert safe_upload_path("a") == safe_upload_path("a")
    assert safe_upload_path("a") != safe_upload_path("b")
    assert safe_upload_path("a").deconstruct() == ("marketplace.core.uploads.safe_upload_path", ("a",), {})


# --- serving ---------------------------------------------------------------------------------


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_registration_document_is_stored_privately_under_a_safe_name(private_root):
    # when a company is saved with an uploaded licence
    company = SupplierFactory(registration_document=upload("../Business Licence.pdf", PDF))

    # then the file sits under the private root, in a random folder, with a safe name
    name = company.registration_document.name
    assert re.fullmatch(r"companies/registration/[0-9a-f]{32}/business-licence\.pdf", name)
    assert (private_root / name).read_bytes() == PDF
    with pytest.raises(ValueError, match="This file is not accessible via a URL."):
        _ = company.registration_document.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("licence.pdf", PDF, "application/pdf"),
        ("scan.png", PNG, "image/png"),
        ("page.html", HTML, "text/html"),  # had it slipped through, it still downloads
    ],
)
def test_attachment_response_forces_a_download(private_root, name, content, content_type):
    # given a stored document
    company = SupplierFactory()
    company.registration_document.save(name, SimpleUploadedFile(name, content))
    stored_name = company.registration_document.name.rsplit("/", 1)[1]

    # when it is served
    response = attachment_response(company.registration_document)

    # then the browser is told to download it and not to guess its type
    try:
        assert response["Content-Disposition"] == f'attachment; filename="{stored_name}"'
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert response["Content-Length"] == str(len(content))
        assert b"".join(response.streaming_content) == content
    finally:
        response.close()


@pytest.mark.django_db
def test_attachment_response_for_an_unknown_type_is_octet_stream(private_root):
    company = SupplierFactory()
    company.registration_document.save("data.bin9", SimpleUploadedFile("data.bin9", b"\x00\x01"))

    response = attachment_response(company.registration_document)

    try:
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"] == 'attachment; filename="data.bin9"'
    finally:
        response.close()
