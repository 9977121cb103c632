"""Importing trainees into a cohort from a spreadsheet (architecture §4.6 and §4.7).

- :mod:`.reading` reads the file (XLSX, or CSV in UTF-8 with or without a BOM, UTF-16 or
  Windows-1251) into numbered rows, refusing one that is too large before parsing it;
  :mod:`.header` maps its header onto the template's :mod:`.columns`.
- :mod:`.checking` validates every row (:func:`inspect_file`, which writes nothing) and keeps what
  it found in a :class:`TraineeImport`, for the preview page (:func:`check`).
- :mod:`.applying` validates again, since accounts may have changed since the check, and then
  commits all or nothing (:func:`run`): new accounts are created in bulk and join the cohort
  through :func:`cohorts.services.memberships_add_many`, and get an invitation whose link sets
  their first password; an existing account is never put in the cohort by the importer, whose
  word is not the person's: it gets an invitation, and joins by accepting it.
- :mod:`.template` is the downloadable template.

Importing the same file twice changes nothing: an address with an account is never created again
and is never edited, someone already in the cohort is counted, not added, and someone whose
invitation is still waiting is not invited again. Validation runs a
fixed number of queries whatever the number of rows.

The names below are this package's public ones, so callers import them from ``cohorts.importing``.
"""

from .applying import (
    ALREADY,
    CHUNK,
    CREATED,
    INVITED,
    INVITED_BEFORE,
    OUTCOME_LABELS,
    QUEUE_ABOVE,
    REPORT_ROWS,
    progress,
    queue,
    rehearse,
    run,
    start,
)
from .checking import PREVIEW_ROWS, Plan, Trainee, check, inspect_file, plan_for, problems_of, validate
from .columns import COLUMN_KEYS, COLUMNS, EXAMPLE_EMAIL, HEADERS, Column
from .header import map_header, table_rows, width_problems
from .problems import Problem, UnreadableFile
from .reading import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, is_xlsx, read_table
from .template import template_csv, template_rows, template_xlsx

__all__ = [
    "ALREADY",
    "CHUNK",
    "COLUMNS",
    "COLUMN_KEYS",
    "CREATED",
    "EXAMPLE_EMAIL",
    "HEADERS",
    "INVITED",
    "INVITED_BEFORE",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "OUTCOME_LABELS",
    "PREVIEW_ROWS",
    "QUEUE_ABOVE",
    "REPORT_ROWS",
    "Column",
    "Plan",
    "Problem",
    "Trainee",
    "UnreadableFile",
    "check",
    "inspect_file",
    "is_xlsx",
    "map_header",
    "plan_for",
    "problems_of",
    "progress",
    "queue",
    "read_table",
    "rehearse",
    "run",
    "start",
    "table_rows",
    "template_csv",
    "template_rows",
    "template_xlsx",
    "validate",
    "width_problems",
]
