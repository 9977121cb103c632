"""Background jobs for reports: the monthly summary, e-mailed to each coordinator on the first of
the month (``CELERY_BEAT_SCHEDULE``). Safe to run twice, or after a worker died half-way: each
person's summary of a month is sent only by the run that claims it, by a row unique per person and
month committed on its own before the mail server sees the message."""

import logging
from datetime import date, timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from core.enqueue import enqueue

log = logging.getLogger(__name__)

# Longer than any send takes: a claim older than this, never confirmed, belongs to a worker that died.
EMAIL_UNCONFIRMED_AFTER = timedelta(minutes=30)


@shared_task
def send_monthly_summaries(month: str | None = None) -> dict:
    """Periodic, on the first mornings of the month: the summary of the month before (or of
    ``month``, its first day as "2026-11-01") for every coordinator who has not had it."""
    from .models import MonthlySummarySend
    from .monthly import previous_month, summary_recipients

    first = date.fromisoformat(month).replace(day=1) if month else previous_month(timezone.localdate())
    claimed = MonthlySummarySend.objects.filter(month=first)
    due = list(summary_recipients().exclude(pk__in=claimed.values("person")).values_list("pk", flat=True))
    for pk in due:
        enqueue(send_monthly_summary, pk, first.isoformat())
    # A send that started long ago and never finished: whether it went out only the mail server's
    # log can tell (look for its Message-ID); it is not sent again without a person deciding so.
    unconfirmed = claimed.filter(sent_at__isnull=True, claimed_at__lt=timezone.now() - EMAIL_UNCONFIRMED_AFTER)
    if unconfirmed.exists():
        log.warning(
            "Monthly summaries of %s claimed but never confirmed sent (check the mail server's log): people %s",
            first.isoformat(),
            ", ".join(str(pk) for pk in unconfirmed.values_list("person", flat=True)),
        )
    return {"month": first.isoformat(), "enqueued": len(due), "email_unconfirmed": unconfirmed.count()}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_monthly_summary(person_id: int, month: str) -> str:
    """One coordinator's summary of one month, made for their scope and e-mailed at most once."""
    from accounts.services import audit_record

    from .audit import AuditAction
    from .models import MonthlySummarySend
    from .monthly import month_filters, summary_email, summary_pdf, summary_recipients

    first = date.fromisoformat(month)
    person = summary_recipients().filter(pk=person_id).first()
    if person is None:
        return "not a recipient"  # no longer a coordinator, or deactivated, since the month began
    if MonthlySummarySend.objects.filter(person=person, month=first).exists():
        return "sent or being sent"
    # Made before the claim: a PDF that fails to render leaves nothing claimed, and a later run sends.
    pdf = summary_pdf(person, month_filters(first))
    with transaction.atomic():
        claim, created = MonthlySummarySend.objects.get_or_create(person=person, month=first)
    if not created:
        return "sent or being sent"
    try:
        summary_email(person, first, pdf).send()
    except Exception:
        # The server refused it or could not be reached: nothing went out, so a later run may send.
        claim.delete()
        raise
    MonthlySummarySend.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
    audit_record(
        action=AuditAction.REPORT_EXPORTED,
        target=person,
        data={"format": "pdf", "month": first.strftime("%Y-%m"), "sent_by": "e-mail"},
    )
    return "sent"


@shared_task
def rebuild_test_pairs() -> int:
    """Nightly (``CELERY_BEAT_SCHEDULE``): every pre- and post-test pair worked out again from the
    attempts, whatever was missed as it happened (attempts written in bulk, a crash mid-way)."""
    from .test_pairs import rebuild

    return rebuild()


@shared_task
def refresh_quiz_test_pairs(quiz_key: str) -> None:
    """A test quiz was saved (its grading method or role may have changed): its courses' pairs."""
    from .test_pairs import refresh_quiz

    refresh_quiz(quiz_key)


@shared_task
def rebuild_activity() -> int:
    """Nightly (``CELERY_BEAT_SCHEDULE``): every learner's months of activity worked out again from
    the records, the month just ended included, and whatever was missed as it happened (records
    written in bulk, a lesson's last opening moved by reopening it)."""
    from .activity import rebuild

    return rebuild()
