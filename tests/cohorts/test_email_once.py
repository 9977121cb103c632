"""A trainer's reminder goes out at most once: a worker killed after the mail server took it, but
before the worker wrote that down, must not send it again when the message is redelivered."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import get_connection

from cohorts import tasks
from cohorts.models import Reminder
from cohorts.services import membership_add, reminder_send


class WorkerKilled(BaseException):
    """What a kill -9 looks like from inside: no handler of the task runs."""


@pytest.fixture
def reminder(trainer, cohort, trainees):
    for person in trainees[:2]:
        membership_add(cohort=cohort, learner=person, source="trainer")
    # on-commit callbacks do not run here: the reminder is written but not sent
    return reminder_send(cohort=cohort, learners=trainees[:2], message="Маргааш 10 цагт уулзана.", by=trainer)


def test_a_reminder_sent_by_a_worker_killed_before_recording_it_is_not_sent_again(monkeypatch, reminder):
    class SendThenDie:
        def send_messages(self, messages):
            get_connection().send_messages(messages)
            raise WorkerKilled

    mail.outbox.clear()
    monkeypatch.setattr(tasks, "get_connection", SendThenDie)
    with pytest.raises(WorkerKilled):
        tasks.send_reminder(reminder.pk)
    monkeypatch.undo()
    tasks.send_reminder(reminder.pk)  # the broker redelivers the message
    assert len(mail.outbox) == 2  # one to each trainee, once


def test_a_reminder_the_mail_server_refused_is_sent_when_the_message_comes_again(monkeypatch, reminder):
    class Refusing:
        def send_messages(self, messages):
            raise SMTPServerDisconnected("connection refused")

    mail.outbox.clear()
    monkeypatch.setattr(tasks, "get_connection", Refusing)
    with pytest.raises(SMTPServerDisconnected):
        tasks.send_reminder(reminder.pk)
    monkeypatch.undo()
    assert Reminder.objects.get(pk=reminder.pk).sent_at is None
    tasks.send_reminder(reminder.pk)
    assert len(mail.outbox) == 2 and Reminder.objects.get(pk=reminder.pk).sent_at is not None


def test_a_batch_of_invitations_redelivered_after_a_crash_sends_none_of_them_twice(monkeypatch, trainer, cohort):
    from cohorts.services import invitation_send

    invitations = [
        invitation_send(cohort=cohort, email=f"invited{n}@example.mn", by=trainer, language="mn") for n in (1, 2)
    ]
    real_email = tasks.templated_email

    def first_sent_then_die(**kwargs):
        message = real_email(**kwargs)
        real_send = message.send

        def send_then_die(*args, **more):
            real_send(*args, **more)
            raise WorkerKilled

        message.send = send_then_die
        return message

    mail.outbox.clear()
    monkeypatch.setattr(tasks, "templated_email", first_sent_then_die)
    with pytest.raises(WorkerKilled):
        tasks.send_invitations([invitation.pk for invitation in invitations])
    monkeypatch.undo()
    tasks.send_invitations([invitation.pk for invitation in invitations])  # redelivered
    assert sorted(m.to[0] for m in mail.outbox) == ["invited1@example.mn", "invited2@example.mn"]
