"""A certificate's e-mail goes out at most once: a worker killed after the mail server took it, but
before the worker wrote that down, must not make the retry or the sweep send it again."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.utils import timezone

from certificates import emails
from certificates.models import Certificate
from certificates.services import certificate_issue_if_due
from certificates.tasks import render_certificate, sweep_certificates
from tests.factories import complete


class WorkerKilled(BaseException):
    """What a kill -9 looks like from inside: no handler of the task runs."""


@pytest.fixture
def recorded(rule, course, learner):
    """A certificate that is due; its render (and e-mail) has not run yet."""
    complete(learner, course)  # on-commit callbacks do not run here: nothing is recorded yet
    return certificate_issue_if_due(learner=learner, course_key=course.translation_key)


def test_a_worker_killed_after_sending_but_before_recording_it_sends_no_second_email(monkeypatch, recorded, learner):
    real_send = emails.send_certificate

    def send_then_die(certificate):
        real_send(certificate)
        raise WorkerKilled

    mail.outbox.clear()
    monkeypatch.setattr(emails, "send_certificate", send_then_die)
    with pytest.raises(WorkerKilled):
        render_certificate(recorded.pk)
    assert len(mail.outbox) == 1
    monkeypatch.setattr(emails, "send_certificate", real_send)

    render_certificate(recorded.pk)  # the broker redelivers the message
    sweep_certificates()  # and the sweep comes round
    assert len(mail.outbox) == 1
    recorded.refresh_from_db()
    assert recorded.state == Certificate.State.ISSUED and recorded.emailed_at is None


def test_the_sweep_reports_a_send_that_started_long_ago_and_never_finished(recorded, caplog):
    render_certificate(recorded.pk)
    Certificate.objects.filter(pk=recorded.pk).update(
        emailed_at=None, email_started_at=timezone.now() - timedelta(hours=2)
    )
    mail.outbox.clear()
    with caplog.at_level("WARNING", logger="certificates.tasks"):
        result = sweep_certificates()
    assert result["email_unconfirmed"] == 1 and mail.outbox == []
    assert recorded.display_code in caplog.text


def test_a_mail_server_that_refuses_the_email_leaves_it_for_the_next_run(monkeypatch, recorded, learner):
    real_send = emails.send_certificate

    def refused(certificate):
        raise SMTPServerDisconnected("connection refused")

    monkeypatch.setattr(emails, "send_certificate", refused)
    mail.outbox.clear()
    with pytest.raises(SMTPServerDisconnected):
        render_certificate(recorded.pk)
    monkeypatch.setattr(emails, "send_certificate", real_send)
    sweep_certificates()
    recorded.refresh_from_db()
    assert recorded.emailed_at is not None and len(mail.outbox) == 1


def test_the_certificate_email_carries_a_message_id_of_its_own_so_a_resend_is_recognised(recorded, learner):
    mail.outbox.clear()
    render_certificate(recorded.pk)
    [message] = mail.outbox
    assert message.extra_headers["Message-ID"] == emails.certificate_message_id(recorded)
    assert recorded.code in message.extra_headers["Message-ID"]


def test_an_operator_resends_an_unconfirmed_email_by_its_code(recorded, learner):
    from django.core.management import call_command

    render_certificate(recorded.pk)
    Certificate.objects.filter(pk=recorded.pk).update(
        emailed_at=None, email_started_at=timezone.now() - timedelta(hours=2)
    )
    mail.outbox.clear()
    call_command("certificate_email_resend", recorded.display_code)
    recorded.refresh_from_db()
    assert len(mail.outbox) == 1 and recorded.emailed_at is not None
    call_command("certificate_email_resend", recorded.display_code)  # twice by mistake: nothing more
    assert len(mail.outbox) == 1


def test_an_expiry_reminder_sent_by_a_worker_killed_before_recording_it_is_not_sent_again(monkeypatch, rule, learner):
    from certificates.services import expiry_reminders_send
    from tests.factories import issued

    issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=80))
    real_send = emails.send_expiry_reminder

    def send_then_die(certificate, **kwargs):
        real_send(certificate, **kwargs)
        raise WorkerKilled

    mail.outbox.clear()
    monkeypatch.setattr(emails, "send_expiry_reminder", send_then_die)
    with pytest.raises(WorkerKilled):
        expiry_reminders_send()
    monkeypatch.setattr(emails, "send_expiry_reminder", real_send)
    assert expiry_reminders_send() == 0  # the daily run again, after the crash
    assert len(mail.outbox) == 1


def test_an_expiry_reminder_the_mail_server_refused_is_sent_by_the_next_run(monkeypatch, rule, learner):
    from certificates.services import expiry_reminders_send
    from tests.factories import issued

    issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=80))

    def refused(certificate, **kwargs):
        raise SMTPServerDisconnected("connection refused")

    real_send = emails.send_expiry_reminder
    monkeypatch.setattr(emails, "send_expiry_reminder", refused)
    mail.outbox.clear()
    with pytest.raises(SMTPServerDisconnected):
        expiry_reminders_send()
    monkeypatch.setattr(emails, "send_expiry_reminder", real_send)
    assert expiry_reminders_send() == 1 and len(mail.outbox) == 1
