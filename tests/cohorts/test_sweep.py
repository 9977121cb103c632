"""What the broker never took — an invitation, a reminder, a queued import written while Redis was
down — is done by the periodic sweep, once, however often the sweep runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from cohorts import importing, tasks
from cohorts.models import CohortMembership, Invitation, Reminder, TraineeImport
from cohorts.services import invitation_send, membership_add, reminder_send

from .test_import import check, csv_bytes, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    for task in (tasks.send_invitation, tasks.send_invitations, tasks.send_reminder, tasks.import_trainees):
        monkeypatch.setattr(task, "delay", refuse)
        monkeypatch.setattr(task, "apply_async", refuse)
    return monkeypatch


def _age(model, pk, by: timedelta) -> None:
    model.objects.filter(pk=pk).update(created_at=timezone.now() - by)


def test_an_invitation_written_while_the_broker_was_down_is_emailed_by_the_sweep_once(
    broker_down, django_capture_on_commit_callbacks, trainer, cohort
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_send(cohort=cohort, email="new@police.mn", by=trainer, language="mn")
    assert mail.outbox == [] and Invitation.objects.get(pk=invitation.pk).emailed_at is None

    broker_down.undo()
    assert tasks.sweep_cohort_work()["invitations"] == 0  # too young: its own task may be on its way
    _age(Invitation, invitation.pk, timedelta(minutes=6))
    tasks.sweep_cohort_work()
    tasks.sweep_cohort_work()
    assert [message.to for message in mail.outbox] == [["new@police.mn"]]
    assert Invitation.objects.get(pk=invitation.pk).emailed_at is not None


def test_an_expired_or_accepted_invitation_is_not_swept(trainer, cohort, django_capture_on_commit_callbacks):
    expired = invitation_send(cohort=cohort, email="late@police.mn", by=trainer, language="mn")
    accepted = invitation_send(cohort=cohort, email="done@police.mn", by=trainer, language="en")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    Invitation.objects.filter(pk=accepted.pk).update(accepted_at=timezone.now())
    for pk in (expired.pk, accepted.pk):
        _age(Invitation, pk, timedelta(hours=1))
    assert tasks.sweep_cohort_work()["invitations"] == 0
    assert mail.outbox == []


def test_a_reminder_is_sent_by_the_sweep_the_same_day_but_never_a_day_late(broker_down, trainer, cohort, trainees):
    for person_ in trainees[:2]:
        membership_add(cohort=cohort, learner=person_, source="trainer")
    today = reminder_send(cohort=cohort, learners=trainees[:2], message="Маргааш 10 цагт уулзана.", by=trainer)
    stale = reminder_send(cohort=cohort, learners=trainees[:1], message="Өчигдрийн уулзалт.", by=trainer)
    broker_down.undo()
    _age(Reminder, today.pk, timedelta(minutes=30))
    _age(Reminder, stale.pk, timedelta(days=1, minutes=1))

    assert tasks.sweep_cohort_work()["reminders"] == 1
    tasks.sweep_cohort_work()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person_.email for person_ in trainees[:2])
    assert Reminder.objects.get(pk=today.pk).sent_at is not None
    assert Reminder.objects.get(pk=stale.pk).sent_at is None


def test_a_queued_import_the_broker_never_took_is_imported_by_the_sweep(
    broker_down, django_capture_on_commit_callbacks, cohort
):
    trainee_import = check(cohort, csv_bytes([person(1), person(2)]))
    with django_capture_on_commit_callbacks(execute=True):
        importing.queue(trainee_import=trainee_import)
    assert TraineeImport.objects.get(pk=trainee_import.pk).status == TraineeImport.Status.QUEUED

    broker_down.undo()
    _age(TraineeImport, trainee_import.pk, timedelta(minutes=10))
    assert tasks.sweep_cohort_work()["imports"] == 1
    assert TraineeImport.objects.get(pk=trainee_import.pk).status == TraineeImport.Status.DONE
    assert CohortMembership.objects.filter(cohort=cohort).count() == 2
    assert tasks.sweep_cohort_work()["imports"] == 0
