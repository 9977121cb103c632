"""Sessions of a cohort, taking attendance on a phone, the printable sign-in sheet and roster, and
marking a trainee present by scanning their code on the roster."""

import re
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.formatting import by_name
from courses.outline import course_outline

from ..attendance_sheet import attendance_sheet_pdf, printed_name
from ..courses_lookup import course_for_key
from ..forms import SessionForm
from ..models import Attendance, TrainingSession
from ..permissions import cohorts_managed_by
from ..scan import read_scan_token, short_code
from ..services import (
    CURRENT,
    CohortError,
    attendance_mark_present,
    attendance_record,
    attendance_scan_refusal,
    session_create,
)
from .common import can_manage, managed_cohort, visible_cohort


def _modules(cohort):
    course = course_for_key(cohort.course_key)
    return course_outline(course).modules if course else []


@login_required
def sessions(request, cohort_id: int):
    cohort = visible_cohort(request, cohort_id)
    manage = can_manage(request, cohort)
    modules = _modules(cohort)
    form = SessionForm(request.POST or None, modules=modules, initial={"place": cohort.location}) if manage else None
    if request.method == "POST":
        cohort = managed_cohort(request, cohort_id)
        if form.is_valid():
            data = form.cleaned_data
            try:
                session_create(
                    cohort=cohort,
                    title=data["title"],
                    module_key=UUID(data["module"]) if data["module"] else None,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    place=data["place"],
                )
            except CohortError as error:
                form.add_error("ends_at", error.message)
            else:
                messages.success(request, _("The session is in the schedule."))
                return HttpResponseRedirect(reverse("cohort_sessions", args=[cohort.pk]))
    titles = {m.key: m.page.title for m in modules}
    schedule = [{"session": s, "module": titles.get(s.module_key, "")} for s in cohort.sessions.all()]
    return render(
        request,
        "cohorts/sessions.html",
        {"cohort": cohort, "schedule": schedule, "form": form, "can_manage": manage},
    )


@login_required
def take(request, cohort_id: int, session_id: int):
    """Everyone is present unless marked otherwise: one tap per exception."""
    cohort = managed_cohort(request, cohort_id)
    session = get_object_or_404(cohort.sessions, pk=session_id)
    members = list(
        cohort.memberships.filter(status__in=CURRENT).select_related("learner").order_by(*by_name("learner__"))
    )
    records = {a.learner_id: a for a in Attendance.objects.filter(session=session)}
    recorded = {learner_id: record.status for learner_id, record in records.items()}
    error = ""
    if request.method == "POST":
        marks = {}
        for membership in members:
            value = request.POST.get(f"status-{membership.learner_id}", Attendance.Status.PRESENT)
            if value != Attendance.Status.PRESENT:
                marks[membership.learner_id] = value
        try:
            attendance_record(session=session, marks=marks, by=request.user)
        except CohortError as problem:
            error = problem.message
        else:
            messages.success(request, _("Attendance saved: %(count)s people.") % {"count": len(members)})
            return HttpResponseRedirect(reverse("cohort_sessions", args=[cohort.pk]))
    # Once codes on the roster have been scanned, whoever was not scanned was not seen: they are
    # shown absent, so that saving the page does not mark them present by default.
    unrecorded = Attendance.Status.ABSENT if records else Attendance.Status.PRESENT
    choices = [(value, str(label)) for value, label in Attendance.Status.choices]
    rows = [
        _row(m.learner, recorded.get(m.learner_id, ""), records.get(m.learner_id), unrecorded, choices) for m in members
    ]
    return render(
        request,
        "cohorts/attendance.html",
        {
            "cohort": cohort,
            "session": session,
            "rows": rows,
            "error": error,
            "partly_scanned": bool(records) and len(records) < len(members),
        },
    )


def _row(learner, recorded: str, record, unrecorded: str, choices: list) -> dict:
    """One trainee's line of the page, every value ready to print: a hall's roster is a hundred
    lines of four choices, and each lookup or number the template resolves is paid 400 times."""
    field = f"status-{learner.pk}"
    status = recorded or unrecorded
    return {
        "id": str(learner.pk),
        "field": field,
        "name": learner.get_full_name() or learner.email,
        "recorded": recorded,
        "marked_at": timezone.localtime(record.recorded_at) if record else None,
        "options": [
            {"id": f"{field}-{value}", "value": value, "label": label, "checked": value == status}
            for value, label in choices
        ],
    }


@login_required
def sheet(request, cohort_id: int, session_id: int):
    cohort = visible_cohort(request, cohort_id)
    return _sheet_pdf(cohort, get_object_or_404(cohort.sessions, pk=session_id), with_codes=False)


@login_required
def roster(request, cohort_id: int, session_id: int):
    """The sheet with a code to scan in each row: for those who take the attendance only."""
    cohort = managed_cohort(request, cohort_id)
    return _sheet_pdf(cohort, get_object_or_404(cohort.sessions, pk=session_id), with_codes=True)


def _sheet_pdf(cohort, session, *, with_codes: bool) -> HttpResponse:
    course = course_for_key(cohort.course_key)
    pdf = attendance_sheet_pdf(
        cohort=cohort, session=session, course_title=course.title if course else "", with_codes=with_codes
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = "roster" if with_codes else "attendance"
    response["Content-Disposition"] = f'inline; filename="{name}-{cohort.pk}-{session.pk}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def scan(request, token: str):
    """What a trainer's phone opens from a code on the roster. Reading it changes nothing; the
    button marks the trainee present. Anyone who may not take the session's attendance, and any
    code this site did not sign, gets a 404: the trainee's name is for the trainer's eyes only."""
    found = read_scan_token(token)
    if found is None:
        raise Http404
    session_id, learner_id = found
    session = get_object_or_404(
        TrainingSession.objects.filter(cohort__in=cohorts_managed_by(request.user)).select_related("cohort"),
        pk=session_id,
    )
    membership = session.cohort.memberships.filter(learner_id=learner_id).select_related("learner").first()
    if membership is None:
        raise Http404
    refusal = attendance_scan_refusal(session=session, membership=membership, day=timezone.localdate())
    if request.method == "POST" and not refusal:
        try:
            _record, changed = attendance_mark_present(session=session, learner_id=learner_id, by=request.user)
        except CohortError as problem:
            refusal = problem.message
        else:
            # The page says "marked now" after this scan's own mark, "already marked" on any other.
            return HttpResponseRedirect(request.path + ("?marked=now" if changed else ""))
    record = Attendance.objects.filter(session=session, learner_id=learner_id).first()
    marked = record if record and record.status in Attendance.ATTENDED else None
    return render(
        request,
        "cohorts/scan.html",
        {
            "cohort": session.cohort,
            "session": session,
            "trainee": printed_name(membership.learner),
            "code": short_code(session_id=session.pk, learner_id=learner_id),
            "refusal": refusal,
            "marked": marked,
            "marked_at": timezone.localtime(marked.recorded_at) if marked else None,
            "marked_now": request.GET.get("marked") == "now",
        },
    )


@require_http_methods(["GET"])
def scan_offline(request):
    """What the service worker answers for a code's address when there is no connection: a page of
    the shell, fetched without cookies, that names no one. Its script queues the trainee "present"
    with the code as printed; the server verifies the code when the queue is sent."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(re.escape(reverse("attendance_scan", args=["-"]).removesuffix("-/")))
    return render(
        request,
        "cohorts/scan_offline.html",
        {"pattern": f"^(?:{'|'.join(prefixes)})([^/]+)/$"},
    )
