"""Issued certificates (architecture §4.4): one per learner, rule and cycle, by a database
constraint. A certificate is recorded as pending when it becomes due; a Celery task renders its
PDF and e-mails the learner, each once. Nothing is deleted: a revoked certificate says so, a
corrected one points to the certificate that replaced it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.formatting import short_datetime

from ..codes import display
from ..storage import private_storage


def _pdf_path(certificate, filename: str) -> str:
    return f"certificates/{certificate.issued_on:%Y}/{certificate.code}.pdf"


class Certificate(models.Model):
    class State(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", _("Waiting for a trainer's approval")
        PENDING = "pending", _("Being prepared")
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")

    # Issued at some point: what verification, the export's issue date and the status lists show
    # (a certificate awaiting approval or being prepared is not there yet).
    PUBLISHED_STATES = (State.ISSUED, State.REVOKED)

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    rule = models.ForeignKey(
        "certificates.CertificationRule", verbose_name=_("rule"), on_delete=models.PROTECT, related_name="certificates"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    # A renewal is the next cycle of the same chain; a reissue (a corrected name) keeps its cycle.
    chain = models.UUIDField(_("chain"), default=uuid.uuid4, db_index=True)
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    code = models.CharField(_("verification code"), max_length=14, unique=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    # What is printed, fixed when the certificate is recorded.
    holder_name = models.CharField(_("holder's name"), max_length=300)
    holder_name_latin = models.CharField(_("holder's name in Latin letters"), max_length=300, blank=True)
    course_title = models.JSONField(_("course title"))  # {"mn": ..., "en": ...}
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True, blank=True)
    completed_on = models.DateField(_("completed on"))
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    template = models.JSONField(_("template as issued"))
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("the person who approved a certificate", "approved by"),
        null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    pdf = models.FileField(_("PDF"), storage=private_storage, upload_to=_pdf_path, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    # Set, and committed, before the e-mail is handed to the mail server: a worker killed after
    # sending but before setting ``emailed_at`` leaves this behind, and nothing sends it again blindly.
    email_started_at = models.DateTimeField(_("e-mail sending started"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            # Exactly once per learner, rule and cycle; a reissue replaces the revoked one.
            models.UniqueConstraint(
                fields=["learner", "rule", "cycle"],
                condition=~models.Q(state="revoked"),
                name="certificates_once_per_cycle",
            ),
        ]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        return display(self.code)

    def status(self, today=None) -> str:
        """What verification says: valid, expired or revoked (and pending before it is issued)."""
        if self.state == self.State.REVOKED:
            return "revoked"
        if self.state != self.State.ISSUED:
            return "pending"
        if self.expires_on and self.expires_on < (today or timezone.localdate()):
            return "expired"
        return "valid"


class ExpiryReminder(models.Model):
    """A reminder sent before a certificate lapses: one per certificate and threshold, never twice."""

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.PROTECT, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="certificates_one_reminder_each")
        ]

    def __str__(self) -> str:
        return f"{self.certificate} · {self.days_before}"


def _bundle_path(bundle, filename: str) -> str:
    return f"bundles/{bundle.pk}/{filename}"


class CertificateBundle(models.Model):
    """A cohort's certificates in one ZIP file, built by a Celery task for the person who asked."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="certificate_bundles"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    file = models.FileField(_("ZIP file"), storage=private_storage, upload_to=_bundle_path, blank=True)
    count = models.PositiveIntegerField(_("certificates"), default=0)
    finished_at = models.DateTimeField(_("ready"), null=True, blank=True)

    class Meta:
        verbose_name = _("bundle of certificates")
        verbose_name_plural = _("bundles of certificates")

    def __str__(self) -> str:
        return f"{self.cohort} · {short_datetime(self.requested_at)}"
