"""A cohort's progress matrix as a spreadsheet (CSV or XLSX) for trainers and coordinators."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.formatting import latin_name, short_datetime
from core.spreadsheets import rows_csv, rows_xlsx

from .selectors import Matrix


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
                latin_name(person.latin_first_name, person.latin_last_name),
                person.email,
                organisation.name if organisation else "",
                person.position,
                row.membership.get_status_display(),
                row.percent,
                short_datetime(row.last_activity),
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
    """UTF-8 with a byte order mark, so that Excel reads the Cyrillic names."""
    return rows_csv(matrix_rows(matrix))


def matrix_xlsx(matrix: Matrix) -> bytes:
    """One sheet: a bold, frozen header row, then a row per trainee."""
    return rows_xlsx(matrix_rows(matrix), sheet_title=_("Progress"))


def filename(matrix: Matrix, ext: str) -> str:
    """``cohort-12-progress-2026-11-29.csv``: ASCII only, since cohort names are Cyrillic and a
    Content-Disposition header with anything else needs encoding that some browsers get wrong."""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())
    return f"cohort-{matrix.cohort.pk}-progress-{timezone.localdate():%Y-%m-%d}.{ext}"
