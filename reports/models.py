"""What the reports app keeps: only the record of each monthly summary e-mailed, so that none goes
to the same person for the same month twice (the figures themselves are computed when asked)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MonthlySummarySend(models.Model):
    """One person's monthly summary for one month: claimed (the row written, and committed, before
    the mail server sees the message) and, once the server took it, sent."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month summarised."))
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("monthly summary sent")
        verbose_name_plural = _("monthly summaries sent")
        constraints = [
            models.UniqueConstraint(fields=["person", "month"], name="reports_monthly_summary_once_a_month"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%Y-%m}"


class TestPair(models.Model):
    """One learner's grades at one course's pre-test and post-test, by each quiz's grading method
    (``assessments.results``), for the report's averages: kept by ``reports.test_pairs``. Only pairs
    with both tests graded have a row."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="+"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    pre_test = models.DecimalField(_("pre-test grade"), max_digits=6, decimal_places=2)
    post_test = models.DecimalField(_("post-test grade"), max_digits=6, decimal_places=2)
    gain = models.DecimalField(_("gain"), max_digits=6, decimal_places=2)
    refreshed_at = models.DateTimeField(_("refreshed at"), default=timezone.now)

    class Meta:
        verbose_name = _("pre- and post-test pair")
        verbose_name_plural = _("pre- and post-test pairs")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="reports_test_pair_once"),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} {self.course_key}"


class SummaryRefresh(models.Model):
    """When a summary table was last rebuilt in full from the records it summarises."""

    TEST_PAIRS = "test_pairs"

    name = models.CharField(_("summary"), max_length=32, primary_key=True)
    refreshed_at = models.DateTimeField(_("refreshed at"))

    class Meta:
        verbose_name = _("summary refresh")
        verbose_name_plural = _("summary refreshes")

    def __str__(self) -> str:
        return self.name
