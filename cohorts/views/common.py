"""What every cohort view shares: finding the cohort through the scoping querysets."""

from django.shortcuts import get_object_or_404

from ..models import Cohort
from ..permissions import cohorts_managed_by, cohorts_visible_to


def visible_cohort(request, cohort_id: int) -> Cohort:
    """A cohort the user may read; anything else is a 404."""
    return get_object_or_404(cohorts_visible_to(request.user).select_related("lead_trainer"), pk=cohort_id)


def managed_cohort(request, cohort_id: int) -> Cohort:
    """A cohort the user runs; one they may only read, or not see at all, is a 404 too."""
    return get_object_or_404(cohorts_managed_by(request.user).select_related("lead_trainer"), pk=cohort_id)


def can_manage(request, cohort: Cohort) -> bool:
    return cohorts_managed_by(request.user).filter(pk=cohort.pk).exists()
