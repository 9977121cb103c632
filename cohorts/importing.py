"""Importing trainees into a cohort from a spreadsheet (architecture §4.6 and §4.7).

- :func:`inspect_file` reads the file (XLSX, or CSV in UTF-8 with or without a BOM, UTF-16 or
  Windows-1251), maps its header and validates every row. It writes nothing.
- :func:`check` keeps what it found in a :class:`TraineeImport`, for the preview page.
- :func:`run` validates again, since accounts may have changed since the check, and then commits
  all or nothing: new accounts are created in bulk and join the cohort through
  :func:`cohorts.services.memberships_add_many`, and get an invitation whose link sets their first
  password; an existing account is never put in the cohort by the importer, whose word is not the
  person's: it gets an invitation, and joins by accepting it.

Importing the same file twice changes nothing: an address with an account is never created again
and is never edited, someone already in the cohort is counted, not added, and someone whose
invitation is still waiting is not invited again. Validation runs a
fixed number of queries whatever the number of rows.
"""

import codecs
import csv
import difflib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time

from allauth.account.models import EmailAddress
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from accounts.models import Organisation, Region
from accounts.regions import ALIASES as REGION_ALIASES
from core.enqueue import enqueue_on_commit
from core.spreadsheets import rows_csv, rows_xlsx
from core.text import normalise_text, scripts_in

from . import tasks
from .models import Cohort, CohortMembership, TraineeImport
from .services import CURRENT, CohortError, invitations_send_many, memberships_add_many

# A file with more rows than this goes to a Celery worker instead of being imported in the request.
QUEUE_ABOVE = 500
# New accounts are created this many at a time; the progress bar moves after each batch.
CHUNK = 500
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
# The first rows of the table on the preview page.
PREVIEW_ROWS = 50

# The downloadable template's example row uses this address, so a template sent back with the
# example still in it is refused instead of creating an account for a person who does not exist.
EXAMPLE_EMAIL = "jishee@example.mn"

Status = TraineeImport.Status


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False
    user_field: str = ""  # the User field a text column fills, for its length limit
    script: str = ""  # the only alphabet a name column may use
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("email", gettext_lazy("E-mail address"), required=True, user_field="email",
           aliases=("e-mail", "email address", "e-mail address", "и-мэйл", "имэйл", "и-мейл", "имейл",
                    "цахим шуудан", "цахим шуудангийн хаяг")),
    Column("family_name", gettext_lazy("Family name"), required=True, user_field="last_name", script="cyrillic",
           aliases=("last name", "surname", "овог")),
    Column("given_name", gettext_lazy("Given name"), required=True, user_field="first_name", script="cyrillic",
           aliases=("first name", "нэр")),
    Column("latin_family_name", gettext_lazy("Family name in Latin letters"), user_field="latin_last_name",
           script="latin", aliases=("latin last name", "латин овог", "овог латинаар")),
    Column("latin_given_name", gettext_lazy("Given name in Latin letters"), user_field="latin_first_name",
           script="latin", aliases=("latin first name", "латин нэр", "нэр латинаар")),
    Column("organisation", gettext_lazy("Organisation"), aliases=("organization", "байгууллага")),
    Column("position", gettext_lazy("Position or rank"), user_field="position",
           aliases=("position or rank", "rank", "албан тушаал")),
    Column("region", gettext_lazy("Region"),
           aliases=("aimag", "district", "аймаг", "дүүрэг", "аймаг/дүүрэг", "аймаг, дүүрэг", "бүс")),
    Column("gender", gettext_lazy("Gender"), aliases=("sex", "хүйс")),
    Column("preferred_language", gettext_lazy("Preferred language"), aliases=("language", "хэл", "сонгосон хэл")),
)  # fmt: skip
COLUMN_KEYS = tuple(column.key for column in COLUMNS)

# The words a trainer may write for each choice, in either language. A lone "Э" is refused:
# it starts both эмэгтэй (female) and эрэгтэй (male).
GENDER_WORDS = {
    "female": ("female", "f", "woman", "эмэгтэй", "эм"),
    "male": ("male", "m", "man", "эрэгтэй", "эр"),
    "other": ("other", "another gender", "бусад"),
    "unstated": ("unstated", "prefer not to say", "хэлэхгүй", "хариулахгүй"),
}
AMBIGUOUS_GENDER_WORDS = ("э",)
LANGUAGE_WORDS = {
    "mn": ("mn", "mon", "mongolian", "монгол", "монгол хэл", "мн"),
    "en": ("en", "eng", "english", "англи", "англи хэл"),
}
# Region names end in the kind of region; people mostly leave it out ("Дархан-Уул").
REGION_KIND_WORDS = ("аймаг", "дүүрэг", "хот", "aimag", "district", "city")
# How close a misspelt region must be to a name for the name to be suggested (difflib's ratio).
SUGGEST_FROM = 0.75
# Characters a name may hold besides letters: "Бат-Эрдэнэ", "Д.Батболд", "O'Neil".
NAME_PUNCTUATION = frozenset(" -'’.")
# What a name turns into when its letters did not survive being saved: Windows-1251 has no Ө or Ү,
# so Excel writes "?" for them, and a decoder writes U+FFFD for what it cannot read.
LOST_LETTERS = frozenset("?\ufffd")

XLSX_SIGNATURE = b"PK\x03\x04"  # an XLSX workbook is a zip archive
XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the older binary Excel format
DELIMITERS = (",", ";", "\t")


def _key(value: str) -> str:
    """How two spellings of a header or of a listed value are compared: after NFC, without case,
    extra spaces, ``_``, ``-``, ``*`` or ``:`` ("Family_name *" is "family name")."""
    text = normalise_text(value).casefold()
    for char in "_-":
        text = text.replace(char, " ")
    return " ".join(text.replace("*", "").replace(":", "").split())


def _unaccented(key: str) -> str:
    """A second chance for names typed without diacritics: "Bayan-Olgii" for "Bayan-Ölgii"."""
    return "".join(char for char in unicodedata.normalize("NFD", key) if not unicodedata.combining(char))


HEADERS = {_key(alias): column.key for column in COLUMNS for alias in (column.key, *column.aliases)}
GENDERS = {_key(word): value for value, words in GENDER_WORDS.items() for word in words}
LANGUAGES = {
    _key(word): code
    for code, words in LANGUAGE_WORDS.items()
    if code in {language for language, _name in settings.LANGUAGES}
    for word in words
}


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be imported as it is."""

    row: int  # as the spreadsheet numbers it, the header being row 1; 0 for the file as a whole
    column: str  # the template's name of the column; empty for a whole row or file
    reason: str

    def __str__(self) -> str:
        if not self.row:
            return self.reason
        if not self.column:
            return _("row %(row)s: %(reason)s") % {"row": self.row, "reason": self.reason}
        return _("row %(row)s, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


class UnreadableFile(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- Reading -------------------------------------------------------------------------------------


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
        return sum(_key(cell) in HEADERS for cell in cells), len(cells)

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


# --- Header and rows -----------------------------------------------------------------------------


def map_header(number: int, cells: list[str]) -> tuple[dict[int, str], list[Problem]]:
    """Which column of the file holds which of :data:`COLUMNS`. Unknown columns (a "№" column, notes)
    are left out; a missing required column or a column given twice is a problem."""
    mapping: dict[int, str] = {}
    problems = []
    for index, cell in enumerate(cells):
        key = HEADERS.get(_key(cell))
        if key is None:
            continue
        if key in mapping.values():
            problems.append(Problem(number, key, _("Two columns are both “%(column)s”: keep one.") % {"column": key}))
        else:
            mapping[index] = key
    if not mapping:
        return {}, [
            Problem(
                number,
                "",
                _("The first row must name the columns, as the template does: %(columns)s.")
                % {"columns": ", ".join(COLUMN_KEYS)},
            )
        ]
    for column in COLUMNS:
        if column.required and column.key not in mapping.values():
            problems.append(Problem(number, column.key, _("This column is missing; it is required.")))
    return mapping, problems


def table_rows(table: list[tuple[int, list[str]]]) -> tuple[list[dict], list[Problem]]:
    """The data rows as dicts of normalised text, each with its spreadsheet ``row`` number."""
    if not table:
        return [], [Problem(0, "", _("The file is empty."))]
    (header_number, header), *data = table
    mapping, problems = map_header(header_number, header)
    if not mapping:
        return [], problems
    rows = []
    for number, cells in data:
        row = {key: normalise_text(cells[index]) if index < len(cells) else "" for index, key in mapping.items()}
        if any(row.values()):  # a row with only a number in a "№" column is blank to us
            row["email"] = row.get("email", "").lower()
            rows.append({"row": number, **row})
    if not rows and not problems:
        problems.append(Problem(0, "", _("The file has a header but no trainees.")))
    return rows, problems


def _header_width(header: list[str]) -> int:
    """The number of columns the header names: up to its last non-empty cell."""
    return max((index + 1 for index, cell in enumerate(header) if cell.strip()), default=0)


def width_problems(table: list[tuple[int, list[str]]], *, delimited: bool) -> list[Problem]:
    """Rows whose cells do not line up with the header. A value past the header's last column would
    be lost ("Ахлах, байцаагч" split at its comma keeps only "Ахлах"), so it is a problem. In a CSV
    file (``delimited``) every line has as many cells as the header, so a shorter one has lost a
    delimiter and its values have moved; an XLSX row simply ends at its last value."""
    if not table:
        return []
    (_header_number, header), *data = table
    width = _header_width(header)
    mapping, _header_problems = map_header(_header_number, header)
    problems = []
    for number, cells in data:
        extra = next(((index, cell) for index, cell in enumerate(cells) if index >= width and cell.strip()), None)
        if extra is not None:
            index, value = extra
            if delimited:
                reason = _(
                    "This row has %(cells)s cells but the first row names %(columns)s columns: a comma or "
                    "semicolon inside a value splits it in two, and the values after it move to the wrong "
                    "columns. Put such a value in quotes, or save the file as XLSX."
                ) % {"cells": _header_width(cells), "columns": width}
            else:
                reason = _(
                    "“%(value)s” is in a column that the first row does not name, so it would be lost. "
                    "Move it into its column, or delete it."
                ) % {"value": value}
            problems.append(Problem(number, get_column_letter(index + 1), reason))
        elif delimited and len(cells) < width and any(cell.strip() for cell in cells):
            missing = len(cells)
            problems.append(
                Problem(
                    number,
                    mapping.get(missing) or get_column_letter(missing + 1),
                    _(
                        "This row has %(cells)s cells but the first row names %(columns)s columns: a delimiter "
                        "is missing, so the values after it are in the wrong columns. Check this row."
                    )
                    % {"cells": len(cells), "columns": width},
                )
            )
    return problems


# --- Validation ----------------------------------------------------------------------------------


@dataclass
class Trainee:
    """A valid row, resolved: what a new account gets, or which existing account it links."""

    row: int
    email: str
    family_name: str
    given_name: str
    latin_family_name: str
    latin_given_name: str
    position: str
    organisation_id: int
    region_id: int | None
    gender: str
    preferred_language: str
    user_id: int | None  # an existing account, linked and never edited


@dataclass
class Plan:
    problems: list[Problem] = field(default_factory=list)
    create: list[Trainee] = field(default_factory=list)  # new accounts
    invite: list[Trainee] = field(default_factory=list)  # existing accounts not yet in the cohort
    already: list[Trainee] = field(default_factory=list)  # existing accounts already in it

    @property
    def problem_rows(self) -> set[int]:
        return {problem.row for problem in self.problems}


class _Lookup:
    """Listed values (regions, organisations) by every spelling a trainer may write. A spelling
    shared by two of them is ambiguous rather than a guess."""

    def __init__(self):
        self._found: dict[str, set[int]] = {}
        self._names: dict[str, str] = {}  # a spelling's key → the full name to suggest for it

    def add(self, pk: int, *spellings: str, name: str = "") -> None:
        for spelling in spellings:
            if spelling:
                key = _key(spelling)
                for variant in {key, _unaccented(key)}:
                    self._found.setdefault(variant, set()).add(pk)
                    self._names.setdefault(variant, name or spelling)

    def find(self, value: str) -> frozenset[int]:
        key = _key(value)
        return frozenset(self._found.get(key) or self._found.get(_unaccented(key)) or ())

    def suggest(self, value: str) -> str | None:
        """The full name whose spelling is nearest to ``value``, in the alphabet it was written in."""
        key = _key(value)
        close = difflib.get_close_matches(key, self._names, n=1, cutoff=SUGGEST_FROM)
        return self._names[close[0]] if close else None


def _regions() -> _Lookup:
    lookup = _Lookup()
    for region in Region.objects.only("pk", "code", "name_mn", "name_en"):
        for name in (region.name_mn, region.name_en):
            spellings = [name]
            words = name.split()
            if len(words) > 1 and words[-1].casefold() in REGION_KIND_WORDS:
                spellings.append(" ".join(words[:-1]))
            lookup.add(region.pk, *spellings, name=name)
        lookup.add(region.pk, region.code, *REGION_ALIASES.get(region.code, ()), name=region.name_mn)
    return lookup


# "Улаанбаатар, Баянзүрх дүүрэг" and "УБ Хан-Уул" name a district with the city in front of it.
_IN_THE_CAPITAL = re.compile(
    r"^(?:улаанбаатар|ulaanbaatar|ulan bator|уб|ub)(?: хот| city)?[ ,/]+(?P<district>.+)$", re.IGNORECASE
)


def _organisations(root: Organisation) -> _Lookup:
    lookup = _Lookup()
    for organisation in root.subtree().only("pk", "code", "name_mn", "name_en"):
        lookup.add(organisation.pk, organisation.code, organisation.name_mn, organisation.name_en)
    return lookup


def _name_problem(value: str, script: str) -> str | None:
    if script == "cyrillic" and "latin" in scripts_in(value):
        return _("Write this name in Cyrillic letters; it contains Latin letters.")
    if script == "latin" and "cyrillic" in scripts_in(value):
        return _("Write this name in Latin letters; it contains Cyrillic letters.")
    if LOST_LETTERS & set(value):
        return _(
            "Letters of this name were lost when the file was saved (Windows-1251 has no Ө or Ү). "
            "Save the file as XLSX or as CSV UTF-8."
        )
    if any(not char.isalpha() and char not in NAME_PUNCTUATION for char in value):
        return _("Use only letters, spaces, hyphens, apostrophes and full stops in a name.")
    return None


class _Validator:
    """Validates the rows of one file against the database as it is now, read in bulk up front."""

    def __init__(self, cohort: Cohort, rows: list[dict]):
        User = get_user_model()
        emails = {row["email"] for row in rows if row.get("email")}
        # Addresses are unique whatever their case (the Lower("email") constraint); this lookup
        # uses that constraint's index.
        self.accounts = {
            user.email_ci: user
            for user in User.objects.annotate(email_ci=Lower("email"))
            .filter(email_ci__in=emails)
            .only("pk", "email", "is_active")
        }
        self.members = set(
            CohortMembership.objects.filter(cohort=cohort, status__in=CURRENT).values_list("learner_id", flat=True)
        )
        self.regions = _regions()
        # Read afresh: adding an organisation to the tree can renumber the paths of the others.
        self.root = Organisation.objects.get(pk=cohort.organisation_id)
        self.organisations = _organisations(self.root)
        self.limits = {c.key: User._meta.get_field(c.user_field).max_length for c in COLUMNS if c.user_field}
        self.first_row_of: dict[str, int] = {}  # e-mail address → the row it first appears on

    def text(self, values: dict) -> Iterator[tuple[str, str]]:
        for column in COLUMNS:
            value = values[column.key]
            if column.required and not value:
                yield column.key, _("This value is required.")
            elif column.key in self.limits and len(value) > self.limits[column.key]:
                yield (
                    column.key,
                    _("Too long: at most %(limit)s characters, this has %(length)s.")
                    % {
                        "limit": self.limits[column.key],
                        "length": len(value),
                    },
                )
            elif value and column.script and (reason := _name_problem(value, column.script)):
                yield column.key, reason

    def account(self, email: str, number: int) -> tuple[object | None, str | None]:
        """The existing account for the address, if any, or why the address cannot be used."""
        try:
            validate_email(email)
        except ValidationError:
            return None, _("“%(value)s” is not an e-mail address.") % {"value": email}
        if email == EXAMPLE_EMAIL:
            return None, _("This is the template's example row: delete it.")
        if email in self.first_row_of:
            return None, _("The same address is on row %(row)s.") % {"row": self.first_row_of[email]}
        self.first_row_of[email] = number
        account = self.accounts.get(email)
        if account is not None and not account.is_active:
            return None, _("The account with this address is deactivated. A coordinator can reactivate it.")
        return account, None

    def organisation(self, value: str) -> tuple[int, str | None]:
        """Blank means the cohort's own organisation; anything else must be it or a unit under it."""
        if not value:
            return self.root.pk, None
        found = self.organisations.find(value)
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return 0, _("More than one organisation has this name: write its code instead.")
        return 0, _("“%(value)s” is not %(organisation)s or one of its units.") % {
            "value": value,
            "organisation": self.root.name,
        }

    def region(self, value: str) -> tuple[int | None, str | None]:
        if not value:
            return None, None
        found = self.regions.find(value)
        if not found and (in_the_capital := _IN_THE_CAPITAL.match(normalise_text(value))):
            # In the city, "Сүхбаатар" is the district, not the aimag of the same name.
            district = in_the_capital["district"]
            found = self.regions.find(f"{district} дүүрэг") or self.regions.find(district)
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return None, _("More than one region has this name: write it in full, with aimag or district.")
        suggestion = self.regions.suggest(value)
        if suggestion:
            return None, _(
                "“%(value)s” is not an aimag, Ulaanbaatar or one of its districts. Did you mean “%(suggestion)s”?"
            ) % {"value": value, "suggestion": suggestion}
        return None, _("“%(value)s” is not an aimag, Ulaanbaatar or one of its districts.") % {"value": value}

    @staticmethod
    def gender(value: str) -> tuple[str, str | None]:
        if not value:
            return "", None
        if _key(value) in AMBIGUOUS_GENDER_WORDS:
            return "", _("“%(value)s” could mean эмэгтэй or эрэгтэй: write the word.") % {"value": value}
        if _key(value) not in GENDERS:
            return "", _(
                "Unknown gender “%(value)s”: write female, male, other or unstated (эмэгтэй, эрэгтэй, бусад)."
            ) % {"value": value}
        return GENDERS[_key(value)], None

    @staticmethod
    def language(value: str) -> tuple[str, str | None]:
        if not value:
            return settings.LANGUAGE_CODE, None
        if _key(value) not in LANGUAGES:
            return "", _("Unknown language “%(value)s”: write mn or en (монгол, англи).") % {"value": value}
        return LANGUAGES[_key(value)], None

    def row(self, row: dict) -> tuple[list[Problem], Trainee | None]:
        number = row["row"]
        values = {key: row.get(key, "") for key in COLUMN_KEYS}
        found = list(self.text(values))
        account = None
        if not any(column == "email" for column, _reason in found):
            account, reason = self.account(values["email"], number)
            found.append(("email", reason))
        organisation_id, reason = self.organisation(values["organisation"])
        found.append(("organisation", reason))
        region_id, reason = self.region(values["region"])
        found.append(("region", reason))
        gender, reason = self.gender(values["gender"])
        found.append(("gender", reason))
        language, reason = self.language(values["preferred_language"])
        found.append(("preferred_language", reason))
        problems = [Problem(number, column, reason) for column, reason in found if reason]
        if problems:
            return problems, None
        return [], Trainee(
            row=number,
            email=values["email"],
            family_name=values["family_name"],
            given_name=values["given_name"],
            latin_family_name=values["latin_family_name"],
            latin_given_name=values["latin_given_name"],
            position=values["position"],
            organisation_id=organisation_id,
            region_id=region_id,
            gender=gender,
            preferred_language=language,
            user_id=account.pk if account else None,
        )


def validate(*, cohort: Cohort, rows: list[dict]) -> Plan:
    """Every problem of every row and, for the good rows, what importing them will do.

    Five queries whatever the number of rows: existing accounts, the cohort's current members,
    regions, the cohort's organisation and the organisations under it."""
    validator = _Validator(cohort, rows)
    plan = Plan()
    for row in rows:
        problems, trainee = validator.row(row)
        plan.problems.extend(problems)
        if trainee is None:
            continue
        if trainee.user_id is None:
            plan.create.append(trainee)
        elif trainee.user_id in validator.members:
            plan.already.append(trainee)
        else:
            plan.invite.append(trainee)
    return plan


def inspect_file(*, cohort: Cohort, file_name: str, data: bytes) -> tuple[list[dict], Plan]:
    """Read and validate a file; write nothing. Returns the normalised rows and the plan."""
    try:
        table = read_table(data, file_name)
    except UnreadableFile as error:
        return [], Plan(problems=[Problem(0, "", error.reason)])
    rows, problems = table_rows(table)
    if problems:
        # With the header wrong every row would repeat it; the header's problems are enough.
        return rows, Plan(problems=problems)
    plan = validate(cohort=cohort, rows=rows)
    misaligned = width_problems(table, delimited=not is_xlsx(data, file_name))
    plan.problems = sorted([*misaligned, *plan.problems], key=lambda problem: problem.row)
    return rows, plan


def check(*, cohort: Cohort, file_name: str, data: bytes, by) -> TraineeImport:
    """Validate an uploaded file and keep its rows and problems for the preview; import nothing yet."""
    rows, plan = inspect_file(cohort=cohort, file_name=file_name, data=data)
    return TraineeImport.objects.create(
        cohort=cohort,
        uploaded_by=by,
        file_name=file_name[-255:],
        rows=rows,
        errors=[asdict(problem) for problem in plan.problems],
        total=len(rows),
    )


def problems_of(trainee_import: TraineeImport) -> list[Problem]:
    return [Problem(**problem) for problem in trainee_import.errors]


def plan_for(trainee_import: TraineeImport) -> Plan:
    """What importing a checked file would do now (accounts may have changed since the check)."""
    return validate(cohort=trainee_import.cohort, rows=trainee_import.rows)


# --- Committing ----------------------------------------------------------------------------------

# A run holds its import's row locked in one transaction, so the ``processed`` it writes is seen
# by nobody until the end. The progress bar reads the count from the cache, which every web
# process shares, while the run lasts. While Redis is down the count stays in the importing
# process (core/cache.py): the bar stands still, and the page shows the result once the run ends.
LIVE_FOR = 60 * 60


def _live_key(trainee_import: TraineeImport) -> str:
    return f"cohorts:trainee-import:{trainee_import.pk}:processed"


def progress(trainee_import: TraineeImport) -> dict:
    """Status, rows done and percent for the progress bar, as JSON-ready values."""
    status, processed = trainee_import.status, trainee_import.processed
    if status == Status.QUEUED:
        live = cache.get(_live_key(trainee_import))
        if live is not None:
            status, processed = Status.RUNNING, live
    total = trainee_import.total
    percent = 100 if status == Status.DONE else (min(100, round(100 * processed / total)) if total else 0)
    return {
        "status": str(status),
        "label": str(Status(status).label),
        "processed": processed,
        "total": total,
        "percent": percent,
        "finished": status in (Status.DONE, Status.FAILED),
    }


def _new_user(trainee: Trainee):
    """An account as :meth:`User.save` would store it (``bulk_create`` does not call ``save``)."""
    User = get_user_model()
    return User(
        email=trainee.email,
        first_name=trainee.given_name,
        last_name=trainee.family_name,
        # Left empty rather than transliterated: a stored guess would look like the passport
        # spelling. The profile form suggests one for the trainee to correct.
        latin_first_name=trainee.latin_given_name,
        latin_last_name=trainee.latin_family_name,
        position=trainee.position,
        organisation_id=trainee.organisation_id,
        region_id=trainee.region_id,
        gender=trainee.gender,
        preferred_language=trainee.preferred_language,
        # Validation refuses a name with letters of the other alphabet, so none needs review.
        name_needs_review=False,
        # No password until the trainee sets one through the invitation the import e-mails them
        # (or through "forgot password" with their address).
        password=make_password(None),
    )


# What a committed row did, for the import's report.
CREATED, INVITED, INVITED_BEFORE, ALREADY = "created", "invited", "invited_before", "already"
OUTCOME_LABELS = {
    CREATED: gettext_lazy("account created"),
    INVITED: gettext_lazy("invited (existing account)"),
    INVITED_BEFORE: gettext_lazy("invitation already waiting (existing account)"),
    ALREADY: gettext_lazy("already in the cohort"),
}
# The report's rows shown on the page; the command prints them all.
REPORT_ROWS = 1000


def _commit(trainee_import: TraineeImport, plan: Plan) -> tuple[int, int, int, list[dict]]:
    """Create and enrol new accounts; invite existing ones. Returns (accounts created, existing
    accounts invited, already members, the report: one entry per row, in the file's order)."""
    User = get_user_model()
    created = []
    for start in range(0, len(plan.create), CHUNK):
        users = User.objects.bulk_create([_new_user(trainee) for trainee in plan.create[start : start + CHUNK]])
        # Unverified: the address is the trainer's word for it until the trainee confirms it.
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=False, primary=True) for user in users]
        )
        created.extend(users)
        cache.set(_live_key(trainee_import), len(created), LIVE_FOR)
    # Only the accounts made just now join directly. The importer has no say over anyone else's
    # account, be it a learner of another trainer or a coordinator: they are asked instead.
    _joined, already = memberships_add_many(
        cohort=trainee_import.cohort, learners=created, source=CohortMembership.Source.IMPORT
    )
    existing = list(User.objects.filter(pk__in=[trainee.user_id for trainee in plan.invite]))
    # The new accounts are invited too: they are already in, but have no password, and the
    # invitation's link is how they set one. One task e-mails the lot after commit.
    _sent, invited_before = invitations_send_many(
        cohort=trainee_import.cohort, people=[*existing, *created], by=trainee_import.uploaded_by
    )
    waiting = {person.pk for person in invited_before}
    outcome = {trainee.row: CREATED for trainee in plan.create}
    outcome.update({trainee.row: ALREADY for trainee in plan.already})
    outcome.update({trainee.row: INVITED_BEFORE if trainee.user_id in waiting else INVITED for trainee in plan.invite})
    emails = {trainee.row: trainee.email for trainee in (*plan.create, *plan.invite, *plan.already)}
    report = [{"row": row, "email": emails[row], "outcome": outcome[row]} for row in sorted(outcome)]
    invited = len(existing) - len(waiting & {person.pk for person in existing})
    return len(created), invited, len(plan.already) + len(already), report


def run(*, trainee_import: TraineeImport, wait: bool = True) -> TraineeImport:
    """Import a checked file: all of it, or, on any problem, nothing (the import is then failed,
    with the reasons in ``errors``). Safe to call twice: once done or failed it does nothing.

    ``wait=False`` (the Celery task) returns at once when another process is running this import."""
    started = False
    try:
        with transaction.atomic():
            locked = (
                TraineeImport.objects.select_for_update(skip_locked=not wait, of=("self",))
                .select_related("cohort__organisation")
                .filter(pk=trainee_import.pk)
                .first()
            )
            if locked is None or locked.status not in (Status.CHECKED, Status.QUEUED) or locked.errors:
                return locked or trainee_import
            started = True
            cache.set(_live_key(locked), 0, LIVE_FOR)
            plan = plan_for(locked)
            failure = None
            if plan.problems:
                failure = plan.problems
            else:
                try:
                    with transaction.atomic():
                        counts = _commit(locked, plan)
                except CohortError as error:
                    failure = [Problem(0, "", error.message)]
                except IntegrityError:  # an address got an account between the check and now
                    failure = [Problem(0, "", _("Accounts changed while importing. Upload the file again."))]
            if failure:
                locked.status, locked.errors = Status.FAILED, [asdict(problem) for problem in failure]
            else:
                locked.status, locked.processed = Status.DONE, locked.total
                (locked.created_accounts, locked.invited_accounts, locked.already_members, locked.report) = counts
                locked.rows = []  # done with: the accounts and memberships are the record now
            locked.finished_at = timezone.now()
            locked.save()
            return locked
    finally:
        # Only the run that started it clears the count: a duplicate that found the import locked
        # must not blank the progress bar of the one still running.
        if started:
            cache.delete(_live_key(trainee_import))


def rehearse(*, cohort: Cohort, file_name: str, data: bytes, by) -> TraineeImport:
    """A dry run: check and import the file for real, then undo all of it, so that the answer is the
    real run's (a closed or full cohort, a missing prerequisite, whatever committing refuses) with
    its counts. Nothing is kept, not even the record of the check; mail is sent only on commit."""
    with transaction.atomic():
        trainee_import = check(cohort=cohort, file_name=file_name, data=data, by=by)
        if not trainee_import.errors:
            trainee_import = run(trainee_import=trainee_import)
        transaction.set_rollback(True)
    return trainee_import


@transaction.atomic
def queue(*, trainee_import: TraineeImport) -> TraineeImport:
    """Hand a checked import to a Celery worker. Queuing again re-sends the task, which is harmless:
    the task does nothing once the import is done."""
    locked = TraineeImport.objects.select_for_update(skip_locked=True).filter(pk=trainee_import.pk).first()
    if locked is None:  # a worker is importing it right now
        return trainee_import
    if locked.status not in (Status.CHECKED, Status.QUEUED) or locked.errors:
        return locked
    if locked.status == Status.CHECKED:
        locked.status = Status.QUEUED
        locked.save(update_fields=["status"])
    enqueue_on_commit(tasks.import_trainees, locked.pk)
    return locked


def start(*, trainee_import: TraineeImport) -> TraineeImport:
    """Import now, or in the background when the file is too large for one request."""
    if trainee_import.total > QUEUE_ABOVE:
        return queue(trainee_import=trainee_import)
    return run(trainee_import=trainee_import)


# --- The template ----------------------------------------------------------------------------------


def template_rows(cohort: Cohort) -> list[list[str]]:
    """The English header and one example row in Mongolian."""
    example = {
        "email": EXAMPLE_EMAIL,
        "family_name": "Дорж",
        "given_name": "Батболд",
        "latin_family_name": "Dorj",
        "latin_given_name": "Batbold",
        "organisation": cohort.organisation.name_mn,
        "position": "Байцаагч",
        "region": "Баянзүрх дүүрэг",
        "gender": "эрэгтэй",
        "preferred_language": "монгол",
    }
    return [list(COLUMN_KEYS), [example[key] for key in COLUMN_KEYS]]


def template_csv(cohort: Cohort) -> bytes:
    return rows_csv(template_rows(cohort))


def template_xlsx(cohort: Cohort) -> bytes:
    return rows_xlsx(template_rows(cohort), sheet_title=_("Trainees"))
