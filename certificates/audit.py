"""What certificates writes to the audit log (architecture §4.10), declared to accounts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.audit_actions import declare


@declare
class AuditAction(models.TextChoices):
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    CERTIFICATE_REISSUED = "certificate_reissued", _("Certificate reissued")
