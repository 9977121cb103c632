"""A cohort's coordinator hands it to another authorised trainer, or closes it: what they do when
the lead trainer's authorisation is revoked or has lapsed, so that the trainees can carry on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.formatting import by_name

from ..courses_lookup import course_for_key
from ..forms import HandOverForm
from ..permissions import cohorts_coordinated_by, lead_trainers_assignable_by
from ..selectors import with_flags
from ..services import CohortError, cohort_close, cohort_hand_over


@login_required
def hand_over(request, cohort_id: int):
    cohort = get_object_or_404(
        with_flags(cohorts_coordinated_by(request.user)).select_related("lead_trainer"), pk=cohort_id
    )
    trainers = lead_trainers_assignable_by(request.user, cohort).order_by(*by_name())
    form = HandOverForm(request.POST or None, trainers=trainers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == HandOverForm.CLOSE:
                cohort_close(cohort=cohort, by=request.user, reason=data["reason"])
                messages.success(request, _("The cohort is closed. Its trainees keep everything they did."))
            else:
                cohort_hand_over(cohort=cohort, to_trainer=data["trainer"], by=request.user, reason=data["reason"])
                messages.success(
                    request,
                    _("%(name)s now leads the cohort.") % {"name": data["trainer"].get_full_name()},
                )
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))
    return render(
        request,
        "cohorts/hand_over.html",
        {
            "cohort": cohort,
            "course": course_for_key(cohort.course_key),
            "form": form,
            "has_trainers": trainers.exists(),
        },
    )
