"""/api/v1: my courses, a course's structure, completing a lesson; by session or by token."""

import pytest
from wagtail.models import APIToken

from courses.models import LessonProgress
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def test_completing_in_mongolian_shows_in_my_courses_with_the_right_percent(client, learner, mn_lessons):
    client.force_login(learner)
    response = client.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete")
    assert response.status_code == 200
    assert response.json()["course_percent"] == 25
    mine = client.get("/api/v1/me/courses?lang=en").json()
    assert mine[0]["percent"] == 25
    assert mine[0]["language"] == "en"
    assert mine[0]["next_lesson"]["title"] == "Lesson 1.2"


def test_completing_by_either_languages_id_is_idempotent(client, learner, mn_lessons, en_lessons):
    client.force_login(learner)
    first = client.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete").json()
    second = client.post(f"/api/v1/lessons/{en_lessons[0].pk}/complete").json()
    assert first == second
    assert LessonProgress.objects.count() == 1


def test_the_course_structure_comes_in_the_requested_language(client, learner, course, mn_lessons):
    client.force_login(learner)
    english = client.get(f"/api/v1/courses/{course.pk}", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["language"] == "en"
    assert english["modules"][0]["lessons"][0]["title"] == "Lesson 1.1"
    mongolian = client.get(f"/api/v1/courses/{course.pk}?lang=mn").json()
    assert mongolian["modules"][0]["lessons"][0]["title"] == "Хичээл 1.1"
    assert english["key"] == mongolian["key"]


def test_completing_without_an_enrolment_is_refused_with_a_translated_reason(client, mn_lessons):
    client.force_login(UserFactory())
    response = client.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete?lang=mn")
    assert response.status_code == 400
    assert "бүртгүүл" in response.json()["detail"].lower()
    assert not LessonProgress.objects.exists()


def test_an_unknown_lesson_is_404(client, learner):
    client.force_login(learner)
    assert client.post("/api/v1/lessons/999999/complete").status_code == 404


def test_a_personal_token_works_without_a_session(client, learner, mn_lessons):
    from django.test import Client

    _token, secret = APIToken.create_token(user=learner, name="phone")
    phone = Client(enforce_csrf_checks=True)  # an app has no CSRF cookie: its token is not sent by a browser
    response = phone.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").json()["email"] == learner.email


def test_a_revoked_token_is_refused(client, learner):
    token, secret = APIToken.create_token(user=learner, name="lost phone")
    token.revoke()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_the_browser_session_needs_the_csrf_token_to_write(learner, mn_lessons):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    assert browser.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete").status_code == 403
    assert not LessonProgress.objects.exists()


def test_a_forged_token_next_to_the_session_does_not_skip_the_csrf_check(learner, mn_lessons):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    response = browser.post(f"/api/v1/lessons/{mn_lessons[0].pk}/complete", HTTP_AUTHORIZATION="Bearer forged")
    assert response.status_code in (401, 403)
    assert not LessonProgress.objects.exists()


def test_nothing_is_answered_to_anonymous_callers(client, course, mn_lessons):
    assert client.get("/api/v1/me/courses").status_code == 401
    assert client.get(f"/api/v1/courses/{course.pk}").status_code == 401
    assert client.post(f"/api/v1/lessons/{lessons_of(course)[0].pk}/complete").status_code == 401
