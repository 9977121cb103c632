"""Who may see which attempts (DESIGN invariant 2). A learner sees their own; administrators all.
Trainers' view of their trainees' attempts, and their marking queue, come with the cohorts app,
which owns the trainer–trainee relation: it extends ``attempts_markable_by``."""

from django.db.models import QuerySet

from accounts import roles

from .models import Attempt


def attempts_visible_to(user) -> QuerySet[Attempt]:
    if not getattr(user, "is_authenticated", False):
        return Attempt.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return Attempt.objects.all()
    return Attempt.objects.filter(learner=user)


def attempts_writable_by(user) -> QuerySet[Attempt]:
    """Only the learner answers and submits their own attempt, whatever their role."""
    if not getattr(user, "is_authenticated", False):
        return Attempt.objects.none()
    return Attempt.objects.filter(learner=user)


def attempts_markable_by(user) -> QuerySet[Attempt]:
    """Attempts whose answers ``user`` may mark or re-mark: never their own."""
    if not getattr(user, "is_authenticated", False) or not roles.has_role(user, roles.ADMIN):
        return Attempt.objects.none()
    return Attempt.objects.exclude(learner=user)


def can_mark(user) -> bool:
    return roles.has_role(user, roles.ADMIN)
