"""Sessions of a cohort, taking attendance on a phone, and the printable sign-in sheet."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.formatting import by_name
from courses.outline import course_outline

from ..attendance_sheet import attendance_sheet_pdf
from ..courses_lookup import course_for_key
from ..forms import SessionForm
from ..models import Attendance
from ..services import CURRENT, CohortError, attendance_record, session_create
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
    recorded = dict(Attendance.objects.filter(session=session).values_list("learner_id", "status"))
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
    rows = [{"membership": m, "status": recorded.get(m.learner_id, Attendance.Status.PRESENT)} for m in members]
    return render(
        request,
        "cohorts/attendance.html",
        {"cohort": cohort, "session": session, "rows": rows, "choices": Attendance.Status.choices, "error": error},
    )


@login_required
def sheet(request, cohort_id: int, session_id: int):
    cohort = visible_cohort(request, cohort_id)
    session = get_object_or_404(cohort.sessions, pk=session_id)
    course = course_for_key(cohort.course_key)
    pdf = attendance_sheet_pdf(cohort=cohort, session=session, course_title=course.title if course else "")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="attendance-{cohort.pk}-{session.pk}.pdf"'
    return response
