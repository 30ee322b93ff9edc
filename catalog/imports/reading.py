"""Streaming readers of uploaded CSV and XLSX files: one record at a time, never the whole file.

Each reader yields (row number as the spreadsheet shows it, list of cell texts); the header is
row 1. Anything that stops a file from being read raises UnreadableFileError with a message
for the supplier.
"""

import csv
import io
import itertools
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

Record = tuple[int, list[str]]

# An XLSX is a zip of XML, and a small upload can unpack to gigabytes (a "zip bomb"). The
# zip's directory is checked before any XML is parsed: zipfile never inflates an entry past
# the size the directory declares (a lie fails its CRC check), so these limits hold.
MAX_WORKBOOK_ENTRIES = 200
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ENTRY_RATIO = 100  # real workbooks' XML packs 5-20 times; only big entries are judged
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit
MAX_ROW_CELLS = 500  # the widest template has under 60 columns
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# What a damaged or foreign file makes the zip, XML and CSV layers raise.
XLSX_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    EOFError,
    OSError,
    SyntaxError,  # xml.etree's ParseError and lxml's XMLSyntaxError
)


class UnreadableFileError(Exception):
    """The file as a whole cannot be imported; ``message`` says why, for the supplier."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_workbook_archive(binary) -> None:
    """Refuse an XLSX that would unpack past the limits; a damaged zip is left to the reader."""
    try:
        entries = zipfile.ZipFile(binary).infolist()
    except XLSX_ERRORS:
        return
    finally:
        binary.seek(0)
    unpacked = sum(entry.file_size for entry in entries)
    packed_too_tight = any(
        entry.file_size > RATIO_CHECKED_FROM_BYTES
        and entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )
    if len(entries) > MAX_WORKBOOK_ENTRIES or unpacked > MAX_UNPACKED_BYTES or packed_too_tight:
        raise UnreadableFileError(
            _(
                "This workbook unpacks to more than an import can hold (%(limit)s MB, or far more "
                "than its size suggests). Split it, or save it as CSV."
            )
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _checked(number: int, values: list[str]) -> list[str]:
    if len(values) > MAX_ROW_CELLS:
        raise UnreadableFileError(
            _("Row %(row)s has more than %(n)s cells.") % {"row": number, "n": MAX_ROW_CELLS}
        )
    if any(len(value) > MAX_CELL_CHARACTERS for value in values):
        raise UnreadableFileError(
            _("Row %(row)s has a cell longer than %(n)s characters, a spreadsheet's own limit.")
            % {"row": number, "n": f"{MAX_CELL_CHARACTERS:,}"}
        )
    return values


def unescape_formula(text: str) -> str:
    """Undo export's escaping: "'=SUM(A1)" was exported for the text "=SUM(A1)"."""
    if text.startswith("'") and text[1:].lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text


def cell_text(value) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        return format(number.normalize(), "f") if number == number.to_integral() else format(number, "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _delimiter(first_line: str) -> str:
    # Spreadsheets in Russian or German locales save CSV with semicolons.
    return max((",", ";", "\t"), key=first_line.count)


def csv_records(binary) -> Iterator[Record]:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    try:
        first_line = text.readline()
        # itertools.chain, not a generator, so that closing the reader early closes nothing.
        reader = csv.reader(itertools.chain([first_line], text), delimiter=_delimiter(first_line))
        for number, values in enumerate(reader, start=1):
            yield number, _checked(number, [unescape_formula(value.strip()) for value in values])
    except UnicodeDecodeError:
        raise UnreadableFileError(
            _("The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”.")
        ) from None
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise UnreadableFileError(
                _("A cell is longer than %(n)s characters, a spreadsheet's own limit.")
                % {"n": f"{MAX_CELL_CHARACTERS:,}"}
            ) from None
        raise UnreadableFileError(_("The CSV file is damaged: %(error)s") % {"error": error}) from None


def xlsx_records(binary) -> Iterator[Record]:
    check_workbook_archive(binary)
    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except XLSX_ERRORS:
        raise UnreadableFileError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store wrong dimensions; read every row there is
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, _checked(number, [cell_text(value) for value in values])
    except XLSX_ERRORS:
        raise UnreadableFileError(_("The Excel workbook is damaged and cannot be read to the end.")) from None
    finally:
        workbook.close()


def records(binary, *, file_name: str) -> Iterator[Record]:
    """Records of an open binary file, read by its kind (the upload checked name and content)."""
    if file_name.lower().endswith(".xlsx"):
        return xlsx_records(binary)
    if file_name.lower().endswith(".csv"):
        return csv_records(binary)
    raise UnreadableFileError(_("Only CSV and XLSX files can be imported."))


def is_blank(values: list[str]) -> bool:
    return not any(values)


def _shortened(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def check_header(values: list[str], expected: list[str]) -> list[str]:
    """The header's column names; refuses a header that is not the template's (in any order)."""
    names = [value.strip().lower() for value in values]
    while names and not names[-1]:
        names.pop()  # spreadsheets pad rows with empty cells
    missing = [name for name in expected if name not in names]
    unknown = [name for name in names if name not in expected]
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    problems = []
    unknown = [_shortened(name) for name in unknown[:10]] + (["…"] if len(unknown) > 10 else [])
    repeated = [_shortened(name) for name in repeated[:10]]
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    if unknown:
        problems.append(
            _("unknown columns: %(names)s") % {"names": ", ".join(n or "(empty)" for n in unknown)}
        )
    if repeated:
        problems.append(_("repeated columns: %(names)s") % {"names": ", ".join(repeated)})
    if problems:
        raise UnreadableFileError(
            _(
                "The header row is not the template's for this product type (%(problems)s). "
                "Download the template and keep its first row."
            )
            % {"problems": "; ".join(problems)}
        )
    return names
