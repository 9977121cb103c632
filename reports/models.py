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
