"""Whose records a viewer's reports count (architecture §4.2), written once from the scoping of the
apps below: accounts' organisations for a coordinator, cohorts' visible cohorts for trainers and
master trainers (their cascade included).

- an administrator: everyone;
- a coordinator: the people of their organisation and of the units below it;
- a master trainer: the trainees of the cohorts they lead and of those led by the trainers of their
  cascade, to every depth;
- a trainer: the trainees of their own cohorts, and of what those did only what they did for that
  cohort's course while in it (``records_reported_to``);
- anyone else: nobody (the report pages answer 404).
"""

from django.db.models import Q, QuerySet

from accounts import roles
from accounts.models import User
from accounts.permissions import in_coordinated_organisations
from cohorts.models import CohortMembership
from cohorts.permissions import cohorts_visible_to, trainees_work_visible_to

REPORT_ROLES = (roles.ADMIN, roles.COORDINATOR, roles.MASTER_TRAINER, roles.TRAINER)

# A trainee counts once they were really in the cohort: a request waiting or declined gives nothing.
_COUNTED_MEMBERSHIPS = (
    CohortMembership.Status.ACTIVE,
    CohortMembership.Status.COMPLETED,
    CohortMembership.Status.WITHDRAWN,
)


def can_view_reports(user) -> bool:
    return roles.has_role(user, *REPORT_ROLES)


def _reaches_by_organisation(user) -> bool:
    return roles.has_role(user, roles.ADMIN) or in_coordinated_organisations(user) is not None


def reports_reach_everyone(user) -> bool:
    """Whether ``user``'s reports count every person (``learners_reported_to`` is everyone)."""
    return roles.has_role(user, roles.ADMIN)


def reports_reach_by_organisation(user) -> bool:
    """Whether ``user``'s reports count whole people (everyone, or their organisations'), every
    record of theirs, rather than only what trainees did while in the viewer's cohorts."""
    return _reaches_by_organisation(user)


def learners_reported_to(user) -> QuerySet[User]:
    """The people whose records ``user``'s reports count."""
    if reports_reach_everyone(user):
        return User.objects.all()
    if not can_view_reports(user):
        return User.objects.none()
    query = Q(pk__in=[])
    if coordinated := in_coordinated_organisations(user):
        query |= coordinated
    if roles.has_role(user, roles.TRAINER, roles.MASTER_TRAINER):
        trainees = CohortMembership.objects.filter(
            cohort__in=cohorts_visible_to(user), status__in=_COUNTED_MEMBERSHIPS
        ).values("learner")
        query |= Q(pk__in=trainees)
    return User.objects.filter(query)


def records_reported_to(user, *, since: str | None):
    """For a viewer whose reach is their cohorts (a trainer, a master trainer): a condition on records
    with a ``learner`` and a ``course_key`` (enrolments, attempts, certificates), keeping what the
    trainee did for a cohort the viewer sees, in its course, while in it (``since`` names the record's
    date, None for an enrolment); the rule is cohorts' own (``trainees_work_visible_to``). None for a
    viewer whose reach is by organisation, or everything."""
    if _reaches_by_organisation(user):
        return None
    return trainees_work_visible_to(user, since=since)


def sessions_reported_to(user):
    """The cohorts whose sessions' attendance counts: those ``user`` sees; None for every cohort."""
    if _reaches_by_organisation(user):
        return None
    return cohorts_visible_to(user)


def reports_broader_than_own_cohorts(user) -> bool:
    """Whether ``user``'s reports reach beyond the cohorts they lead: then a cell counting fewer than
    five people is shown as "<5" (architecture §7, "A new report")."""
    return roles.has_role(user, roles.ADMIN, roles.COORDINATOR, roles.MASTER_TRAINER)
