"""The downloadable template: the columns' keys as its header and one example row in Mongolian."""

from django.utils.translation import gettext as _

from core.spreadsheets import rows_csv, rows_xlsx

from ..models import Cohort
from .columns import COLUMN_KEYS, EXAMPLE_EMAIL


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
