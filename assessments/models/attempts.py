"""Attempts at a quiz, and the answers in them. The server holds every bit of state (architecture
§4.3): what was served (a snapshot, so later edits to the bank never change a past result), each
answer as it is saved, the deadline, and the grade.

Keyed to the quiz's ``translation_key``: an attempt started in Mongolian may be resumed in English
and counts once. Nothing here is ever deleted."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="attempts"
    )
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    course_key = models.UUIDField(_("course"), db_index=True)
    number = models.PositiveSmallIntegerField(_("attempt"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.IN_PROGRESS)
    language = models.CharField(_("language"), max_length=8)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The questions as served, in order, with what grading needs; never sent to the browser as is.
    snapshot = models.JSONField(_("questions as served"), default=list)
    pass_mark = models.DecimalField(_("pass mark (%)"), max_digits=5, decimal_places=2)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=3, null=True, blank=True)
    max_score = models.DecimalField(_("out of"), max_digits=8, decimal_places=3, default=0)
    percent = models.DecimalField(_("percent"), max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    needs_grading = models.BooleanField(_("waiting for a trainer's marking"), default=False)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["learner", "quiz_key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz_key"],
                condition=models.Q(state="in_progress"),
                name="assessments_one_attempt_in_progress",
            ),
            models.UniqueConstraint(fields=["learner", "quiz_key", "number"], name="assessments_attempt_number"),
        ]
        # The reports read the attempts started in a short stretch (the current month: the months
        # before it come from their summary of activity), not a third of them.
        indexes = [models.Index(fields=["started_at"], name="assessments_attempt_started")]

    def __str__(self) -> str:
        return f"{self.learner} · {self.quiz_key} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.IN_PROGRESS

    def expired(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) >= self.deadline


class AttemptAnswer(models.Model):
    """The learner's answer to one served question (a "slot"), saved as they go."""

    attempt = models.ForeignKey(Attempt, verbose_name=_("attempt"), on_delete=models.PROTECT, related_name="answers")
    slot = models.PositiveSmallIntegerField(_("question number"))
    response = models.JSONField(_("answer"), null=True, blank=True)
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    fraction = models.DecimalField(_("fraction"), max_digits=7, decimal_places=5, null=True, blank=True)
    mark = models.DecimalField(_("mark"), max_digits=8, decimal_places=3, null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    graded_at = models.DateTimeField(_("marked"), null=True, blank=True)
    # Under immediate feedback: when the learner checked this answer, making it final.
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    comment = models.TextField(_("marker's comment"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "slot"]
        constraints = [models.UniqueConstraint(fields=["attempt", "slot"], name="assessments_one_answer_per_slot")]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.slot}"


class MarkOverride(models.Model):
    """A trainer's change to an answer's mark, with the reason (kept; also audited)."""

    answer = models.ForeignKey(
        AttemptAnswer, verbose_name=_("answer"), on_delete=models.PROTECT, related_name="overrides"
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)
    previous_mark = models.DecimalField(_("previous mark"), max_digits=8, decimal_places=3, null=True, blank=True)
    new_mark = models.DecimalField(_("new mark"), max_digits=8, decimal_places=3)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("mark override")
        verbose_name_plural = _("mark overrides")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.answer} · {self.previous_mark} → {self.new_mark}"
