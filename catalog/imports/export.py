"""Templates and exports in the import format: what is exported imports back unchanged."""

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from catalog.imports.columns import Column, columns_for
from catalog.imports.reading import FORMULA_START, cell_text
from catalog.imports.selectors import category_breadcrumbs, offers_to_export
from catalog.reference.models import Currency, HSCode, Incoterm, Unit

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Numbers stay numbers in XLSX; these columns are codes whose leading zeros matter.
TEXT_COLUMNS = {"sku", "hs_code", "vin", "cas_number"}
MAX_CELL_TEXT = 32_000  # Excel's limit is 32,767 characters
HELP_NOTES = (
    _lazy("Keep the first row of the Products sheet as it is; one row per offer below it."),
    _lazy("Your SKU is the key: a new SKU creates a draft product, a known one updates it."),
    _lazy(
        "A row describes its product and offer whole: an empty cell empties the value "
        "(the Russian and Chinese titles excepted: empty keeps the current one)."
    ),
    _lazy("Rows that change nothing are left alone; rows with mistakes are listed after the import."),
)


def catalogue_rows(*, supplier, product_class) -> Iterator[list]:
    """One row per offer of the supplier's products of ``product_class``, in template order."""
    columns = columns_for(product_class.slug)
    spec_names = list(
        dict.fromkeys(column.group for column in columns if column.field and column.group.endswith("_spec"))
    )
    categories = category_breadcrumbs()
    offers = offers_to_export(supplier=supplier, product_class=product_class, spec_names=spec_names)
    for offer in offers.iterator(chunk_size=1000):
        yield [_value(column, offer, categories) for column in columns]


def _value(column: Column, offer, categories: dict[int, str]):
    product = offer.product
    if column.group == "sku":
        return offer.partner_sku
    if column.group == "product":
        return getattr(product, column.name)
    if column.group == "category":
        return "; ".join(sorted(categories[category.pk] for category in product.categories.all()))
    if column.group == "translation":
        titles = {translation.language: translation.title for translation in product.translations.all()}
        return titles.get(column.field, "")
    if column.group == "offer":
        return _offer_value(column, offer)
    return _spec_value(column, product)


def _spec_value(column: Column, product):
    try:
        spec = getattr(product, column.group)
    except ObjectDoesNotExist:
        return ""
    if column.field == "commercial_unit":
        return spec.commercial_unit.code
    if column.field == "hs_code":
        return spec.hs_code_id
    value = getattr(spec, column.field)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _offer_value(column: Column, offer):
    if column.name == "incoterms":
        places = sorted((place.incoterm.code, place.named_place) for place in offer.incoterms.all())
        return "; ".join(f"{code} {place}" for code, place in places)
    if column.name == "price_tiers":
        tiers = sorted((tier.min_quantity, tier.unit_price) for tier in offer.price_tiers.all())
        return "; ".join(f"{cell_text(quantity)}:{price}" for quantity, price in tiers)
    return getattr(offer, column.field)


_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read ``text`` as a formula (OWASP's rule)? Plain numbers are safe."""
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def csv_safe(text: str) -> str:
    """Prefix formula-like text with a quote, which spreadsheets show as text; import drops it."""
    return "'" + text if is_formula_like(text) else text


def _file_name(product_class, kind: str, file_format: str) -> str:
    return f"{product_class.slug}-{kind}.{file_format}"


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_response(*, product_class, rows: Iterable[list], kind: str) -> StreamingHttpResponse:
    """A streamed CSV in UTF-8 with a byte-order mark, so Excel reads Cyrillic and Chinese."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([column.name for column in columns_for(product_class.slug)])
        for row in rows:
            yield writer.writerow([csv_safe(cell_text(value)) for value in row])

    response = StreamingHttpResponse(lines(), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(product_class, kind, "csv")}"'
    return response


def xlsx_response(*, product_class, rows: Iterable[list], kind: str) -> FileResponse:
    """An XLSX with the rows on the first sheet and the columns explained on "Help".

    The workbook is written in openpyxl's write-only mode to a temporary file, so a large
    catalogue is never held in memory.
    """
    columns = columns_for(product_class.slug)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Products")[:31])
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, column.name) for column in columns])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, column, value) for column, value in zip(columns, row, strict=True)])
    help_sheet = workbook.create_sheet(_("Help")[:31])
    help_sheet.append(
        [
            _bold(help_sheet, text)
            for text in (_("Column"), _("Meaning"), _("Required"), _("Allowed values or format"))
        ]
    )
    for line in help_rows(product_class):
        help_sheet.append(line)
    help_sheet.append([])
    for note in HELP_NOTES:
        help_sheet.append([str(note)])
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=_file_name(product_class, kind, "xlsx"), content_type=XLSX_TYPE
    )


def _bold(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell


def _xlsx_cell(sheet, column: Column, value):
    if not (column.name in TEXT_COLUMNS or not isinstance(value, Decimal | int) or isinstance(value, bool)):
        return value
    text = cell_text(value)
    if not is_formula_like(text):
        return text
    # openpyxl writes any string starting with "=" as a formula: keep it a text cell, and
    # quote-prefixed so that editing it in Excel keeps it text too.
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def help_rows(product_class) -> list[list[str]]:
    """Each column with its meaning, whether it is required, and what it accepts."""
    reference = {
        "hs_code": ", ".join(HSCode.objects.values_list("code", flat=True)),
        "unit": ", ".join(Unit.objects.values_list("code", flat=True)),
        "currency": ", ".join(Currency.objects.values_list("code", flat=True)),
        "category": "; ".join(sorted(category_breadcrumbs().values())),
    }
    incoterms = ", ".join(Incoterm.objects.values_list("code", flat=True))
    rows = []
    for column in columns_for(product_class.slug):
        allowed = str(column.allowed)
        if column.name in reference:
            allowed = f"{allowed} — {reference[column.name]}".strip(" —")
        elif column.name == "incoterms":
            allowed = f"{allowed} — {incoterms}"
        required = _("yes") if column.required else _("no")
        rows.append([column.name, str(column.label), required, allowed[:MAX_CELL_TEXT]])
    return rows
