"""Rows of a report as a spreadsheet file (CSV or XLSX), safe to open.

Names, positions and course titles are typed by people, and a spreadsheet program runs any cell
that starts like a formula. Every string cell is therefore neutralised (OWASP, "CSV injection")
before it is written, in both formats. The first row is the header."""

import csv
import io
import itertools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# The characters with which Excel, LibreOffice and Google Sheets start a formula or a DDE call.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Column widths in characters: wide enough for a name, never so wide the sheet must scroll for one cell.
MIN_WIDTH, MAX_WIDTH = 8, 50


def neutralise(value):
    """``value`` as a spreadsheet shows it, never runs it: a string that could start a formula gets
    a leading apostrophe. Numbers are left alone so they stay numbers (and sortable)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows_csv(rows: list[list]) -> bytes:
    buffer = io.BytesIO()
    write_csv(rows, buffer)
    return buffer.getvalue()


def write_csv(rows: Iterable[list], out: BinaryIO, *, progress: Callable[[int], None] | None = None) -> int:
    """Write ``rows`` to ``out`` a row at a time; return the number of rows after the header.
    UTF-8 with a byte order mark: without it Excel opens the file as ANSI and garbles Cyrillic."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, quoting=csv.QUOTE_MINIMAL)
    written = -1
    for written, row in enumerate(rows):
        writer.writerow([neutralise(value) for value in row])
        if progress is not None:
            progress(written)
    text.detach()  # leave ``out`` open for the caller
    return max(written, 0)


def _text_cell(sheet, value: str, font: Font | None = None) -> WriteOnlyCell:
    # openpyxl refuses control characters an XLSX file cannot hold; drop them rather than fail the export.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", neutralise(value)))
    # openpyxl turns a string starting with "=" into a formula and "#N/A" into an error value;
    # the neutralised text must be stored as the plain string it is.
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _width(value) -> int:
    longest = max((len(line) for line in str(value).splitlines()), default=0)
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def rows_xlsx(rows: list[list], *, sheet_title: str) -> bytes:
    """One sheet: a bold, frozen header row, then the rows; numbers stay numbers."""
    buffer = io.BytesIO()
    write_xlsx(rows, buffer, sheet_title=sheet_title, width_sample=len(rows))
    return buffer.getvalue()


def write_xlsx(
    rows: Iterable[list],
    out: BinaryIO,
    *,
    sheet_title: str,
    width_sample: int = 200,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``rows`` to ``out`` as one sheet, holding only ``width_sample`` rows in memory at a time
    (openpyxl's write-only mode streams the rest to a temporary file); return the number of rows
    after the header. The columns are as wide as the header and the first ``width_sample`` rows need."""
    rows = iter(rows)
    head = list(itertools.islice(rows, width_sample))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])  # Excel's limit for a sheet name
    # A write-only sheet takes its column widths and panes before the first row is written.
    for index, values in enumerate(zip(*head, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(_width(v) for v in values)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    written = 0
    for written, row in enumerate(itertools.chain(head, rows)):
        if written == 0:
            sheet.append([_text_cell(sheet, str(value), bold) for value in row])
            continue
        sheet.append(
            [value if isinstance(value, int | float | Decimal) else _text_cell(sheet, str(value)) for value in row]
        )
        if progress is not None:
            progress(written)
    workbook.save(out)
    return written
