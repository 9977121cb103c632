"""Reading a trainee spreadsheet, XLSX or CSV, into numbered rows of text, within limits that refuse
a file which is not a list of trainees before it costs the server its memory (architecture §4.6)."""

import codecs
import csv
import io
import re
import zipfile
from datetime import date, datetime, time

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException

from .columns import HEADERS, spelling_key
from .problems import UnreadableFile

# Beyond these a file is refused before it is validated: split it.
MAX_ROWS = 20_000
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_COLUMNS = 50
# An XLSX file is a zip archive, which can hold far more than it weighs (a 4 MB upload can unpack
# to 1 GB), and its sheet can claim a million rows or be one endless row. The archive and the
# sheet are measured against these before anything is parsed; the template's 20,000 trainees
# unpack to about 12 MB, compressed about 16 to 1.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PARTS = 1000
MAX_RATIO = 100  # unpacked size over packed size, for a part larger than RATIO_FROM
RATIO_FROM = 1024 * 1024
MAX_SHEET_ROWS = 2 * MAX_ROWS  # the last row's number: blank rows between count too
MAX_ROW_CELLS = 16_384  # Excel's own limit of columns: a row with more is not from a spreadsheet
MAX_SHARED_STRINGS = 500_000  # openpyxl keeps every shared string in memory
# Cells in all, empty ones included (openpyxl builds each): 20,000 trainees in 50 columns.
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
# A CSV line longer than this is not a trainee (ten columns of names take a few hundred characters).
MAX_LINE_CHARS = 20_000

XLSX_SIGNATURE = b"PK\x03\x04"  # an XLSX workbook is a zip archive
XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the older binary Excel format
DELIMITERS = (",", ";", "\t")


def _decode(data: bytes) -> str:
    """Text from a CSV file. Without a byte order mark UTF-8 is tried first: Windows-1251 Cyrillic
    is practically never valid UTF-8, since its letters are bytes 0xC0-0xFF, which UTF-8 allows
    only before a byte 0x80-0xBF, never before another letter."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1251")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The letters in this file cannot be read. Save it as XLSX, or as CSV UTF-8."))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed in Excel comes back as 12.0
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _too_large() -> UnreadableFile:
    return UnreadableFile(
        _(
            "This workbook unpacks to more than %(size)s MB: it is not a list of trainees, or it holds "
            "much more than one. Copy the trainees into a new workbook, or save them as CSV."
        )
        % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
    )


def _too_many_rows() -> UnreadableFile:
    return UnreadableFile(
        _("This sheet goes past row %(limit)s. Delete the empty rows at its end, or split the file.")
        % {"limit": MAX_SHEET_ROWS}
    )


def _too_many_columns(row: int) -> UnreadableFile:
    if not row:
        return UnreadableFile(
            _("This sheet has more than %(limit)s columns. Keep only the template's columns.") % {"limit": MAX_COLUMNS}
        )
    return UnreadableFile(
        _("Row %(row)s has values in more than %(limit)s columns. Keep only the template's columns.")
        % {"row": row, "limit": MAX_COLUMNS}
    )


def _too_many_cells() -> UnreadableFile:
    return UnreadableFile(
        _("This sheet has more than %(limit)s cells, empty ones included. Copy the trainees into a new workbook.")
        % {"limit": MAX_CELLS}
    )


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an archive that unpacks to too much, from the sizes its directory declares, before
    anything in it is read. The declared sizes bind: :mod:`zipfile` never returns more bytes than
    a part declares, and a part that holds more fails its checksum."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _too_large()
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise _too_large()
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise _too_large()


_DIMENSION = re.compile(r"^\$?([A-Z]{1,3})?\$?(\d+)?$")


def _last_cell(reference: str) -> tuple[int, int]:
    """(row, column) of the bottom right corner of a range such as ``A1:J20001`` (0 where absent)."""
    match = _DIMENSION.match(reference.rsplit(":", 1)[-1].strip().upper())
    if match is None:
        return 0, 0
    letters, digits = match.groups()
    return int(digits or 0), column_index_from_string(letters) if letters else 0


def _scan_part(stream) -> None:
    """Walk one XML part of the workbook as a stream, without keeping it, and stop at the first
    limit it passes: the sheet's declared size, a row past :data:`MAX_SHEET_ROWS`, a row with more
    than :data:`MAX_ROW_CELLS` cells or with values past :data:`MAX_COLUMNS`, too many cells or
    shared strings. openpyxl builds a whole row in memory before it yields it, so the endless row
    must be caught here; what this pass cannot parse, openpyxl's parser (the same expat) cannot
    either."""
    rows = cells = strings = all_cells = 0
    row_number = 0
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "dimension":
                    last_row, last_column = _last_cell(element.get("ref", ""))
                    if last_row > MAX_SHEET_ROWS:
                        raise _too_many_rows()
                    if last_column > MAX_ROW_CELLS:
                        raise _too_many_columns(0)
                elif tag == "row":
                    rows += 1
                    number = element.get("r")
                    row_number = int(number) if number and number.isdigit() else row_number + 1
                    if row_number > MAX_SHEET_ROWS or rows > MAX_SHEET_ROWS:
                        raise _too_many_rows()
                    cells = 0
                elif tag == "c":
                    cells += 1
                    all_cells += 1
                    if cells > MAX_ROW_CELLS:
                        raise _too_many_columns(row_number)
                    if all_cells > MAX_CELLS:
                        raise _too_many_cells()
                elif tag == "si":
                    strings += 1
                    if strings > MAX_SHARED_STRINGS:
                        raise _too_large()
            elif tag == "c":
                if len(element):  # a value, inline text or a formula
                    _row, column = _last_cell(element.get("r", ""))
                    if (column or cells) > MAX_COLUMNS:
                        raise _too_many_columns(row_number)
                element.clear()
            elif tag in ("row", "si"):
                element.clear()
    except (SyntaxError, DefusedXmlException, ValueError):  # ParseError is a SyntaxError
        return  # not XML, or broken: openpyxl refuses it, or never reads it


def _check_xlsx(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says it cannot read it
    with archive:
        _check_archive(archive)
        for part in archive.infolist():
            try:
                with archive.open(part) as stream:
                    if stream.read(1) == b"<" or part.filename.lower().endswith((".xml", ".rels")):
                        with archive.open(part) as again:
                            _scan_part(again)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                continue  # an encrypted or damaged part: openpyxl refuses it if it needs it


def _read_xlsx(data: bytes) -> list[tuple[int, list[str]]]:
    """The first sheet's rows, numbered as Excel numbers them. The archive and every XML part are
    measured first (:func:`_check_xlsx`): only then does openpyxl, in read-only mode, parse it."""
    unreadable = _("This is not an XLSX workbook that can be read. Save it again as XLSX or CSV.")
    _check_xlsx(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(unreadable) from error
    try:
        sheet = workbook.worksheets[0]
        # Read-only mode trusts the size the file claims, which some programs write wrongly.
        sheet.reset_dimensions()
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_rows()
            cells = [_cell_text(value) for value in values]
            if any(cells[MAX_COLUMNS:]):
                raise _too_many_columns(number)
            cells = cells[:MAX_COLUMNS]
            if any(cells):
                rows.append((number, cells))
                _refuse_if_too_long(rows)
        return rows
    except (KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile) as error:
        raise UnreadableFile(unreadable) from error
    finally:
        workbook.close()


def _delimiter(first_line: str) -> str:
    """The delimiter that makes the most of the header's cells recognisable: a stricter sniff than
    :class:`csv.Sniffer`, which guesses wrongly on short files and on names with commas."""

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(spelling_key(cell) in HEADERS for cell in cells), len(cells)

    return max(DELIMITERS, key=score)


def _read_csv(data: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(data)
    # Measured before the csv module sees it: its own limit on a field answers in English, and a
    # line of commas would become a list of millions of empty cells.
    if max(text.count("\n"), text.count("\r")) > MAX_SHEET_ROWS:
        raise _too_many_rows()
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise UnreadableFile(
                _("Line %(line)s is longer than %(limit)s characters: it is not one trainee. Check the file.")
                % {"line": number, "limit": MAX_LINE_CHARS}
            )
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells[MAX_COLUMNS:]):
                raise _too_many_columns(number)
            if any(cell.strip() for cell in cells):
                rows.append((number, cells[:MAX_COLUMNS]))
                _refuse_if_too_long(rows)
    except csv.Error as error:
        raise UnreadableFile(
            _("This file cannot be read as CSV (%(error)s). Save it as XLSX or as CSV UTF-8.") % {"error": error}
        ) from error
    return rows


def _refuse_if_too_long(rows: list) -> None:
    if len(rows) > MAX_ROWS + 1:  # the header and MAX_ROWS trainees
        raise UnreadableFile(
            _("This file has more than %(limit)s trainees. Split it into smaller files.") % {"limit": MAX_ROWS}
        )


def read_table(data: bytes, file_name: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows of an XLSX or CSV file as (row number, cells). Raises :class:`UnreadableFile`."""
    name = file_name.lower()
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(
            _("This file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if data.startswith(XLS_SIGNATURE) or name.endswith(".xls"):
        raise UnreadableFile(_("This is an old Excel file (.xls). Save it as XLSX or CSV and upload that."))
    if is_xlsx(data, file_name):
        return _read_xlsx(data)
    return _read_csv(data)


def is_xlsx(data: bytes, file_name: str) -> bool:
    return data.startswith(XLSX_SIGNATURE) or file_name.lower().endswith((".xlsx", ".xlsm"))
