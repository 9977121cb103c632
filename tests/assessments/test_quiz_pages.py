"""The quiz as a learner uses it in the browser, without JavaScript: start, answer page by page,
submit, read the result."""

import pytest
from django.urls import reverse

from assessments.models import Attempt, AttemptAnswer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_quiz_page_shows_the_rules_and_a_start_button(client, learner, quiz):
    client.force_login(learner)
    page = client.get(quiz.url).content.decode()
    assert "50%" in page  # the pass mark
    assert reverse("quiz_start", args=[quiz.pk]) in page


def test_a_learner_answers_page_by_page_and_sees_the_result(client, learner, quiz, bank):
    quiz.questions_per_page = 2
    quiz.save_revision().publish()
    client.force_login(learner)
    response = client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get()
    assert response["Location"] == reverse("attempt", args=[attempt.pk])

    first_page = client.get(response["Location"]).content.decode()
    assert "Аль нь нээлттэй асуулт вэ?" in first_page
    assert "Зөв: нээлттэй асуулт." not in first_page  # no feedback before submission
    single, multiple = (str(bank[name].translation_key) for name in ("single", "multiple"))
    client.post(
        response["Location"] + "?page=1", {f"q-{single}": "s-right", f"q-{multiple}": ["m-a", "m-b"], "action": "next"}
    )
    short, essay = (str(bank[name].translation_key) for name in ("short", "essay"))
    client.post(
        response["Location"] + "?page=2",
        {f"q-{short}": "Палермогийн протокол", f"q-{essay}": "<b>Тайван</b> өрөө", "action": "submit"},
    )
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.needs_grading  # the essay is waiting for a trainer
    result = client.get(response["Location"]).content.decode()
    assert "Зөв: нээлттэй асуулт." in result  # feedback, now that it is submitted
    assert "&lt;b&gt;Тайван&lt;/b&gt;" in result and "<b>Тайван</b>" not in result  # the essay is escaped


def test_a_wrongly_shaped_answer_is_refused_with_a_message_and_not_saved(client, learner, quiz, bank):
    client.force_login(learner)
    client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get()
    single = str(bank["single"].translation_key)
    response = client.post(
        reverse("attempt", args=[attempt.pk]), {f"q-{single}": "forged", "action": "next"}, follow=True
    )
    assert not AttemptAnswer.objects.exists()
    assert any(
        "хариулт" in str(message).lower() or "answer" in str(message).lower()
        for message in response.context["messages"]
    )


def test_someone_else_cannot_open_the_attempt(client, learner, quiz):
    client.force_login(learner)
    client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get()
    client.force_login(UserFactory())
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("attempt_submit", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open


def test_signed_out_visitors_are_sent_to_sign_in(client, quiz):
    assert client.post(reverse("quiz_start", args=[quiz.pk])).status_code == 302
    assert "/accounts/login/" in client.post(reverse("quiz_start", args=[quiz.pk]))["Location"]


@pytest.fixture
def submitted_essay(learner, quiz, bank):
    from assessments.services import answer_save, attempt_start, attempt_submit

    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(
        attempt=attempt, question_id=str(bank["essay"].translation_key), response={"text": "<i>Миний</i> бодол"}
    )
    return attempt_submit(attempt=attempt)


def test_an_administrator_marks_a_waiting_essay_from_the_queue(client, submitted_essay):
    from tests.factories import with_totp

    client.force_login(with_totp(UserFactory(roles=["admin"])))
    queue = client.get(reverse("marking_queue"))
    answer = AttemptAnswer.objects.get(attempt=submitted_essay, mark__isnull=True)
    assert reverse("mark_answer", args=[answer.pk]) in queue.content.decode()
    page = client.get(reverse("mark_answer", args=[answer.pk])).content.decode()
    assert "&lt;i&gt;Миний&lt;/i&gt;" in page  # the learner's text, escaped
    too_high = client.post(reverse("mark_answer", args=[answer.pk]), {"mark": "5", "comment": ""})
    assert too_high.status_code == 200
    answer.refresh_from_db()
    assert answer.mark is None
    client.post(reverse("mark_answer", args=[answer.pk]), {"mark": "1.5", "comment": "Сайн"})
    submitted_essay.refresh_from_db()
    assert not submitted_essay.needs_grading and submitted_essay.percent is not None


@pytest.mark.parametrize("role", ["learner", "trainer", "coordinator", "editor"])
def test_only_administrators_and_the_learners_own_trainers_mark(client, submitted_essay, role):
    """A trainer has a marking queue, but it holds only their own trainees' answers."""
    from tests.factories import with_totp

    person = UserFactory(roles=[role])
    client.force_login(with_totp(person) if role in ("coordinator", "editor") else person)
    answer = AttemptAnswer.objects.get(attempt=submitted_essay, mark__isnull=True)
    queue = client.get(reverse("marking_queue"))
    if role == "trainer":
        assert queue.status_code == 200
        assert reverse("mark_answer", args=[answer.pk]) not in queue.content.decode()
    else:
        assert queue.status_code == 404
    assert client.post(reverse("mark_answer", args=[answer.pk]), {"mark": "2"}).status_code == 404
    answer.refresh_from_db()
    assert answer.mark is None


def test_nobody_marks_their_own_attempt(client, learner, submitted_essay):
    from accounts.services import role_grant
    from tests.factories import with_totp

    role_grant(user=learner, role="admin")
    client.force_login(with_totp(learner))
    answer = AttemptAnswer.objects.get(attempt=submitted_essay, mark__isnull=True)
    assert client.post(reverse("mark_answer", args=[answer.pk]), {"mark": "2"}).status_code == 404
