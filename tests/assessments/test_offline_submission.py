"""A quiz answered offline: the page's script sends the answers it kept with the submission, once
the connection returns, perhaps more than once. The server's clock decides what counts."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Attempt, AttemptAnswer
from assessments.services import answer_save, attempt_start
from tests.factories import UserFactory, add_quiz

from .test_attempts import SECRETS, qid

pytestmark = pytest.mark.django_db


def _submit(client, attempt_id, answers=None, learner=None):
    headers = {"HTTP_X_CASCADE_LEARNER": str(learner.pk)} if learner is not None else {}
    body = json.dumps({"answers": answers}) if answers is not None else ""
    return client.post(f"/api/v1/attempts/{attempt_id}/submit", body, content_type="application/json", **headers)


def test_answers_sent_with_the_submission_are_saved_and_marked(client, learner, quiz, bank):
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {qid(bank, "single"): {"choice": "s-right"}, qid(bank, "short"): {"text": "Палермо"}}
    response = _submit(client, attempt.pk, answers, learner)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "submitted"
    assert body["answers_ignored"] == [] and body["late"] is False
    assert body["result"]["score"] == "1.500"
    assert set(body["answers"]) == set(answers)


def test_a_submission_replayed_leaves_one_submitted_attempt_and_the_same_result(client, learner, quiz, bank):
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    first = _submit(client, attempt.pk, {qid(bank, "single"): {"choice": "s-right"}}, learner)
    # The queue sends it again (a lost answer, two tabs), now with another answer: nothing changes.
    again = _submit(client, attempt.pk, {qid(bank, "single"): {"choice": "s-wrong"}}, learner)
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json()["result"] == again.json()["result"]
    assert again.json()["answers_ignored"] == [qid(bank, "single")]
    assert Attempt.objects.filter(learner=learner).count() == 1
    assert Attempt.objects.get(learner=learner).state == Attempt.State.SUBMITTED
    assert AttemptAnswer.objects.get(attempt=attempt, slot=1).response == {"choice": "s-right"}


def test_answers_arriving_after_the_deadline_are_ignored_and_what_was_saved_before_is_marked(
    client, learner, course, bank
):
    quiz = add_quiz(course, [bank["single"], bank["short"]], time_limit_minutes=10, slug="timed")
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-wrong"})
    deadline = timezone.now() - timedelta(seconds=5)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=deadline)
    # Answered on the device after the time ran out, and sent once the connection returned.
    late_answers = {qid(bank, "single"): {"choice": "s-right"}, qid(bank, "short"): {"text": "Палермо"}}
    response = _submit(client, attempt.pk, late_answers, learner)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["late"] is True
    assert sorted(body["answers_ignored"]) == sorted(late_answers)
    assert body["result"]["score"] == "0.000"
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.submitted_at == deadline
    assert attempt.score == Decimal(0)
    assert AttemptAnswer.objects.get(attempt=attempt, slot=1).response == {"choice": "s-wrong"}
    assert AttemptAnswer.objects.get(attempt=attempt, slot=2).response is None


def test_a_submission_of_another_learner_on_the_same_device_is_refused(client, learner, quiz, bank):
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    other = UserFactory()
    response = _submit(client, attempt.pk, {qid(bank, "single"): {"choice": "s-right"}}, other)
    assert response.status_code == 409
    assert response.json()["code"] == "other_learner"
    attempt.refresh_from_db()
    assert attempt.is_open and not attempt.answers.exists()


def test_an_answer_the_question_cannot_take_is_left_out_and_the_rest_is_submitted(client, learner, quiz, bank):
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {qid(bank, "single"): {"choice": "nonsense"}, qid(bank, "short"): {"text": "Палермо"}}
    body = _submit(client, attempt.pk, answers, learner).json()
    assert body["state"] == "submitted"
    assert body["answers_ignored"] == [qid(bank, "single")]
    assert body["result"]["score"] == "0.500"


def test_the_page_of_an_attempt_in_progress_kept_for_offline_tells_nothing_of_the_marks(client, learner, quiz, bank):
    """The page is stored on the device to be answered offline: it must hold no right answer,
    mark or feedback."""
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    page = client.get(f"/mn/learning/attempts/{attempt.pk}/").content.decode()
    assert "data-offline-attempt" in page
    for secret in ("Зөв: нээлттэй", "Энэ бол чиглүүлсэн", "Палермогийн протокол", "fraction", "general_feedback"):
        assert secret not in page, secret
    assert not [secret for secret in SECRETS if f'"{secret}"' in page]


def test_a_page_that_shows_a_checked_answers_feedback_is_not_kept_nor_a_submitted_attempts(
    client, learner, course, bank
):
    from assessments.services import answer_check, attempt_submit

    immediate = add_quiz(course, bank.values(), slug="immediate", feedback_policy="immediate")
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=immediate)
    address = f"/mn/learning/attempts/{attempt.pk}/"
    assert "data-offline-attempt" in client.get(address).content.decode()
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    answer_check(attempt=attempt, question_id=qid(bank, "single"))
    page = client.get(address).content.decode()
    assert "Зөв: нээлттэй" in page  # the feedback the learner asked for, on the page as served
    assert "data-offline-attempt" not in page
    attempt_submit(attempt=attempt)
    page = client.get(address).content.decode()
    assert "data-offline-attempt" not in page and f'data-attempt-done="{attempt.pk}"' in page
