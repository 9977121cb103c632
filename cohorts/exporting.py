"""A cohort's progress matrix as a spreadsheet (CSV or XLSX) for trainers and coordinators.

Names, positions and course titles are typed by people, and a spreadsheet program runs any
cell that starts like a formula. Every string cell is therefore neutralised (OWASP, "CSV
injection") before it is written, in both formats.
"""

import csv
import io
import re
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from accounts.models import Organisation

from .selectors import Matrix

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


def _header(matrix: Matrix) -> list[str]:
    return [
        _("Family name"),
        _("Given name"),
        _("Name in Latin letters"),
        _("E-mail address"),
        _("Organisation"),
        _("Position or rank"),
        _("Status"),
        _("Progress (%)"),
        _("Last activity"),
        # Two number columns, not "2/3": Excel reads "2/3" in a CSV file as the 2nd of March.
        _("Sessions attended"),
        _("Sessions with attendance taken"),
        _("Gain from pre-test to post-test (points)"),
        _("At risk because"),
        *[f"{column.short} {column.title}" for column in matrix.columns],
    ]


def matrix_rows(matrix: Matrix) -> list[list]:
    """The header, then one row per trainee in the matrix's order. Values are not yet neutralised."""
    learners = [row.learner for row in matrix.rows]
    # The matrix does not load organisations; one query for all of them keeps the export's query
    # count independent of the number of trainees.
    organisations = Organisation.objects.in_bulk({p.organisation_id for p in learners if p.organisation_id})
    rows = [_header(matrix)]
    for row in matrix.rows:
        person = row.learner
        organisation = organisations.get(person.organisation_id)
        rows.append(
            [
                person.last_name,
                person.first_name,
                f"{person.latin_last_name} {person.latin_first_name}".strip(),
                person.email,
                organisation.name if organisation else "",
                person.position,
                row.membership.get_status_display(),
                row.percent,
                timezone.localtime(row.last_activity).isoformat(timespec="minutes") if row.last_activity else "",
                row.attended,
                matrix.sessions_taken,
                float(row.gain) if row.gain is not None else "",
                "; ".join(row.risks),
                # The word, not only the symbol: a printed or colour-blind reader still knows the state.
                *[f"{cell.label} {cell.detail}".strip() for cell in row.cells],
            ]
        )
    return rows


def matrix_csv(matrix: Matrix) -> bytes:
    """UTF-8 with a byte order mark: without it Excel opens the file as ANSI and garbles Cyrillic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    for row in matrix_rows(matrix):
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


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


def matrix_xlsx(matrix: Matrix) -> bytes:
    """One sheet: a bold, frozen header row, then a row per trainee."""
    rows = matrix_rows(matrix)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Progress")[:31])  # Excel's limit for a sheet name
    # A write-only sheet takes its column widths and panes before the first row is written.
    for index, values in enumerate(zip(*rows, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(_width(v) for v in values)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, str(value), bold) for value in rows[0]])
    for row in rows[1:]:
        sheet.append(
            [value if isinstance(value, int | float | Decimal) else _text_cell(sheet, str(value)) for value in row]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(matrix: Matrix, ext: str) -> str:
    """``cohort-12-progress-2026-11-29.csv``: ASCII only, since cohort names are Cyrillic and a
    Content-Disposition header with anything else needs encoding that some browsers get wrong."""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())
    return f"cohort-{matrix.cohort.pk}-progress-{timezone.localdate():%Y-%m-%d}.{ext}"
