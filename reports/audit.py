"""What reports write to the audit log (architecture §4.10), declared to accounts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.audit_actions import declare


@declare
class AuditAction(models.TextChoices):
    REPORT_EXPORTED = "report_exported", _("Report exported")
