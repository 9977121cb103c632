"""Issuing against a real Celery worker on Redis and PostgreSQL (architecture §4.4): the same
render delivered twice, and a worker killed in the middle of a render, each end with one
certificate, one PDF and one e-mail."""

import signal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, transaction

from certificates.models import Certificate
from certificates.tasks import render_certificate, sweep_certificates
from tests.factories import complete, pdf_text
from tests.workers import mails, unacknowledged, wait_for, wait_until_done

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workers(mail_workers):
    return mail_workers


def pdfs_of(certificate: Certificate) -> list[Path]:
    return list(Path(settings.STORAGES["private"]["OPTIONS"]["location"]).rglob(f"{certificate.code}*.pdf"))


def emailed(pk: int) -> bool:
    return Certificate.objects.get(pk=pk).emailed_at is not None


def test_the_same_render_delivered_twice_gives_one_pdf_and_one_email(workers, rule, course, learner):
    complete(learner, course)  # records the certificate; its render is sent on commit
    certificate = Certificate.objects.get(learner=learner)
    render_certificate.delay(certificate.pk)  # the same message a second time
    workers()
    wait_for(lambda: emailed(certificate.pk))
    wait_until_done(workers.all_queues)  # the second delivery too
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED
    assert len(pdfs_of(certificate)) == 1
    [message] = mails(workers.mailbox)
    assert certificate.display_code in message.as_string() and learner.email in message["To"]
    assert Certificate.objects.filter(learner=learner).count() == 1


def locked(pk: int) -> bool:
    """Whether a worker holds the certificate's row, that is, is rendering it now."""
    try:
        with transaction.atomic():
            list(Certificate.objects.select_for_update(nowait=True).filter(pk=pk))
    except DatabaseError:
        return True
    return False


def test_a_worker_killed_mid_render_leaves_it_pending_and_the_sweep_finishes_it_once(workers, rule, course, learner):
    slow = workers("tests.certificates.slow_worker")
    complete(learner, course)
    certificate = Certificate.objects.get(learner=learner)
    wait_for(lambda: locked(certificate.pk))
    slow.send_signal(signal.SIGKILL)
    slow.wait(timeout=30)
    killed = unacknowledged(workers.all_queues)
    assert len(killed) == 1  # the render the killed worker had taken, never acknowledged
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.PENDING and not certificate.pdf
    assert pdfs_of(certificate) == [] and mails(workers.mailbox) == []

    workers()  # a healthy worker, and the periodic sweep
    sweep_certificates.delay()
    wait_for(lambda: emailed(certificate.pk))
    wait_until_done(workers.all_queues, killed_with=killed)  # every render the sweep sent
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED
    assert len(pdfs_of(certificate)) == 1 and len(mails(workers.mailbox)) == 1


def test_a_demo_learner_who_meets_the_rule_gets_the_certificate_through_the_worker(workers):
    """The issue's check, on the demo: learner@ finishes the interviewing course; the real worker
    renders and e-mails the certificate, and the PDF's text carries their Cyrillic name."""

    from accounts.models import User
    from courses.models import CoursePage
    from lms.demo.cohorts import seed_stage
    from lms.demo.seed import seed_demo

    seed_demo()
    workers()
    learner = User.objects.get(email="learner@demo.mn")
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    assert not Certificate.objects.filter(learner=learner).exists()
    seed_stage(learner=learner, course=course, stage="completed", marker=User.objects.get(email="trainer@demo.mn"))
    certificate = Certificate.objects.get(learner=learner)
    wait_for(lambda: emailed(certificate.pk))
    certificate.refresh_from_db()
    assert f"{learner.last_name[0]}.{learner.first_name}" in pdf_text(certificate)
    assert any(certificate.display_code in message.as_string() for message in mails(workers.mailbox))


def test_rendering_waits_on_a_queue_of_its_own_for_a_worker_that_takes_it(workers, rule, course, learner):
    """A cohort's worth of renders never holds up the other jobs; a worker for certificates renders."""
    import redis

    workers(only=("default",))
    complete(learner, course)  # the render is sent on commit, to the certificates queue
    certificate = Certificate.objects.get(learner=learner)
    broker = redis.Redis.from_url(settings.REDIS_URL)
    assert broker.llen(workers.queues["certificates"]) == 1 and broker.llen(workers.queue) == 0
    workers(only=("certificates",))
    wait_for(lambda: emailed(certificate.pk))
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED and len(mails(workers.mailbox)) == 1


def test_a_worker_killed_after_sending_the_email_but_before_recording_it_sends_no_second(
    workers, rule, course, learner
):
    dying = workers("tests.certificates.die_after_send_worker")
    complete(learner, course)
    certificate = Certificate.objects.get(learner=learner)
    wait_for(lambda: len(mails(workers.mailbox)) == 1)  # the mail server has it
    dying.send_signal(signal.SIGKILL)
    dying.wait(timeout=30)
    killed = unacknowledged(workers.all_queues)
    certificate.refresh_from_db()
    assert certificate.emailed_at is None and certificate.email_started_at is not None

    workers()  # a healthy worker; the same render delivered again, and the periodic sweep
    render_certificate.delay(certificate.pk)
    sweep_certificates.delay()
    wait_until_done(workers.all_queues, killed_with=killed)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED and len(pdfs_of(certificate)) == 1
    assert len(mails(workers.mailbox)) == 1
