"""With the Celery broker unreachable (the cache and the database fine), what a learner does is
saved and answered as usual: the certificate waits, pending, for the periodic sweep."""

import pytest
from kombu.exceptions import OperationalError

from certificates.models import Certificate
from certificates.tasks import render_certificate
from courses.models import Enrolment
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to localhost:1. Connection refused.")

    monkeypatch.setattr(render_certificate, "delay", refuse)
    monkeypatch.setattr(render_certificate, "apply_async", refuse)


def test_completing_the_last_lesson_while_the_broker_is_down_answers_json_and_saves_the_completion(
    client, django_capture_on_commit_callbacks, broker_down, rule, course, learner
):
    client.force_login(learner)
    *first, last = lessons_of(course)
    for lesson in first:
        assert client.post(f"/api/v1/lessons/{lesson.pk}/complete").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/lessons/{last.pk}/complete")
    assert response.status_code == 200, response.content
    assert response.json()["course_completed"] is True
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    # Recorded as due; the sweep renders it once the broker is back.
    assert Certificate.objects.get(learner=learner).state == Certificate.State.PENDING


def test_an_unexpected_failure_in_an_api_endpoint_answers_the_api_error_shape_not_an_html_page(
    client, monkeypatch, course, learner
):
    import courses.api

    def fail(**kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(courses.api, "lesson_completion", fail)
    client.raise_request_exception = False
    client.force_login(learner)
    response = client.post(f"/api/v1/lessons/{lessons_of(course)[0].pk}/complete")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "server_error"
    assert response.json()["detail"]


def test_passing_the_post_test_while_the_broker_is_down_answers_json_and_saves_the_attempt(
    client, django_capture_on_commit_callbacks, broker_down, course, learner
):
    from decimal import Decimal

    from assessments.formats import base as formats
    from assessments.models import Attempt, QuizPage
    from assessments.selectors import right_answer
    from tests.factories import add_quiz, choice, complete, make_rule, question

    item = question(formats.SINGLE_CHOICE, "Эхэнд юу хийх вэ?", [choice("Аюулгүй орчин", 1), choice("Асуулт", 0)])
    post_test = add_quiz(
        course, [item], role=QuizPage.Role.POST_TEST, required=False, pass_mark=Decimal(50), slug="post"
    )
    make_rule(course, requires_post_test=True)
    complete(learner, course)
    client.force_login(learner)
    attempt = client.post(f"/api/v1/quizzes/{post_test.pk}/attempts").json()
    entry = Attempt.objects.get(pk=attempt["id"]).snapshot[0]
    saved = client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{entry['id']}",
        {"response": {"choice": right_answer(entry)}},
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/attempts/{attempt['id']}/submit")
    assert response.status_code == 200, response.content
    assert response.json()["result"]["passed"] is True
    assert Attempt.objects.get(pk=attempt["id"]).state == Attempt.State.SUBMITTED
    assert Certificate.objects.get(learner=learner).state == Certificate.State.PENDING
