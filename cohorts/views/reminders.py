"""Reminders from a trainer to the trainees they tick on the dashboard."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.formatting import by_name

from ..forms import ReminderForm
from ..services import CURRENT, CohortError, reminder_send
from .common import managed_cohort


@login_required
def remind(request, cohort_id: int):
    cohort = managed_cohort(request, cohort_id)
    members = cohort.memberships.filter(status__in=CURRENT).select_related("learner").order_by(*by_name("learner__"))
    chosen = {int(pk) for pk in request.POST.getlist("learner") + request.GET.getlist("learner") if pk.isdigit()}
    form = ReminderForm(request.POST or None)
    if request.method == "POST" and "message" in request.POST and form.is_valid():
        learners = get_user_model().objects.filter(pk__in=chosen)
        try:
            reminder = reminder_send(
                cohort=cohort, learners=learners, message=form.cleaned_data["message"], by=request.user
            )
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your message is on its way to %(count)s trainees.") % {"count": reminder.recipients.count()}
            )
            return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))
    return render(
        request,
        "cohorts/remind.html",
        {
            "cohort": cohort,
            "form": form,
            "members": members,
            "chosen": chosen,
            "sent": cohort.reminders.select_related("sent_by")[:20],
        },
    )
