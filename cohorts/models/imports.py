"""A trainee spreadsheet being imported into a cohort: its validation report and its progress."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TraineeImport(models.Model):
    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, not imported")
        QUEUED = "queued", _("Waiting to import")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    # The rows as read and normalised, kept until the import is confirmed (no file on disk).
    rows = models.JSONField(_("rows"), default=list)
    errors = models.JSONField(_("problems"), default=list)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CHECKED)
    total = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("rows done"), default=0)
    created_accounts = models.PositiveIntegerField(_("accounts created"), default=0)
    # Imports before existing accounts were invited instead put them straight in the cohort.
    linked_accounts = models.PositiveIntegerField(_("existing accounts linked"), default=0)
    invited_accounts = models.PositiveIntegerField(_("existing accounts invited"), default=0)
    already_members = models.PositiveIntegerField(_("already in the cohort"), default=0)
    # What each row did once imported: {"row", "email", "outcome"}, outcome one of created, invited,
    # invited_before (an invitation was still waiting) and already (in the cohort).
    report = models.JSONField(_("report"), default=list)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("trainee import")
        verbose_name_plural = _("trainee imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    def outcomes(self, outcome: str) -> int:
        return sum(1 for entry in self.report if entry["outcome"] == outcome)

    @property
    def invited_before(self) -> int:
        return self.outcomes("invited_before")

    @property
    def percent_done(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100
