"""Immediate feedback: the learner checks one answer at a time. Checking makes that answer final;
only then are its mark and feedback shown, and nothing about any other question (architecture
§4.3, held question by question)."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Attempt, AttemptAnswer, QuizPage
from tests.factories import add_quiz

pytestmark = pytest.mark.django_db

# Feedback and right answers of the questions not checked: none of it may be in any response.
OTHER_SECRETS = ("Зөв: нээлттэй", "Палермогийн протокол", "fraction")


def qid(bank, name) -> str:
    return str(bank[name].translation_key)


@pytest.fixture
def immediate(course, bank):
    return add_quiz(course, bank.values(), slug="immediate", pass_mark=Decimal(50), feedback_policy="immediate")


def _start(client, quiz) -> dict:
    return client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()


def _save(client, attempt: dict, question: str, response: dict):
    return client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{question}",
        json.dumps({"response": response}),
        content_type="application/json",
    )


def _check(client, attempt: dict, question: str):
    return client.post(f"/api/v1/attempts/{attempt['id']}/answers/{question}/check")


def test_a_checked_answer_shows_its_own_mark_and_feedback_and_nothing_else(client, learner, immediate, bank):
    client.force_login(learner)
    attempt = _start(client, immediate)
    assert attempt["checked"] == {}
    _save(client, attempt, qid(bank, "single"), {"choice": "s-wrong"})
    _save(client, attempt, qid(bank, "short"), {"text": "Палермо"})
    before = client.get(f"/api/v1/attempts/{attempt['id']}").content.decode()
    assert "Энэ бол чиглүүлсэн асуулт." not in before  # saved, not checked: no feedback yet

    checked = _check(client, attempt, qid(bank, "single"))
    assert checked.status_code == 200
    assert checked.json()["mark"] == "0.000" and "Энэ бол чиглүүлсэн асуулт." in checked.json()["feedback"]

    body = client.get(f"/api/v1/attempts/{attempt['id']}")
    assert list(body.json()["checked"]) == [qid(bank, "single")]
    for secret in OTHER_SECRETS:
        assert secret not in body.content.decode(), secret


def test_a_checked_answer_cannot_change(client, learner, immediate, bank):
    client.force_login(learner)
    attempt = _start(client, immediate)
    _save(client, attempt, qid(bank, "single"), {"choice": "s-wrong"})
    _check(client, attempt, qid(bank, "single"))
    changed = _save(client, attempt, qid(bank, "single"), {"choice": "s-right"})
    assert changed.status_code == 400 and changed.json()["code"] == "checked"
    assert AttemptAnswer.objects.get(slot=1).response == {"choice": "s-wrong"}
    # Checking again changes nothing either.
    assert _check(client, attempt, qid(bank, "single")).json()["mark"] == "0.000"


@pytest.mark.parametrize(
    ("question", "code"),
    [("multiple", "unanswered"), ("essay", "not_checkable"), ("not-in-this-attempt", "unknown_question")],
)
def test_what_cannot_be_checked_is_refused_and_marks_nothing(client, learner, immediate, bank, question, code):
    client.force_login(learner)
    attempt = _start(client, immediate)
    _save(client, attempt, qid(bank, "essay"), {"text": "Хариулт"})
    response = _check(client, attempt, qid(bank, question) if question in bank else question)
    assert response.status_code == 400 and response.json()["code"] == code
    assert not AttemptAnswer.objects.filter(checked_at__isnull=False).exists()


def test_a_quiz_with_feedback_after_submission_refuses_checking(client, learner, quiz, bank):
    assert quiz.feedback_policy == QuizPage.FeedbackPolicy.AFTER_SUBMISSION
    client.force_login(learner)
    attempt = _start(client, quiz)
    _save(client, attempt, qid(bank, "single"), {"choice": "s-right"})
    response = _check(client, attempt, qid(bank, "single"))
    assert response.status_code == 400 and response.json()["code"] == "not_immediate"
    assert "Зөв: нээлттэй" not in client.get(f"/api/v1/attempts/{attempt['id']}").content.decode()


def test_someone_else_cannot_check_a_learners_answer(client, learner, immediate, bank):
    from tests.factories import UserFactory

    client.force_login(learner)
    attempt = _start(client, immediate)
    _save(client, attempt, qid(bank, "single"), {"choice": "s-right"})
    client.force_login(UserFactory())
    assert _check(client, attempt, qid(bank, "single")).status_code == 404
    assert not AttemptAnswer.objects.filter(checked_at__isnull=False).exists()


def test_the_submitted_score_counts_the_checked_answers_as_checked(client, learner, immediate, bank):
    client.force_login(learner)
    attempt = _start(client, immediate)
    _save(client, attempt, qid(bank, "single"), {"choice": "s-right"})
    _save(client, attempt, qid(bank, "short"), {"text": "Палермо"})
    _check(client, attempt, qid(bank, "single"))
    _check(client, attempt, qid(bank, "short"))
    _save(client, attempt, qid(bank, "essay"), {"text": "Хариулт"})
    result = client.post(f"/api/v1/attempts/{attempt['id']}/submit").json()
    assert result["state"] == "submitted"
    assert [a.mark for a in AttemptAnswer.objects.filter(slot__in=[1, 3]).order_by("slot")] == [
        Decimal("1.000"),
        Decimal("0.500"),
    ]


def test_the_attempt_page_checks_one_question_and_shows_its_feedback(client, learner, immediate, bank):
    client.force_login(learner)
    attempt = _start(client, immediate)
    url = reverse("attempt", args=[attempt["id"]])
    page = client.get(url).content.decode()
    assert page.count('name="check"') == 3  # every question but the essay
    response = client.post(url, {f"q-{qid(bank, 'single')}": "s-wrong", "check": qid(bank, "single")})
    assert response.status_code == 302 and response["Location"].endswith("#question-1")
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "Энэ бол чиглүүлсэн асуулт." in page
    assert page.count('name="check"') == 2
    # The checked question's choices are disabled; sending another answer anyway changes nothing.
    client.post(url, {f"q-{qid(bank, 'single')}": "s-right", "action": "save"})
    assert Attempt.objects.get().answers.get(slot=1).response == {"choice": "s-wrong"}
