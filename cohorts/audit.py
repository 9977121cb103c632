"""What cohorts writes to the audit log (architecture §4.10), declared to accounts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.audit_actions import declare


@declare
class AuditAction(models.TextChoices):
    AUTHORISATION_GRANTED = "authorisation_granted", _("Teaching authorisation granted")
    AUTHORISATION_REVOKED = "authorisation_revoked", _("Teaching authorisation revoked")
    COHORT_HANDED_OVER = "cohort_handed_over", _("Cohort handed to another trainer")
    COHORT_CLOSED = "cohort_closed", _("Cohort closed")
