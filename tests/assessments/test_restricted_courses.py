"""A course behind a Wagtail view restriction (a password, a group) shows nothing of itself through
the API or the form posts to someone its pages would refuse: no title, no summary, no module or
lesson, no quiz, no attempt. Every endpoint of the courses and quizzes API is walked."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from assessments.models import Attempt, AttemptAnswer
from assessments.services import attempt_start
from courses.models import LessonProgress, ModulePage
from lms.api import api
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db

SECRET_TITLES = ("Сургалт course", "Course course", "Модуль 1", "Module 1", "Хичээл 1.1", "Lesson 1.1", "Тойм")


def _english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def _restrict_course(course, kind: str) -> list[PageViewRestriction]:
    """Each language's page of a course is a page of its own: an editor closes both."""
    return [_restrict(course, kind), _restrict(_english(course), kind)]


def _restrict(page, kind: str) -> PageViewRestriction:
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="нууц"
        )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get_or_create(name="Хаалттай бүлэг")[0]])
    return restriction


@pytest.fixture
def attempt(learner, quiz):
    """Started before the course was closed."""
    return attempt_start(learner=learner, quiz=quiz)


def _endpoints(course, quiz, attempt) -> dict[tuple[str, str], tuple[str, dict | None]]:
    """Every operation of the courses and quizzes API, as (method, path template) → (address, body)."""
    english = _english(course)
    lesson = lessons_of(course)[0]
    question_id = attempt.snapshot[0]["id"]
    return {
        ("get", "/api/v1/me/courses"): ("/api/v1/me/courses", None),
        ("get", "/api/v1/courses/{course_id}"): (f"/api/v1/courses/{english.pk}?lang=en", None),
        ("get", "/api/v1/modules/{module_id}/offline"): (f"/api/v1/modules/{lesson.get_parent().pk}/offline", None),
        ("post", "/api/v1/lessons/{lesson_id}/complete"): (f"/api/v1/lessons/{lesson.pk}/complete", None),
        ("post", "/api/v1/lessons/{lesson_id}/heartbeat"): (f"/api/v1/lessons/{lesson.pk}/heartbeat", {"seconds": 30}),
        ("post", "/api/v1/quizzes/{quiz_id}/attempts"): (f"/api/v1/quizzes/{quiz.pk}/attempts", None),
        ("put", "/api/v1/attempts/{attempt_id}/answers/{question_id}"): (
            f"/api/v1/attempts/{attempt.pk}/answers/{question_id}",
            {"response": {"choice": "s-right"}},
        ),
        ("post", "/api/v1/attempts/{attempt_id}/answers/{question_id}/check"): (
            f"/api/v1/attempts/{attempt.pk}/answers/{question_id}/check",
            None,
        ),
        ("post", "/api/v1/attempts/{attempt_id}/submit"): (f"/api/v1/attempts/{attempt.pk}/submit", None),
        ("get", "/api/v1/attempts/{attempt_id}"): (f"/api/v1/attempts/{attempt.pk}", None),
    }


def _call(client, method: str, address: str, body: dict | None):
    if body is None:
        return getattr(client, method)(address)
    return getattr(client, method)(address, json.dumps(body), content_type="application/json")


def test_the_walk_covers_every_operation_of_the_courses_and_quizzes_api(course, quiz, attempt):
    schema = api.get_openapi_schema()
    operations = {
        (method, path)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if {"courses", "quizzes"} & set(operation.get("tags", []))
    }
    assert operations == set(_endpoints(course, quiz, attempt))


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_a_restricted_course_answers_404_on_every_endpoint_and_is_left_out_of_lists(
    client, learner, course, quiz, attempt, kind
):
    _restrict_course(course, kind)
    client.force_login(learner)
    for (method, template), (address, body) in _endpoints(course, quiz, attempt).items():
        response = _call(client, method, address, body)
        text = response.content.decode()
        if template == "/api/v1/me/courses":
            assert response.status_code == 200
            assert response.json() == [], text
        else:
            assert response.status_code == 404, (template, response.status_code, text[:200])
        assert not any(title in text for title in SECRET_TITLES), (template, text[:200])
    assert client.get(f"/api/v1/courses/{course.pk}").status_code == 404
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    assert not AttemptAnswer.objects.exists()
    assert Attempt.objects.get().is_open


def test_the_english_page_restricted_alone_is_not_shown_through_the_mongolian_id(client, learner, course):
    english = _english(course)
    _restrict(english, "password")
    client.force_login(learner)
    response = client.get(f"/api/v1/courses/{course.pk}?lang=en")
    assert response.status_code == 200
    assert response.json()["title"] == course.title  # the Mongolian page, which may be seen
    assert client.get(f"/api/v1/courses/{english.pk}?lang=en").status_code == 404


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_form_posts_into_a_restricted_course_answer_404(client, learner, course, quiz, attempt, kind):
    _restrict_course(course, kind)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    for address in (
        reverse("course_enrol", args=[course.pk]),
        reverse("lesson_complete", args=[lesson.pk]),
        reverse("reflection_save", args=[lesson.pk, "reflect-1"]),
        reverse("quiz_start", args=[quiz.pk]),
        reverse("attempt", args=[attempt.pk]),
        reverse("attempt_submit", args=[attempt.pk]),
    ):
        assert client.post(address, {"text": "бодол", "action": "submit"}).status_code == 404, address
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 404
    assert Attempt.objects.get().is_open


def test_the_course_opens_once_its_password_is_entered_in_the_session(client, learner, course, quiz):
    restrictions = _restrict_course(course, "password")
    client.force_login(learner)
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [r.pk for r in restrictions]
    session.save()
    detail = client.get(f"/api/v1/courses/{course.pk}")
    assert detail.status_code == 200 and detail.json()["title"] == course.title
    assert [entry["id"] for entry in client.get("/api/v1/me/courses").json()] == [course.pk]
    assert client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").status_code == 201


def test_a_member_of_the_group_sees_the_course(client, learner, course):
    restriction = _restrict(course, "groups")
    learner.groups.add(restriction.groups.get())
    client.force_login(learner)
    assert client.get(f"/api/v1/courses/{course.pk}").status_code == 200


def test_a_restricted_module_of_an_open_course_is_left_out_of_its_outline(client, learner, course):
    second = ModulePage.objects.child_of(course).order_by("path").last()
    _restrict(second, "groups")
    client.force_login(learner)
    modules = client.get(f"/api/v1/courses/{course.pk}").json()["modules"]
    assert [module["title"] for module in modules] == ["Модуль 1"]
    hidden = lessons_of(course)[-1]
    assert client.post(f"/api/v1/lessons/{hidden.pk}/complete").status_code == 404


def test_an_unpublished_course_is_404_and_left_out_of_my_courses(client, learner, course):
    course.unpublish()
    client.force_login(learner)
    assert client.get(f"/api/v1/courses/{course.pk}").status_code == 404
    assert [entry["id"] for entry in client.get("/api/v1/me/courses").json()] != [course.pk]
