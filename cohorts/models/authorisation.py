"""Teaching authorisations: the record that lets a trainer open cohorts of a course (architecture §1)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TeachingAuthorisationQuerySet(models.QuerySet):
    def current(self, today=None):
        """Neither revoked nor expired on ``today``."""
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today)
        )


class TeachingAuthorisation(models.Model):
    """``trainer`` may teach the course ``course_key`` (its language-independent identity).

    One record per trainer and course; granting again renews it, and revoking keeps it with the
    reason. Who trained the trainer is ``source_cohort`` (the training-of-trainers cohort they
    completed) and ``granted_by``: together they make the cascade."""

    class Basis(models.TextChoices):
        TOT_COHORT = "tot_cohort", _("Completed a training-of-trainers cohort")
        COORDINATOR = "coordinator", _("Granted by a coordinator")

    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="teaching_authorisations",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices)
    evidence = models.TextField(_("evidence or reason"), blank=True)
    source_cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("training-of-trainers cohort"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="authorisations_granted",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    objects = TeachingAuthorisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("teaching authorisation")
        verbose_name_plural = _("teaching authorisations")
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(fields=["trainer", "course_key"], name="cohorts_one_authorisation_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.trainer} · {self.course_key}"

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and (self.valid_until is None or self.valid_until >= today)

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "revoked"
        return "current" if self.is_current() else "expired"
