"""Background work for cohorts: e-mails to trainees, and large spreadsheet imports.

Each task reads its record afresh and is safe to run twice. A reminder's ``sent_at`` and an
invitation's ``emailed_at`` are committed before the e-mail is sent, so a redelivered message
(``acks_late``) sends nothing a second time, even after a worker died mid-send. A message goes out
only while the trainer who wrote it still runs the cohort: one whose authorisation was revoked
between the click and the worker sends nothing.

What a task was never handed (the broker was down when the request committed) is picked up by
``sweep_cohort_work``, run by Celery beat."""

from datetime import timedelta

from celery import shared_task
from django.core.mail import get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.enqueue import enqueue
from core.outbound import absolute_url, templated_email

# Work younger than this is left alone: its own task, enqueued on commit, may still be on its way.
SWEEP_GRACE = timedelta(minutes=5)
# A reminder is about something soon ("tomorrow at 10"): one a day late is worse than none.
REMINDER_STALE_AFTER = timedelta(days=1)


def _still_runs(user, cohort) -> bool:
    from .permissions import cohorts_managed_by

    return cohorts_managed_by(user).filter(pk=cohort.pk).exists()


@shared_task
def send_invitation(invitation_id: int) -> None:
    from .courses_lookup import course_for_key
    from .models import Invitation
    from .services import invitation_needs_password

    invitation = Invitation.objects.select_related("cohort", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or invitation.accepted_at or not _still_runs(invitation.invited_by, invitation.cohort):
        return
    with translation.override(invitation.language):
        course = course_for_key(invitation.cohort.course_key, invitation.language)
        link = absolute_url(reverse("invitation_accept", args=[invitation.token]))
    message = templated_email(
        to=invitation.email,
        language=invitation.language,
        template="cohorts/email/invitation",
        context={
            "invitation": invitation,
            "course": course,
            "link": link,
            "trainer": invitation.invited_by,
            # An account a spreadsheet import created: already in the cohort, without a password.
            "set_password": invitation_needs_password(invitation) is not None,
        },
    )
    # At most once, as for reminders: claimed before sending, the claim taken back if the server
    # refuses. The claim holds only for the token this message carries: a resend between reading
    # and claiming changed it, and the resend's own task sends the new link.
    claimed = Invitation.objects.filter(pk=invitation.pk, token=invitation.token, emailed_at__isnull=True)
    if not claimed.update(emailed_at=timezone.now()):
        return
    try:
        message.send()
    except Exception:
        Invitation.objects.filter(pk=invitation.pk, token=invitation.token).update(emailed_at=None)
        raise


@shared_task
def send_invitations(invitation_ids: list[int]) -> None:
    """The invitations of one spreadsheet import: one task for the lot, not one per row."""
    for invitation_id in invitation_ids:
        send_invitation(invitation_id)


@shared_task
def send_reminder(reminder_id: int) -> None:
    from .courses_lookup import course_for_key
    from .models import Reminder

    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update().select_related("cohort", "sent_by").filter(pk=reminder_id).first()
        )
        if reminder is None or reminder.sent_at or not _still_runs(reminder.sent_by, reminder.cohort):
            return
        messages = []
        for learner in reminder.recipients.all():
            language = learner.preferred_language
            with translation.override(language):
                course = course_for_key(reminder.cohort.course_key, language)
                link = absolute_url(reverse("my_learning"))
            messages.append(
                templated_email(
                    to=learner.email,
                    language=language,
                    template="cohorts/email/reminder",
                    context={"reminder": reminder, "learner": learner, "course": course, "link": link},
                )
            )
        # At most once: ``sent_at`` is committed, with the row lock released, before the mail server
        # sees anything, so a worker killed after sending does not send again when the message is
        # redelivered (``acks_late``). A refused send clears it, and the next delivery tries again.
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
    try:
        get_connection().send_messages(messages)
    except Exception:
        Reminder.objects.filter(pk=reminder.pk).update(sent_at=None)
        raise


@shared_task
def import_trainees(import_id: int) -> None:
    """Import a large trainee spreadsheet that the preview page queued.

    Safe to run twice: ``run`` locks the import's row, skips it while another worker holds it, and
    does nothing once it is done or failed. A worker that dies mid-import rolls everything back
    and leaves the import queued, so the redelivered message (``acks_late``) starts it again."""
    from .importing import run
    from .models import TraineeImport

    trainee_import = TraineeImport.objects.filter(pk=import_id).first()
    if trainee_import is not None:
        run(trainee_import=trainee_import, wait=False)


@shared_task
def sweep_cohort_work() -> dict[str, int]:
    """Periodic: hand to the workers again what the broker never took — invitations not yet
    e-mailed, reminders not yet sent, spreadsheet imports still waiting. Every task it enqueues is
    a no-op once done, so a sweep racing a late task sends nothing twice."""
    from .models import Invitation, Reminder, TraineeImport

    now = timezone.now()
    settled = now - SWEEP_GRACE
    invitations = list(
        Invitation.objects.filter(
            emailed_at__isnull=True, accepted_at__isnull=True, expires_at__gt=now, created_at__lt=settled
        ).values_list("pk", flat=True)
    )
    if invitations:
        enqueue(send_invitations, invitations)
    reminders = list(
        Reminder.objects.filter(
            sent_at__isnull=True, created_at__lt=settled, created_at__gt=now - REMINDER_STALE_AFTER
        ).values_list("pk", flat=True)
    )
    for reminder_id in reminders:
        enqueue(send_reminder, reminder_id)
    imports = list(
        TraineeImport.objects.filter(status=TraineeImport.Status.QUEUED, created_at__lt=settled).values_list(
            "pk", flat=True
        )
    )
    for import_id in imports:
        enqueue(import_trainees, import_id)
    return {"invitations": len(invitations), "reminders": len(reminders), "imports": len(imports)}
