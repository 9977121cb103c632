"""In-person sessions of a cohort and who attended them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formatting import short_datetime


class TrainingSession(models.Model):
    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    module_key = models.UUIDField(_("module"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendance_taken_at = models.DateTimeField(_("attendance taken"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title or short_datetime(self.starts_at)


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    # Present and late count as attended.
    ATTENDED = (Status.PRESENT, Status.LATE)

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.PROTECT, related_name="attendance"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=16, choices=Status.choices, default=Status.PRESENT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    # When the mark was made, on the device that made it (a sheet taken offline is sent later),
    # kept within bounds of the server's clock; two devices' marks merge by this time. A mark made
    # on a page online is dated by the server.
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    # The device's own id for the change that made this mark, so that sending it again is known.
    change_id = models.UUIDField(_("change"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="cohorts_one_attendance_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.session} · {self.status}"
