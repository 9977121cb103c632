"""A printable sign-in sheet for one session of a cohort, as a PDF.

Trainers print it for in-person sessions where not everyone has a phone or a connection, and
type the ticks in afterwards; once attendance is taken, the sheet shows what was recorded. Printed
in the fonts shipped with Cascade (``core.pdf``), as certificates are.

The roster is the same sheet with a QR code in each trainee's row (``cohorts.scan``): the trainer
scans it with a phone's camera to mark the trainee present. The codes are vector drawings in the
PDF, so they print sharp on any printer, and the short code under each can be read aloud.
"""

import segno
from django.template.loader import render_to_string
from django.utils import timezone

from core.formatting import by_name, latin_name
from core.pdf import html_to_pdf

from .models import Cohort, TrainingSession
from .scan import scan_url, short_code
from .services import CURRENT


def qr_svg(url: str) -> str:
    """An inline SVG sized by the stylesheet: one path, no image to fetch, sharp at any size."""
    return segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000", light=None, omitsize=True)


def printed_name(person) -> dict:
    """As the sheet prints a person: "family given" in Cyrillic, as Mongolian papers write it,
    and the Latin name given name first, as the passport does."""
    return {
        "name": f"{person.last_name} {person.first_name}".strip() or person.email,
        "latin_name": latin_name(person.latin_first_name, person.latin_last_name),
    }


def attendance_sheet_pdf(
    *, cohort: Cohort, session: TrainingSession, course_title: str, with_codes: bool = False
) -> bytes:
    """The sheet for ``session``: the cohort's current trainees by family name, numbered 1..N;
    ``with_codes``, the roster, with each trainee's code to scan."""
    memberships = (
        cohort.memberships.filter(status__in=CURRENT)
        .select_related("learner", "learner__organisation")
        .order_by(*by_name("learner__"))
    )
    # Someone who joined after attendance was taken has no record, and gets empty boxes to fill in.
    recorded = {record.learner_id: record.get_status_display() for record in session.attendance.all()}
    trainees = [
        {
            **printed_name(m.learner),
            "organisation": m.learner.organisation.name if m.learner.organisation else "",
            "position": m.learner.position,
            "status": recorded.get(m.learner_id, ""),
            **(_codes(session.pk, m.learner_id) if with_codes else {}),
        }
        for m in memberships
    ]
    html = render_to_string(
        "cohorts/attendance_sheet.html",
        {
            "cohort": cohort,
            "course_title": course_title,
            "session": session,
            "starts_at": timezone.localtime(session.starts_at),
            "ends_at": timezone.localtime(session.ends_at) if session.ends_at else None,
            "place": session.place or cohort.location,
            "trainers": [cohort.lead_trainer, *cohort.co_trainers.all()],
            "trainees": trainees,
            "with_codes": with_codes,
            "attendance_taken_at": (
                timezone.localtime(session.attendance_taken_at) if session.attendance_taken_at else None
            ),
        },
    )
    return html_to_pdf(html)


def _codes(session_id: int, learner_id: int) -> dict:
    return {
        "qr_svg": qr_svg(scan_url(session_id=session_id, learner_id=learner_id)),
        "code": short_code(session_id=session_id, learner_id=learner_id),
    }
