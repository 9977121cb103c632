"""Background jobs for certificates. Each is safe to run twice, or after a worker died half-way:
the row is locked while its PDF is made (a second run waits for the first), a PDF already stored
is not made again, and the e-mail is sent only by the run that claims it, in a transaction of its
own, before sending."""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.enqueue import enqueue

from .models import Certificate

log = logging.getLogger(__name__)

# Longer than any send takes: a claim older than this belongs to a worker that died.
EMAIL_UNCONFIRMED_AFTER = timedelta(minutes=30)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_certificate(certificate_id: int) -> str:
    """Render, store and e-mail one certificate; a no-op once done."""
    from . import emails
    from .rendering import certificate_pdf

    with transaction.atomic():
        # Waits for whoever holds the row (a second delivery of this message, or a request touching
        # it) rather than skipping it: a skipped render would wait for the next sweep.
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .filter(pk=certificate_id, state__in=[Certificate.State.PENDING, Certificate.State.ISSUED])
            .select_related("learner")
            .first()
        )
        if certificate is None:
            return "not due"  # revoked, awaiting approval, or gone
        if not certificate.rendered_at:
            pdf = certificate_pdf(certificate)
            # A worker that died after writing the file but before committing left it behind:
            # replace it, rather than store a second copy beside it.
            name = certificate.pdf.field.generate_filename(certificate, f"{certificate.code}.pdf")
            if certificate.pdf.storage.exists(name):
                certificate.pdf.storage.delete(name)
            certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
            certificate.rendered_at = timezone.now()
            certificate.state = Certificate.State.ISSUED
            certificate.save(update_fields=["pdf", "rendered_at", "state"])
            from accounts.services import audit_record

            from .audit import AuditAction

            audit_record(action=AuditAction.CERTIFICATE_ISSUED, target=certificate, data={"code": certificate.code})
    if certificate.emailed_at:
        return "done"
    # At most once: the claim is committed on its own before the mail server sees the message. A
    # worker killed after the server took it, but before ``emailed_at`` was written, leaves the
    # claim behind; no retry sends again blindly, and the sweep reports it for a person to check.
    claimed = Certificate.objects.filter(
        pk=certificate.pk, emailed_at__isnull=True, email_started_at__isnull=True
    ).update(email_started_at=timezone.now())
    if not claimed:
        return "e-mail sent or being sent"
    try:
        emails.send_certificate(certificate)
    except Exception:
        # The server refused it or could not be reached: nothing went out, so a later run may send.
        Certificate.objects.filter(pk=certificate.pk).update(email_started_at=None)
        raise
    Certificate.objects.filter(pk=certificate.pk).update(emailed_at=timezone.now())
    return "issued"


@shared_task
def sweep_certificates() -> dict:
    """Periodic: record certificates that became due unnoticed, and enqueue any still pending."""
    from .services import certificates_due_sweep

    recorded = certificates_due_sweep()
    pending = list(Certificate.objects.filter(state=Certificate.State.PENDING).values_list("pk", flat=True)) + list(
        Certificate.objects.filter(
            state=Certificate.State.ISSUED, emailed_at__isnull=True, email_started_at__isnull=True
        ).values_list("pk", flat=True)
    )
    for pk in pending:
        enqueue(render_certificate, pk)
    # A send that started long ago and never finished: the worker died between handing the e-mail to
    # the mail server and writing that down. Whether it went out only the mail server's log can tell
    # (look for its Message-ID); it is not sent again without a person deciding so.
    unconfirmed = list(
        Certificate.objects.filter(
            emailed_at__isnull=True, email_started_at__lt=timezone.now() - EMAIL_UNCONFIRMED_AFTER
        ).values_list("code", flat=True)
    )
    if unconfirmed:
        log.warning(
            "Certificate e-mails started but never confirmed (check the mail server's log, then "
            "manage.py certificate_email_resend CODE): %s",
            ", ".join(Certificate(code=code).display_code for code in unconfirmed),
        )
    return {"recorded": recorded, "enqueued": len(pending), "email_unconfirmed": len(unconfirmed)}


@shared_task
def send_expiry_reminders() -> int:
    """Daily: remind holders 90, 30 and 7 days before their certificates lapse."""
    from .services import expiry_reminders_send

    return expiry_reminders_send()


@shared_task(acks_late=True)
def build_bundle(bundle_id: int) -> int:
    """A cohort's certificates as one ZIP file; a no-op once built."""
    from .bundles import bundle_build

    bundle = bundle_build(bundle_id)
    return bundle.count if bundle else 0
