"""The cohorts part of the API: a trainer's cohorts, a cohort's progress matrix, attendance.

Scoped by ``permissions`` like the pages: a cohort outside the caller's reach is a 404."""

from datetime import datetime
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema

from core.api import Id, errors, refusal, refused

from . import selectors
from .models import Attendance
from .permissions import cohorts_managed_by, cohorts_visible_to
from .services import CohortError, attendance_record

router = Router(tags=["cohorts"])


class CourseRef(Schema):
    id: int | None
    key: UUID
    title: str


class CohortOut(Schema):
    id: int
    name: str
    course: CourseRef
    lead_trainer: str
    mode: str
    status: str
    starts_on: str
    ends_on: str | None
    region: str | None
    location: str
    capacity: int | None
    enrolled: int
    completed: int
    lead_authorised: bool
    can_manage: bool


class ColumnOut(Schema):
    key: UUID
    kind: str
    title: str
    short: str


class CellOut(Schema):
    state: str
    label: str
    detail: str


class TraineeOut(Schema):
    id: int
    name: str
    email: str


class RowOut(Schema):
    trainee: TraineeOut
    status: str
    percent: int
    cells: list[CellOut]
    last_activity: datetime | None
    attended: int
    gain: float | None
    risks: list[str]


class ProgressOut(Schema):
    cohort_id: int
    sessions_taken: int
    columns: list[ColumnOut]
    rows: list[RowOut]


class AttendanceIn(Schema):
    session_id: Id
    # The exceptions, trainee id → absent | late | excused; everyone else is present.
    marks: dict[Id, str] = {}


class AttendanceOut(Schema):
    session_id: int
    counts: dict[str, int]


@router.get(
    "/cohorts", response={200: list[CohortOut], **errors(401, 403)}, summary="The cohorts you lead, co-lead or follow"
)
def cohort_index(request):
    managed = set(cohorts_managed_by(request.user).values_list("pk", flat=True))
    out = []
    for entry in selectors.cohort_list(cohorts_visible_to(request.user), language=translation.get_language()):
        cohort, course = entry["cohort"], entry["course"]
        out.append(
            {
                "id": cohort.pk,
                "name": cohort.name,
                "course": {
                    "id": course.pk if course else None,
                    "key": cohort.course_key,
                    "title": course.title if course else "",
                },
                "lead_trainer": cohort.lead_trainer.get_full_name(),
                "mode": cohort.mode,
                "status": cohort.status,
                "starts_on": cohort.starts_on.isoformat(),
                "ends_on": cohort.ends_on.isoformat() if cohort.ends_on else None,
                "region": cohort.region.name if cohort.region else None,
                "location": cohort.location,
                "capacity": cohort.capacity,
                "enrolled": cohort.enrolled,
                "completed": cohort.completed,
                "lead_authorised": cohort.lead_authorised,
                "can_manage": cohort.pk in managed,
            }
        )
    return out


@router.get(
    "/cohorts/{cohort_id}/progress",
    response={200: ProgressOut, **errors(401, 403, 404, 422)},
    summary="A cohort's progress matrix",
)
def progress(request, cohort_id: Id):
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=cohort_id)
    matrix = selectors.progress_matrix(cohort, language=translation.get_language())
    return {
        "cohort_id": cohort.pk,
        "sessions_taken": matrix.sessions_taken,
        "columns": [vars(column) for column in matrix.columns],
        "rows": [
            {
                "trainee": {"id": row.learner.pk, "name": row.learner.get_full_name(), "email": row.learner.email},
                "status": row.membership.status,
                "percent": row.percent,
                "cells": [{"state": c.state, "label": c.label, "detail": c.detail} for c in row.cells],
                "last_activity": row.last_activity,
                "attended": row.attended,
                "gain": float(row.gain) if row.gain is not None else None,
                "risks": row.risks,
            }
            for row in matrix.rows
        ],
    }


@router.post(
    "/cohorts/{cohort_id}/attendance",
    response={200: AttendanceOut, **errors(400, 401, 403, 404, 422)},
    summary="Record a session's attendance: everyone present but the exceptions",
)
def attendance(request, cohort_id: Id, payload: AttendanceIn):
    cohort = get_object_or_404(cohorts_managed_by(request.user), pk=cohort_id)
    session = cohort.sessions.filter(pk=payload.session_id).first()
    if session is None:
        return refusal(400, _("This session is not in this cohort."), "session")
    try:
        attendance_record(session=session, marks=payload.marks, by=request.user)
    except CohortError as error:
        return refused(error)
    counts = dict.fromkeys(Attendance.Status.values, 0)
    for status in Attendance.objects.filter(session=session).values_list("status", flat=True):
        counts[status] += 1
    return {"session_id": session.pk, "counts": counts}
