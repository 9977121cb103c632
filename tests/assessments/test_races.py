"""What a dropped connection, a double click or two tabs do at the same moment (PostgreSQL: SQLite
serialises writers, so there is no race to lose there)."""

import threading

import pytest
from django.db import connection

from assessments.models import Attempt, AttemptAnswer
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_together(count: int, work) -> list[Exception]:
    errors: list[Exception] = []
    barrier = threading.Barrier(count)

    def run():
        try:
            barrier.wait()
            work()
        except Exception as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def setting(course, bank):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    return learner, add_quiz(course, bank.values())


def test_twenty_parallel_submits_give_one_marked_attempt(setting, bank):
    learner, quiz = setting
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=str(bank["single"].translation_key), response={"choice": "s-right"})
    results = []
    errors = run_together(20, lambda: results.append(attempt_submit(attempt=attempt)))
    assert not errors
    assert {(r.score, r.percent, r.submitted_at) for r in results} == {
        (results[0].score, results[0].percent, results[0].submitted_at)
    }
    assert Attempt.objects.get().state == Attempt.State.SUBMITTED
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == len(attempt.snapshot)


def test_racing_starts_give_one_attempt_in_progress(setting):
    learner, quiz = setting
    started = []
    errors = run_together(10, lambda: started.append(attempt_start(learner=learner, quiz=quiz).pk))
    assert not errors
    assert len(set(started)) == 1
    assert Attempt.objects.filter(state=Attempt.State.IN_PROGRESS).count() == 1


def test_of_twenty_parallel_starts_through_the_api_only_the_one_that_created_the_attempt_answers_201(setting):
    from django.test import Client

    learner, quiz = setting
    statuses = []

    def start():
        client = Client()
        client.force_login(learner)
        statuses.append(client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").status_code)

    errors = run_together(20, start)
    assert not errors
    assert sorted(statuses) == [200] * 19 + [201]
    assert Attempt.objects.filter(state=Attempt.State.IN_PROGRESS).count() == 1
