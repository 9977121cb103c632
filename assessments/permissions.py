"""Who may see which attempts and observations, and mark or score whom (architecture §4.2). A
learner sees their own; administrators all.

The relation that lets a trainer see and mark their trainees' work belongs to the cohorts app,
above this one; it adds its conditions with ``register_trainee_scope`` when it loads, so every
view here keeps starting from these querysets.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from accounts import roles
from courses.models import Enrolment

from .models import Attempt, Observation

# Each returns, for a user, a condition (a Q or an Exists) over any model with the fields
# ``learner`` and ``course_key`` (attempts, observations, enrolments), or None for nothing. Its
# ``since`` names the model's field saying when a record began, so that a trainer's reach can
# start when the trainee joined their cohort; None for an enrolment, which is the present state.
_VISIBLE_SCOPES: list[Callable] = []
_MARKABLE_SCOPES: list[Callable] = []


def register_trainee_scope(*, visible: Callable, markable: Callable) -> None:
    if visible not in _VISIBLE_SCOPES:
        _VISIBLE_SCOPES.append(visible)
    if markable not in _MARKABLE_SCOPES:
        _MARKABLE_SCOPES.append(markable)


def _extra(scopes: list[Callable], user, since: str | None = None) -> list:
    return [condition for scope in scopes if (condition := scope(user, since=since)) is not None]


def attempts_visible_to(user) -> QuerySet[Attempt]:
    if not getattr(user, "is_authenticated", False):
        return Attempt.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return Attempt.objects.all()
    query = Q(learner=user)
    for condition in _extra(_VISIBLE_SCOPES, user, since="started_at"):
        query |= Q(condition)
    return Attempt.objects.filter(query)


def attempts_writable_by(user) -> QuerySet[Attempt]:
    """Only the learner answers and submits their own attempt, whatever their role."""
    if not getattr(user, "is_authenticated", False):
        return Attempt.objects.none()
    return Attempt.objects.filter(learner=user)


def attempts_markable_by(user) -> QuerySet[Attempt]:
    """Attempts whose answers ``user`` may mark or re-mark: never their own."""
    if not getattr(user, "is_authenticated", False) or not roles.roles_of(user):
        return Attempt.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return Attempt.objects.exclude(learner=user)
    conditions = _extra(_MARKABLE_SCOPES, user, since="started_at")
    if not conditions:
        return Attempt.objects.none()
    query = Q(conditions[0])
    for condition in conditions[1:]:
        query |= Q(condition)
    return Attempt.objects.filter(query).exclude(learner=user)


def observations_visible_to(user) -> QuerySet[Observation]:
    if not getattr(user, "is_authenticated", False):
        return Observation.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return Observation.objects.all()
    query = Q(learner=user)
    for condition in _extra(_VISIBLE_SCOPES, user, since="recorded_at"):
        query |= Q(condition)
    return Observation.objects.filter(query)


def enrolments_observable_by(user) -> QuerySet[Enrolment]:
    """The enrolments whose practical assessments ``user`` may score: those of the learners they
    may mark, in that course, still enrolled; never their own."""
    if not getattr(user, "is_authenticated", False) or not roles.roles_of(user):
        return Enrolment.objects.none()
    current = Enrolment.objects.exclude(status=Enrolment.Status.WITHDRAWN).exclude(learner=user)
    if roles.has_role(user, roles.ADMIN):
        return current
    conditions = _extra(_MARKABLE_SCOPES, user)
    if not conditions:
        return Enrolment.objects.none()
    query = Q(conditions[0])
    for condition in conditions[1:]:
        query |= Q(condition)
    return current.filter(query)


def can_mark(user) -> bool:
    """Whether the marking queue is worth showing (it may still be empty)."""
    return roles.has_role(user, roles.ADMIN) or bool(_extra(_MARKABLE_SCOPES, user))
