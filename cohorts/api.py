"""The cohorts part of the API: a trainer's cohorts, a cohort's progress matrix, attendance.

Scoped by ``permissions`` like the pages: a cohort outside the caller's reach is a 404."""

from datetime import UTC, datetime
from uuid import UUID

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import BaseModel, Field

from core.api import Id, errors, refusal, refused
from core.formatting import local_day, time_on

from . import selectors
from .models import Attendance, TrainingSession
from .permissions import cohorts_managed_by, cohorts_visible_to
from .scan import read_scan_token
from .services import (
    MAX_CHANGES,
    AttendanceChange,
    AttendanceMerge,
    CohortError,
    attendance_merge,
    attendance_record,
    attendance_scan_merge,
)

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


# The progress matrix's parts are plain pydantic models, not ninja Schemas: they are built from
# dicts, and a Schema validates each of a hundred rows' dozen cells through its Django-object
# adapter, a third of the answer's time.
class ColumnOut(BaseModel):
    key: UUID
    kind: str
    title: str
    short: str


class CellOut(BaseModel):
    state: str
    label: str
    detail: str


class TraineeOut(BaseModel):
    id: int
    name: str
    email: str


class RowOut(BaseModel):
    trainee: TraineeOut
    status: str
    percent: int
    cells: list[CellOut]
    last_activity: datetime | None
    attended: int
    gain: float | None
    risks: list[str]


class ProgressOut(BaseModel):
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


class AttendanceChangeIn(Schema):
    id: UUID  # the device's own id for this change: sending it again changes nothing
    trainee_id: Id
    status: str
    changed_at: datetime  # when it was made, by the device's clock


class AttendanceChangesIn(Schema):
    changes: list[AttendanceChangeIn] = Field(min_length=1, max_length=MAX_CHANGES)


class AttendanceScanIn(Schema):
    token: str = Field(max_length=500)  # as printed in the roster's code
    id: UUID
    changed_at: datetime


class AttendanceConflictOut(Schema):
    id: UUID
    trainee_id: int
    status: str
    changed_at: datetime
    kept_status: str
    kept_changed_at: datetime
    message: str  # for the trainer, in the request's language


class AttendanceMergeOut(Schema):
    session_id: int
    applied: list[UUID]
    unchanged: list[UUID]
    conflicts: list[AttendanceConflictOut]


# Sent by the page's script with the marks it queued offline: the trainer who made them. Another
# person signed in since on the same phone has a session and a CSRF token of their own, so the
# request would pass those checks; this one refuses it.
TRAINER_HEADER = "X-Cascade-Trainer"


def _other_trainer(request):
    claimed = request.headers.get(TRAINER_HEADER)
    if claimed is not None and claimed != str(request.user.pk):
        detail = _("This was marked under another sign-in on this device; it is not recorded.")
        return refusal(409, detail, "other_trainer")
    return None


def _aware(moment: datetime) -> datetime | None:
    """A device's time as the server compares it; None for one that names no real moment."""
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _merge_out(session: TrainingSession, merge: AttendanceMerge) -> dict:
    labels = {value: str(label).lower() for value, label in Attendance.Status.choices}
    names = {
        person.pk: person.get_full_name() or person.email
        for person in get_user_model().objects.filter(pk__in={c.change.learner_id for c in merge.conflicts})
    }
    day = local_day(session.starts_at)
    conflicts = []
    for conflict in merge.conflicts:
        change = conflict.change
        message = _(
            "%(name)s: marked %(sent)s on this device at %(sent_time)s, %(kept)s on another device at "
            "%(kept_time)s — kept %(kept)s."
        ) % {
            "name": names.get(change.learner_id, ""),
            "sent": labels[change.status],
            "sent_time": time_on(change.changed_at, day),
            "kept": labels[conflict.kept_status],
            "kept_time": time_on(conflict.kept_changed_at, day),
        }
        conflicts.append(
            {
                "id": change.id,
                "trainee_id": change.learner_id,
                "status": change.status,
                "changed_at": change.changed_at,
                "kept_status": conflict.kept_status,
                "kept_changed_at": conflict.kept_changed_at,
                "message": message,
            }
        )
    return {"session_id": session.pk, "applied": merge.applied, "unchanged": merge.unchanged, "conflicts": conflicts}


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


@router.post(
    "/cohorts/{cohort_id}/sessions/{session_id}/attendance/changes",
    response={200: AttendanceMergeOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Send attendance marks made on a device; the last change per trainee is kept",
)
def attendance_changes(request, cohort_id: Id, session_id: Id, payload: AttendanceChangesIn):
    if (other := _other_trainer(request)) is not None:
        return other
    cohort = get_object_or_404(cohorts_managed_by(request.user), pk=cohort_id)
    session = get_object_or_404(TrainingSession.objects.select_related("cohort").filter(cohort=cohort), pk=session_id)
    changes = []
    for item in payload.changes:
        moment = _aware(item.changed_at)
        if moment is None:
            return refusal(400, _("This change's time cannot be read; nothing was recorded."), "changed_at")
        changes.append(AttendanceChange(id=item.id, learner_id=item.trainee_id, status=item.status, changed_at=moment))
    try:
        merge = attendance_merge(session=session, changes=changes, by=request.user)
    except CohortError as error:
        return refused(error)
    return _merge_out(session, merge)


@router.post(
    "/attendance/scans",
    response={200: AttendanceMergeOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Send a roster code scanned on a device without a connection: the trainee present",
)
def attendance_scan(request, payload: AttendanceScanIn):
    """A code this site did not sign, a session the caller does not run or a trainee never in its
    cohort is a 404, as the scan page is."""
    if (other := _other_trainer(request)) is not None:
        return other
    found = read_scan_token(payload.token)
    if found is None:
        return refusal(404, _("Not found."), "not_found")
    session_id, learner_id = found
    session = get_object_or_404(
        TrainingSession.objects.filter(cohort__in=cohorts_managed_by(request.user)).select_related("cohort"),
        pk=session_id,
    )
    membership = get_object_or_404(session.cohort.memberships, learner_id=learner_id)
    moment = _aware(payload.changed_at)
    if moment is None:
        return refusal(400, _("This change's time cannot be read; nothing was recorded."), "changed_at")
    try:
        merge = attendance_scan_merge(
            session=session, membership=membership, change_id=payload.id, changed_at=moment, by=request.user
        )
    except CohortError as error:
        return refused(error)
    return _merge_out(session, merge)
