"""Who may see which learning records (DESIGN invariant 2).

A learner sees their own enrolments, progress and reflections. Reflections stay private to
their writer, whatever the role. Trainers' view of their trainees' progress is added by the
cohorts app, which owns that relation; coordinators' by the reports app.
"""

from django.db.models import QuerySet

from accounts import roles

from .models import Enrolment, LessonProgress, Reflection


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    if roles.has_role(user, roles.ADMIN):
        return Enrolment.objects.all()
    if not roles.roles_of(user):
        return Enrolment.objects.none()
    return Enrolment.objects.filter(learner=user)


def lesson_progress_visible_to(user) -> QuerySet[LessonProgress]:
    if roles.has_role(user, roles.ADMIN):
        return LessonProgress.objects.all()
    if not roles.roles_of(user):
        return LessonProgress.objects.none()
    return LessonProgress.objects.filter(learner=user)


def reflections_visible_to(user) -> QuerySet[Reflection]:
    """Only the writer, never an administrator: a reflection may hold what a learner tells no one."""
    if not roles.roles_of(user):
        return Reflection.objects.none()
    return Reflection.objects.filter(learner=user)


def can_view_enrolment(user, enrolment: Enrolment) -> bool:
    return enrolments_visible_to(user).filter(pk=enrolment.pk).exists()


def can_view_lesson_progress(user, progress: LessonProgress) -> bool:
    return lesson_progress_visible_to(user).filter(pk=progress.pk).exists()


def can_view_reflection(user, reflection: Reflection) -> bool:
    return reflections_visible_to(user).filter(pk=reflection.pk).exists()
