"""Learning records. Each is keyed to the language-independent identity of a page (its Wagtail
``translation_key``), never to the page of one language, so switching between Mongolian and
English never loses, splits or duplicates a record (architecture §4.1). Nothing here is ever
hard-deleted: unenrolling marks the enrolment withdrawn."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        COHORT = "cohort", _("Through a cohort")
        STAFF = "staff", _("By a coordinator")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="enrolments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(_("how enrolled"), max_length=16, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # "Continue where I left off": the last lesson opened, and when.
    last_lesson_key = models.UUIDField(_("last lesson"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="courses_one_enrolment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.course_key}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.WITHDRAWN


class LessonProgress(models.Model):
    """One learner's progress through one lesson, in whichever language they read it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="lesson_progress"
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    first_opened_at = models.DateTimeField(_("first opened"), default=timezone.now)
    last_opened_at = models.DateTimeField(_("last opened"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    seconds_spent = models.PositiveIntegerField(_("time on the lesson (seconds)"), default=0)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson_key"], name="courses_one_progress_per_lesson")
        ]
        indexes = [models.Index(fields=["learner", "course_key"], name="courses_progress_by_course")]

    def __str__(self) -> str:
        return f"{self.learner} · {self.lesson_key}"


class Reflection(models.Model):
    """A learner's written answer to a reflection prompt. Private: only its writer ever reads it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="reflections"
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("prompt"), max_length=64)
    text = models.TextField(_("answer"))
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_key", "block_id"], name="courses_one_reflection_per_prompt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.block_id}"
