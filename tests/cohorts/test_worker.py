"""The background jobs against a real Celery worker on Redis and PostgreSQL, as in production:
a spreadsheet of 600 trainees queued by the import page, its message delivered twice, and a
trainer's reminder delivered twice. Each ends with everything done exactly once."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from cohorts import importing
from cohorts.models import CohortMembership, Reminder, TraineeImport
from cohorts.services import membership_add, reminder_send
from cohorts.tasks import import_trainees, send_reminder
from tests.cohorts.test_import import csv_bytes, person

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def worker(redis_required, settings):
    """A worker on a queue of this test's own, reading this test's database; tasks are sent, not run."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker needs a database another process can open: PostgreSQL")
    from lms.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Celery's settings are a mapping: change and restore them as such.
    changed = {"task_always_eager": False, "broker_url": settings.REDIS_URL, "task_default_queue": queue}
    before = {name: app.conf[name] for name in changed}
    app.conf.update(changed)
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    url = f"postgres://{database['USER']}@{host}:{port}/{database['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "DATABASE_URL": url}

    def start():
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "-Q", queue,
             f"--hostname={queue}@%h", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
            env=env,
        )  # fmt: skip

    processes = []
    yield lambda: processes.append(start()) or queue
    for process in processes:
        process.terminate()
        process.wait(timeout=30)
    app.conf.update(before)


def queue_length(queue: str) -> int:
    import redis

    return redis.Redis.from_url(settings.REDIS_URL).llen(queue)


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the worker did not finish in time"
        time.sleep(0.5)


def test_a_large_import_runs_once_in_the_worker_even_when_delivered_twice(worker, cohort):
    data = csv_bytes([person(n) for n in range(600)])
    checked = importing.check(cohort=cohort, file_name="600.csv", data=data, by=cohort.lead_trainer)
    assert checked.total > importing.QUEUE_ABOVE
    importing.start(trainee_import=checked)  # what the preview page does: queued, not run
    import_trainees.delay(checked.pk)  # and the same message delivered a second time
    assert TraineeImport.objects.get(pk=checked.pk).status == TraineeImport.Status.QUEUED
    queue = worker()
    wait_for(lambda: TraineeImport.objects.get(pk=checked.pk).status == TraineeImport.Status.DONE)
    wait_for(lambda: queue_length(queue) == 0)
    time.sleep(2)  # let the second delivery finish
    done = TraineeImport.objects.get(pk=checked.pk)
    assert (done.created_accounts, done.processed) == (600, 600)
    assert CohortMembership.objects.filter(cohort=cohort).count() == 600


def test_a_reminder_delivered_twice_is_sent_once(worker, cohort, trainees):
    for trainee in trainees:
        membership_add(cohort=cohort, learner=trainee, source="trainer")
    reminder = reminder_send(cohort=cohort, learners=trainees, message="Маргааш уулзана.", by=cohort.lead_trainer)
    send_reminder.delay(reminder.pk)  # a redelivery, on top of the one sent on commit
    queue = worker()
    wait_for(lambda: Reminder.objects.get(pk=reminder.pk).sent_at is not None)
    sent_at = Reminder.objects.get(pk=reminder.pk).sent_at
    wait_for(lambda: queue_length(queue) == 0)
    time.sleep(2)
    assert Reminder.objects.get(pk=reminder.pk).sent_at == sent_at
