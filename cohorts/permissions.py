"""Who may see and run which cohorts (architecture §4.2), written once.

- A trainer sees and runs the cohorts they lead or co-lead, while their teaching authorisation for
  the cohort's course is current: revoked or expired, the cohort is out of their reach at the next
  request, and its coordinator hands it to another trainer or closes it.
- A master trainer also sees, read-only, every cohort downstream of them in the cascade: those
  of the trainers who completed a training-of-trainers cohort they led, and so on down.
- A coordinator sees every cohort of their organisation's subtree, read-only, and hands a cohort
  over to another authorised trainer or closes it.
- An administrator sees and runs everything.
- A learner sees only their own memberships and attendance.
- A trainer's reach over a trainee's records (attempts, essays, observations, certificates) is what
  the trainee did for that trainer's cohort: its course, from the day they joined it.

Views start from these querysets; anything outside them is a 404. Names (architecture §4.2):
``<objects>_visible_to(user)`` what ``user`` may read, ``<objects>_<verb>_by(user)`` what they may
act on, ``can_<verb>_<what>(user)`` a yes or no for a page or a menu entry.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts import roles
from accounts.permissions import in_coordinated_organisations

from .cascade_graph import trainers_below
from .models import Attendance, Cohort, CohortMembership, Invitation, TeachingAuthorisation, TraineeImport


def _signed_in(user) -> bool:
    return bool(roles.roles_of(user))


def trainers_downstream_of(user) -> frozenset[int]:
    """The trainers ``user`` trained, directly or through those they trained, to every depth (one
    query, a recursive CTE; kept on the user for the rest of the request)."""
    if not _signed_in(user):
        return frozenset()
    cached = getattr(user, "_cascade_downstream", None)
    if cached is not None:
        return cached
    user._cascade_downstream = trainers_below(user.pk)
    return user._cascade_downstream


def _teaching(user) -> Q:
    """The cohorts ``user`` leads or co-leads and is still authorised to teach: checked on every
    request, so revoking or letting an authorisation lapse takes the cohort away at once."""
    authorised = TeachingAuthorisation.objects.current().filter(trainer=user).values("course_key")
    return (Q(lead_trainer=user) | Q(co_trainers=user)) & Q(course_key__in=authorised)


def cohorts_managed_by(user) -> QuerySet[Cohort]:
    """Cohorts ``user`` runs: enrols into, takes attendance in, messages, imports into."""
    if roles.has_role(user, roles.ADMIN):
        return Cohort.objects.all()
    if not _signed_in(user):
        return Cohort.objects.none()
    return Cohort.objects.filter(pk__in=Cohort.objects.filter(_teaching(user)).values("pk"))


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    """Cohorts whose dashboard ``user`` may read."""
    if roles.has_role(user, roles.ADMIN):
        return Cohort.objects.all()
    if not _signed_in(user):
        return Cohort.objects.none()
    query = _teaching(user)
    downstream = trainers_downstream_of(user) if roles.has_role(user, roles.MASTER_TRAINER) else ()
    if downstream:
        query |= Q(lead_trainer__in=downstream) | Q(co_trainers__in=downstream)
    if coordinated := in_coordinated_organisations(user):
        query |= coordinated
    return Cohort.objects.filter(pk__in=Cohort.objects.filter(query).values("pk"))


def memberships_visible_to(user) -> QuerySet[CohortMembership]:
    if not _signed_in(user):
        return CohortMembership.objects.none()
    return CohortMembership.objects.filter(Q(learner=user) | Q(cohort__in=cohorts_visible_to(user)))


def attendance_visible_to(user) -> QuerySet[Attendance]:
    if not _signed_in(user):
        return Attendance.objects.none()
    return Attendance.objects.filter(Q(learner=user) | Q(session__cohort__in=cohorts_visible_to(user)))


def invitations_visible_to(user) -> QuerySet[Invitation]:
    return Invitation.objects.filter(cohort__in=cohorts_visible_to(user))


def imports_visible_to(user) -> QuerySet[TraineeImport]:
    return TraineeImport.objects.filter(cohort__in=cohorts_managed_by(user))


def authorisations_visible_to(user) -> QuerySet[TeachingAuthorisation]:
    """Trainers see their own; master trainers those they granted through their cohorts; coordinators
    those of their organisation's people."""
    if roles.has_role(user, roles.ADMIN):
        return TeachingAuthorisation.objects.all()
    if not _signed_in(user):
        return TeachingAuthorisation.objects.none()
    query = Q(trainer=user) | Q(trainer__in=trainers_downstream_of(user))
    if coordinated := in_coordinated_organisations(user, via="trainer"):
        query |= coordinated
    return TeachingAuthorisation.objects.filter(query)


def authorisations_managed_by(user) -> QuerySet[TeachingAuthorisation]:
    """Coordinators grant and revoke by hand, for the people of their organisation's subtree."""
    if roles.has_role(user, roles.ADMIN):
        return TeachingAuthorisation.objects.all()
    coordinated = in_coordinated_organisations(user, via="trainer")
    if coordinated is None:
        return TeachingAuthorisation.objects.none()
    return TeachingAuthorisation.objects.filter(coordinated)


def can_grant_authorisations(user) -> bool:
    return roles.has_role(user, roles.ADMIN) or (roles.has_role(user, roles.COORDINATOR) and bool(user.organisation_id))


def can_open_cohorts(user) -> bool:
    """Whether to offer "new cohort": the service still checks the authorisation for the course."""
    return roles.has_role(user, roles.ADMIN) or TeachingAuthorisation.objects.current().filter(trainer=user).exists()


def cohorts_coordinated_by(user) -> QuerySet[Cohort]:
    """Cohorts whose coordinator ``user`` is: they hand them over to another trainer or close them."""
    if roles.has_role(user, roles.ADMIN):
        return Cohort.objects.all()
    coordinated = in_coordinated_organisations(user)
    if coordinated is None:
        return Cohort.objects.none()
    return Cohort.objects.filter(coordinated)


def lead_trainers_assignable_by(user, cohort: Cohort):
    """Whom ``user`` (the cohort's coordinator) may make its lead: active people of the organisations
    they coordinate who are authorised to teach its course now, other than its lead."""

    authorised = TeachingAuthorisation.objects.current().filter(course_key=cohort.course_key).values("trainer")
    return _people_coordinated_by(user).filter(pk__in=authorised).exclude(pk=cohort.lead_trainer_id)


def people_authorisable_by(user):
    """Whom ``user`` may grant a teaching authorisation by hand: anyone active, for an administrator;
    the active people of the organisations they coordinate, for a coordinator; nobody otherwise."""
    return _people_coordinated_by(user)


def _people_coordinated_by(user):
    """Active people: all of them for an administrator, those of the organisations ``user``
    coordinates for a coordinator, nobody otherwise."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(is_active=True)
    if roles.has_role(user, roles.ADMIN):
        return people
    coordinated = in_coordinated_organisations(user)
    return people.filter(coordinated) if coordinated is not None else people.none()


def can_list_cohorts(user) -> bool:
    return roles.has_role(user, *roles.COHORT_ROLES)


def can_list_authorisations(user) -> bool:
    """Trainers see their own, master trainers those they granted, coordinators their organisation's."""
    return roles.has_role(user, *roles.COHORT_ROLES)


def can_view_cascade(user) -> bool:
    """The tree of the trainers a master trainer trained, and whom those trained."""
    return roles.has_role(user, roles.MASTER_TRAINER, roles.ADMIN)


# --- What other apps' scoping gains from cohorts -------------------------------------------------

# A trainee's membership lets a trainer reach their records once they were really in the cohort:
# a join request that waits or was declined gives nothing.
_REACHING = (CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED)
_REACHED = (*_REACHING, CohortMembership.Status.WITHDRAWN)


def _while_member(since: str | None) -> Q:
    """The record (an outer row with ``learner`` and ``course_key``) began while the trainee was in
    the cohort: not before they joined it, and, once they left, not after. ``since`` names the
    outer model's field that says when the record began; None for a record that is the trainee's
    present state (an enrolment), reached only while the membership is current."""
    if since is None:
        return Q()
    return Q(joined_at__lte=OuterRef(since)) & (Q(left_at__isnull=True) | Q(left_at__gte=OuterRef(since)))


def trainees_work_markable_by(user, since: str | None = None):
    """A condition on assessments' records (attempts, observations, enrolments, certificates:
    anything with a learner and a course key): those of trainees of cohorts ``user`` runs, in that
    cohort's course, made since the trainee joined it."""
    if not roles.has_role(user, *roles.TEACHING_ROLES):
        return None
    return Exists(
        CohortMembership.objects.filter(
            _while_member(since),
            learner=OuterRef("learner"),
            cohort__course_key=OuterRef("course_key"),
            cohort__in=Cohort.objects.filter(_teaching(user)),
            status__in=_REACHING,
        )
    )


def trainees_work_visible_to(user, since: str | None = None):
    """Read-only: the records of trainees in every cohort ``user`` may see (downstream, organisation),
    in that cohort's course, made while the trainee was in it."""
    if not roles.has_role(user, *roles.TEACHING_ROLES, roles.COORDINATOR):
        return None
    return Exists(
        CohortMembership.objects.filter(
            _while_member(since),
            learner=OuterRef("learner"),
            cohort__course_key=OuterRef("course_key"),
            cohort__in=cohorts_visible_to(user),
            status__in=_REACHED if since else _REACHING,
        )
    )


def register_scopes() -> None:
    from assessments.permissions import register_trainee_scope

    register_trainee_scope(visible=trainees_work_visible_to, markable=trainees_work_markable_by)
