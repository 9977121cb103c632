"""A printable sign-in sheet for one session of a cohort, as a PDF.

Trainers print it for in-person sessions where not everyone has a phone or a connection, and
type the ticks in afterwards; once attendance is taken, the sheet shows what was recorded. Printed
in the fonts shipped with Cascade (``core.pdf``), as certificates are.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from core.formatting import by_name, latin_name
from core.pdf import html_to_pdf

from .models import Cohort, TrainingSession
from .services import CURRENT


def attendance_sheet_pdf(*, cohort: Cohort, session: TrainingSession, course_title: str) -> bytes:
    """The sheet for ``session``: the cohort's current trainees by family name, numbered 1..N."""
    memberships = (
        cohort.memberships.filter(status__in=CURRENT)
        .select_related("learner", "learner__organisation")
        .order_by(*by_name("learner__"))
    )
    # Someone who joined after attendance was taken has no record, and gets empty boxes to fill in.
    recorded = {record.learner_id: record.get_status_display() for record in session.attendance.all()}
    trainees = [
        {
            "name": f"{m.learner.last_name} {m.learner.first_name}".strip() or m.learner.email,
            "latin_name": latin_name(m.learner.latin_first_name, m.learner.latin_last_name),
            "organisation": m.learner.organisation.name if m.learner.organisation else "",
            "position": m.learner.position,
            "status": recorded.get(m.learner_id, ""),
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
            "attendance_taken_at": (
                timezone.localtime(session.attendance_taken_at) if session.attendance_taken_at else None
            ),
        },
    )
    return html_to_pdf(html)
