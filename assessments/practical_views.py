"""Practical assessments: the scoring form a trainer fills in on a phone while watching a
trainee, and an observation as its learner and their trainers read it.

Who may be scored comes from ``enrolments_observable_by``: anyone else, or anyone outside the
course, is a 404 whatever the method."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.formatting import number

from .forms import ObservationForm
from .models import Observation, PracticalAssessmentPage
from .permissions import enrolments_observable_by, observations_visible_to
from .rubric import rubric_snapshot
from .selectors import observation_rows, practical_assessment_of
from .services import AssessmentError, course_of_item, observation_record


def _in_language_shown(page: PracticalAssessmentPage) -> PracticalAssessmentPage:
    """The page in the language of the interface when it is translated, else as it is."""
    try:
        return page.get_translation(Locale.get_active())
    except PracticalAssessmentPage.DoesNotExist:
        return page


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@login_required
def observe(request, page_id: int, learner_id: int):
    """Score ``learner_id`` against the rubric of practical assessment ``page_id``."""
    assessment = _in_language_shown(get_object_or_404(PracticalAssessmentPage.objects.live(), pk=page_id))
    course = course_of_item(assessment)
    enrolment = get_object_or_404(
        enrolments_observable_by(request.user).filter(course_key=course.translation_key).select_related("learner"),
        learner_id=learner_id,
    )
    learner = enrolment.learner
    criteria = rubric_snapshot(assessment)
    earlier = list(
        Observation.objects.filter(learner=learner, assessment_key=assessment.translation_key).order_by("number")
    )
    if request.method == "POST":
        form = ObservationForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                observation = observation_record(
                    assessor=request.user,
                    learner=learner,
                    assessment=assessment,
                    levels=form.levels,
                    criterion_comments=form.criterion_comments,
                    comment=form.cleaned_data["comment"],
                    observed_on=form.cleaned_data["observed_on"],
                    submission_key=form.cleaned_data["submission_key"],
                )
            except AssessmentError as error:
                form.add_error(None, error.message)
            else:
                result = _("passed") if observation.passed else _("not passed")
                messages.success(
                    request,
                    _("Recorded: %(percent)s%% — %(result)s.")
                    % {"percent": number(observation.percent, 1), "result": result},
                )
                return HttpResponseRedirect(_safe_next(request) or reverse("observation", args=[observation.pk]))
    else:
        form = ObservationForm(
            initial={"observed_on": timezone.localdate(), "submission_key": uuid.uuid4()}, criteria=criteria
        )
    return render(
        request,
        "assessments/observe.html",
        {
            "assessment": assessment,
            "learner": learner,
            "form": form,
            "rows": form.criterion_rows(),
            "earlier": earlier,
            "passed_before": next((o for o in earlier if o.passed), None),
            "next": _safe_next(request),
        },
    )


@login_required
def observation_detail(request, observation_id: int):
    """One observation: each criterion's level and comment, the total and the result."""
    observation = get_object_or_404(
        observations_visible_to(request.user).select_related("learner", "assessor"), pk=observation_id
    )
    return render(
        request,
        "assessments/observation.html",
        {
            "observation": observation,
            "assessment": practical_assessment_of(observation),
            "rows": observation_rows(observation),
            "own": observation.learner_id == request.user.pk,
        },
    )
