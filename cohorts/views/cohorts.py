"""A trainer's cohorts: the list, opening and editing one, its dashboard and its exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.models import AuditEvent
from accounts.permissions import organisations_visible_to
from accounts.services import audit_record
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE

from .. import exporting, selectors
from ..courses_lookup import course_for_key, teachable_courses
from ..forms import CohortForm
from ..models import Cohort, CohortMembership, TeachingAuthorisation
from ..permissions import can_list_cohorts, can_open_cohorts, cohorts_coordinated_by, cohorts_visible_to
from ..services import CohortError, cohort_create, cohort_update, join_code_regenerate
from .common import can_manage, managed_cohort, visible_cohort

# Trainees on one page of the dashboard: a cohort of 1,000 on one page was 1.44 MB of HTML.
DASHBOARD_PAGE_SIZE = 50


@login_required
def cohort_index(request):
    """The cohorts the user may see: their own first, then those they follow."""
    if not can_list_cohorts(request.user):
        raise Http404
    entries = selectors.cohort_list(cohorts_visible_to(request.user))
    own = [e for e in entries if e["cohort"].lead_trainer_id == request.user.pk]
    others = [e for e in entries if e["cohort"].lead_trainer_id != request.user.pk]
    coordinated = set(cohorts_coordinated_by(request.user).values_list("pk", flat=True))
    # For the coordinator: cohorts whose lead may no longer run them, waiting to be handed over or closed.
    unattended = [
        entry
        for entry in entries
        if entry["cohort"].pk in coordinated
        and not entry["cohort"].lead_authorised
        and entry["cohort"].status != Cohort.Status.CLOSED
    ]
    authorisations = TeachingAuthorisation.objects.filter(trainer=request.user)
    courses = {c.translation_key: c for c in teachable_courses()}
    return render(
        request,
        "cohorts/cohort_index.html",
        {
            "own": own,
            "others": others,
            "unattended": unattended,
            "can_open": can_open_cohorts(request.user),
            "authorisations": [(a, courses.get(a.course_key)) for a in authorisations],
        },
    )


def _authorised_courses(user):
    keys = set(TeachingAuthorisation.objects.current().filter(trainer=user).values_list("course_key", flat=True))
    return [course for course in teachable_courses() if course.translation_key in keys]


def _form_values(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("course", None)
    return data


@login_required
def cohort_create_view(request):
    courses = _authorised_courses(request.user)
    if not courses:
        raise Http404
    form = CohortForm(
        request.POST or None,
        courses=courses,
        organisations=organisations_visible_to(request.user),
        initial={
            "organisation": request.user.organisation_id,
            "region": request.user.region_id,
            "status": Cohort.Status.PLANNED,
        },
    )
    if request.method == "POST" and form.is_valid():
        course = next(c for c in courses if str(c.translation_key) == form.cleaned_data["course"])
        values = _form_values(form)
        co_trainers = values.pop("co_trainers")
        try:
            cohort = cohort_create(
                course=course, lead_trainer=request.user, by=request.user, co_trainers=co_trainers, **values
            )
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The cohort is open. Invite your trainees."))
            return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))
    return render(request, "cohorts/cohort_form.html", {"form": form, "cohort": None})


@login_required
def cohort_edit(request, cohort_id: int):
    cohort = managed_cohort(request, cohort_id)
    initial = {name: getattr(cohort, name) for name in CohortForm.base_fields if hasattr(cohort, name)}
    initial["organisation"] = cohort.organisation_id
    initial["region"] = cohort.region_id
    initial["co_trainers"] = "\n".join(cohort.co_trainers.values_list("email", flat=True))
    form = CohortForm(
        request.POST or None,
        courses=[],
        organisations=organisations_visible_to(request.user)
        | type(cohort.organisation).objects.filter(pk=cohort.organisation_id),
        editing=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        values = _form_values(form)
        co_trainers = values.pop("co_trainers")
        try:
            cohort_update(cohort=cohort, by=request.user, co_trainers=co_trainers, **values)
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The cohort is saved."))
            return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))
    return render(request, "cohorts/cohort_form.html", {"form": form, "cohort": cohort})


@login_required
def dashboard(request, cohort_id: int):
    """The cohort at a glance: who is where, who is at risk, what waits for the trainer."""
    cohort = visible_cohort(request, cohort_id)
    matrix = selectors.progress_matrix(cohort)
    show, sort, query = request.GET.get("show", "all"), request.GET.get("sort", "name"), request.GET.get("q", "")
    manage = can_manage(request, cohort)
    lead_authorised = (
        TeachingAuthorisation.objects.current()
        .filter(trainer=cohort.lead_trainer_id, course_key=cohort.course_key)
        .exists()
    )
    requests = (
        cohort.memberships.filter(status=CohortMembership.Status.REQUESTED).select_related("learner") if manage else []
    )
    # The matrix is computed for everyone (the filters and sorts need every row, in a fixed number of
    # queries); only the page's rows are rendered. A page number that is not one gives the first page,
    # one past the end the last.
    rows = selectors.filter_rows(matrix.rows, show=show, sort=sort, query=query)
    page = Paginator(rows, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cohorts/dashboard.html",
        {
            "cohort": cohort,
            "course": course_for_key(cohort.course_key),
            "matrix": matrix,
            "page": page,
            "show": show,
            "sort": sort,
            "query": query,
            "filters": [
                ("all", pgettext("all the trainees of a cohort", "Everyone")),
                ("at_risk", _("At risk")),
                ("not_started", _("Not started")),
                ("waiting", _("Waiting for marking")),
                ("completed", _("Completed")),
            ],
            "sorts": [
                ("name", _("Name")),
                ("-progress", _("Most progress")),
                ("progress", _("Least progress")),
                ("activity", _("Least recently active")),
            ],
            "can_manage": manage,
            "can_hand_over": cohorts_coordinated_by(request.user).filter(pk=cohort.pk).exists(),
            "lead_authorised": lead_authorised,
            "requests": requests,
            "join_link": request.build_absolute_uri(reverse("cohort_join_link", args=[cohort.join_code])),
            "states": selectors.STATES.values(),
            # The trainees' addresses differ only in the last part: built once, not 200 times.
            "trainee_base": reverse("cohort_trainee", args=[cohort.pk, 0])[: -len("0/")],
        },
    )


@login_required
def join_code_new(request, cohort_id: int):
    cohort = managed_cohort(request, cohort_id)
    if request.method != "POST":  # after the scoping: someone else's cohort is a 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    join_code_regenerate(cohort=cohort)
    messages.success(request, _("A new join code is ready; the old one no longer works."))
    return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))


EXPORT_TYPES = {
    "csv": (CSV_CONTENT_TYPE, exporting.matrix_csv),
    "xlsx": (XLSX_CONTENT_TYPE, exporting.matrix_xlsx),
}


@login_required
def export(request, cohort_id: int, file_format: str):
    """The progress matrix as a spreadsheet. An export of personal data, so it is audited."""
    cohort = visible_cohort(request, cohort_id)
    if file_format not in EXPORT_TYPES:
        raise Http404
    content_type, render_file = EXPORT_TYPES[file_format]
    matrix = selectors.progress_matrix(cohort, language=translation.get_language())
    audit_record(
        action=AuditEvent.Action.DATA_EXPORTED, target=cohort, data={"format": file_format, "rows": len(matrix.rows)}
    )
    response = HttpResponse(render_file(matrix), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exporting.filename(matrix, file_format)}"'
    return response
