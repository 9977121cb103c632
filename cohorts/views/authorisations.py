"""Teaching authorisations: who may teach what; coordinators grant and revoke them by hand."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.formatting import by_name

from ..courses_lookup import course_for_key, teachable_courses
from ..forms import GrantForm, ReasonForm
from ..models import TeachingAuthorisation
from ..permissions import (
    authorisations_managed_by,
    authorisations_visible_to,
    can_grant_authorisations,
    can_list_authorisations,
    people_authorisable_by,
)
from ..services import CohortError, authorisation_grant, authorisation_revoke


@login_required
def index(request):
    if not can_list_authorisations(request.user):
        raise Http404
    visible = authorisations_visible_to(request.user).select_related("trainer", "granted_by", "source_cohort")
    managed = set(authorisations_managed_by(request.user).values_list("pk", flat=True))
    courses = {c.translation_key: c for c in teachable_courses()}
    return render(
        request,
        "cohorts/authorisations.html",
        {
            "entries": [
                {"authorisation": a, "course": courses.get(a.course_key), "can_revoke": a.pk in managed}
                for a in visible.order_by(*by_name("trainer__"), "-granted_at")
            ],
            "can_grant": can_grant_authorisations(request.user),
        },
    )


@login_required
def grant(request):
    if not can_grant_authorisations(request.user):
        raise Http404
    courses = teachable_courses()
    form = GrantForm(request.POST or None, courses=courses, people=people_authorisable_by(request.user))
    if request.method == "POST" and form.is_valid():
        course = course_for_key(UUID(form.cleaned_data["course"]))
        try:
            authorisation_grant(
                trainer=form.cleaned_data["trainer"],
                course=course,
                by=request.user,
                basis=TeachingAuthorisation.Basis.COORDINATOR,
                evidence=form.cleaned_data["reason"],
                valid_until=form.cleaned_data["valid_until"],
            )
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The authorisation is granted."))
            return HttpResponseRedirect(reverse("authorisations"))
    return render(request, "cohorts/authorisation_form.html", {"form": form, "revoking": None})


@login_required
def revoke(request, authorisation_id: int):
    authorisation = get_object_or_404(
        authorisations_managed_by(request.user).select_related("trainer"), pk=authorisation_id
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            authorisation_revoke(authorisation=authorisation, by=request.user, reason=form.cleaned_data["reason"])
        except CohortError as error:
            form.add_error("reason", error.message)
        else:
            messages.success(
                request,
                _(
                    "The authorisation is revoked. The trainer no longer runs their cohorts of this course: "
                    "hand each to another trainer or close it."
                ),
            )
            return HttpResponseRedirect(reverse("authorisations"))
    return render(
        request,
        "cohorts/authorisation_form.html",
        {"form": form, "revoking": authorisation, "course": course_for_key(authorisation.course_key)},
    )
