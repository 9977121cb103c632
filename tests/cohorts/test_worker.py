"""The background jobs against a real Celery worker on Redis and PostgreSQL, as in production:
a spreadsheet of 600 trainees queued by the import page, its message delivered twice, and a
trainer's reminder delivered twice. Each ends with everything done exactly once."""

import pytest

from cohorts import importing
from cohorts.models import CohortMembership, Reminder, TraineeImport
from cohorts.services import membership_add, reminder_send
from cohorts.tasks import import_trainees, send_reminder
from tests.cohorts.test_import import csv_bytes, person
from tests.workers import celery_workers, wait_for, wait_until_done

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def worker(redis_required, settings):
    """Start a worker on a queue of this test's own; returns the queue. Tasks are sent, not run."""
    workers = celery_workers(settings)
    start = next(workers)
    yield lambda: start() and start.queues.values()
    next(workers, None)  # stops them


def test_a_large_import_runs_once_in_the_worker_even_when_delivered_twice(worker, cohort):
    data = csv_bytes([person(n) for n in range(600)])
    checked = importing.check(cohort=cohort, file_name="600.csv", data=data, by=cohort.lead_trainer)
    assert checked.total > importing.QUEUE_ABOVE
    importing.start(trainee_import=checked)  # what the preview page does: queued, not run
    import_trainees.delay(checked.pk)  # and the same message delivered a second time
    assert TraineeImport.objects.get(pk=checked.pk).status == TraineeImport.Status.QUEUED
    queues = worker()
    wait_for(lambda: TraineeImport.objects.get(pk=checked.pk).status == TraineeImport.Status.DONE)
    wait_until_done(queues)  # the second delivery too: only then can it be seen to have added nobody
    done = TraineeImport.objects.get(pk=checked.pk)
    assert (done.created_accounts, done.processed) == (600, 600)
    assert CohortMembership.objects.filter(cohort=cohort).count() == 600


def test_a_reminder_delivered_twice_is_sent_once(worker, cohort, trainees):
    for trainee in trainees:
        membership_add(cohort=cohort, learner=trainee, source="trainer")
    reminder = reminder_send(cohort=cohort, learners=trainees, message="Маргааш уулзана.", by=cohort.lead_trainer)
    send_reminder.delay(reminder.pk)  # a redelivery, on top of the one sent on commit
    queues = worker()
    wait_for(lambda: Reminder.objects.get(pk=reminder.pk).sent_at is not None)
    sent_at = Reminder.objects.get(pk=reminder.pk).sent_at
    wait_until_done(queues)
    assert Reminder.objects.get(pk=reminder.pk).sent_at == sent_at
