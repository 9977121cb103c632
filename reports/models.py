"""What the reports app keeps: the record of each monthly summary e-mailed, so that none goes to the
same person for the same month twice, and the summaries of records that are costly to count at
national scale (``TestPair``, ``ActivityMonth``); the other figures are computed when asked."""

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


class ActivityMonth(models.Model):
    """A learner was active in a course in a calendar month (Cascade's time zone): opened one of its
    lessons (as the lesson's last opening records it), started an attempt at one of its quizzes, or
    had attendance taken at a session of one of its cohorts. Kept by ``reports.activity`` for the
    months before the one of its last full rebuild, which "active in the period" reads whole instead
    of every lesson, attempt and attendance record of them."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="+"
    )
    course_key = models.UUIDField(_("course"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))

    class Meta:
        verbose_name = _("month of activity")
        verbose_name_plural = _("months of activity")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key", "month"], name="reports_activity_month_once"),
        ]
        # The report reads a period's months whole: by month, the pair read from the index alone.
        indexes = [models.Index(fields=["month", "learner", "course_key"], name="reports_activity_by_month")]

    def __str__(self) -> str:
        return f"{self.learner_id} {self.course_key} {self.month:%Y-%m}"


class SummaryRefresh(models.Model):
    """When a summary table was last rebuilt in full from the records it summarises."""

    TEST_PAIRS = "test_pairs"
    ACTIVITY = "activity"

    name = models.CharField(_("summary"), max_length=32, primary_key=True)
    refreshed_at = models.DateTimeField(_("refreshed at"))

    class Meta:
        verbose_name = _("summary refresh")
        verbose_name_plural = _("summary refreshes")

    def __str__(self) -> str:
        return self.name
