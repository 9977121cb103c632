"""The table's header mapped onto the template's columns, its rows as text by column, and the rows
whose cells do not line up with the header."""

from django.utils.translation import gettext as _
from openpyxl.utils.cell import get_column_letter

from core.text import normalise_text

from .columns import COLUMN_KEYS, COLUMNS, HEADERS, spelling_key
from .problems import Problem


def map_header(number: int, cells: list[str]) -> tuple[dict[int, str], list[Problem]]:
    """Which column of the file holds which of :data:`COLUMNS`. Unknown columns (a "№" column, notes)
    are left out; a missing required column or a column given twice is a problem."""
    mapping: dict[int, str] = {}
    problems = []
    for index, cell in enumerate(cells):
        key = HEADERS.get(spelling_key(cell))
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
