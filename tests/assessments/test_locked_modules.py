"""In a course whose modules open in order, a locked module's lessons and quiz are closed on every
way in, not only on its pages: completing a lesson, saving a reflection, starting the quiz, saving
answers and submitting, through the API and through the form posts."""

import json

import pytest
from django.urls import reverse

from assessments.models import Attempt, AttemptAnswer, QuizPage
from assessments.services import attempt_start
from courses.models import CoursePage, LessonProgress, ModulePage, Reflection
from courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, choice, lessons_of, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    """Two modules of one lesson each, in order; the second module also holds a quiz."""
    course = build_course(modules=2, lessons=1, sequential=True, slug="in-order")
    second = ModulePage.objects.child_of(course).order_by("path").last()
    item = question(
        "single_choice", "Аль нь зөв бэ?", [choice("Тийм", "1", block_id="lk-a"), choice("Үгүй", "0", block_id="lk-b")]
    )
    quiz = QuizPage(
        title="Модулийн сорил",
        slug="module-quiz",
        questions=[{"type": "question", "value": {"question": item.pk, "mark": None}}],
    )
    second.add_child(instance=quiz)
    quiz.save_revision().publish()
    return course


@pytest.fixture
def quiz(course):
    return QuizPage.objects.descendant_of(course).get()


@pytest.fixture
def learner(course):
    person = UserFactory()
    enrolment_create(learner=person, course=course)
    return person


@pytest.fixture
def locked_lesson(course):
    return lessons_of(course)[1]


@pytest.fixture
def open_attempt(course, quiz, learner):
    """An attempt in the second module, started while the course let modules open in any order
    (or before every way in was checked), then the order switched on."""
    CoursePage.objects.filter(pk=course.pk).update(sequential=False)
    _forget_pages()
    attempt = attempt_start(learner=learner, quiz=quiz)
    CoursePage.objects.filter(pk=course.pk).update(sequential=True)
    _forget_pages()
    return attempt


def _forget_pages():
    from courses import page_cache

    page_cache.upper_changed()  # the course itself changed


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_completing_a_locked_lesson_through_the_api_is_refused_with_409(client, learner, locked_lesson):
    client.force_login(learner)
    response = client.post(f"/api/v1/lessons/{locked_lesson.pk}/complete")
    assert response.status_code == 409
    assert response.json()["code"] == "locked"
    assert "Модуль 1" in response.json()["detail"]  # says which module to complete first
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_completing_a_locked_lesson_in_english_through_the_api_is_refused(client, learner, course):
    client.force_login(learner)
    english = lessons_of(course, "en")[1]
    assert client.post(f"/api/v1/lessons/{english.pk}/complete?lang=en").status_code == 409
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_completing_a_locked_lesson_through_the_form_post_is_refused_with_a_message(client, learner, locked_lesson):
    client.force_login(learner)
    response = client.post(reverse("lesson_complete", args=[locked_lesson.pk]), follow=True)
    assert response.status_code == 200
    assert any("Модуль 1" in message for message in _messages(response))
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_saving_a_reflection_in_a_locked_lesson_is_refused(client, learner, locked_lesson):
    client.force_login(learner)
    client.post(reverse("reflection_save", args=[locked_lesson.pk, "reflect-1"]), {"text": "Миний бодол"})
    assert not Reflection.objects.exists()


def test_starting_a_locked_quiz_through_the_api_is_refused_with_409(client, learner, quiz):
    client.force_login(learner)
    response = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 409
    assert response.json()["code"] == "locked"
    assert not Attempt.objects.exists()


def test_starting_a_locked_quiz_through_the_form_post_is_refused_with_a_message(client, learner, quiz):
    client.force_login(learner)
    response = client.post(reverse("quiz_start", args=[quiz.pk]), follow=True)
    assert any("Модуль 1" in message for message in _messages(response))
    assert not Attempt.objects.exists()


def test_answers_to_an_attempt_in_a_locked_module_are_refused_through_the_api(client, learner, open_attempt):
    client.force_login(learner)
    entry = open_attempt.snapshot[0]
    saved = client.put(
        f"/api/v1/attempts/{open_attempt.pk}/answers/{entry['id']}",
        json.dumps({"response": {"choice": "lk-a"}}),
        content_type="application/json",
    )
    assert saved.status_code == 409 and saved.json()["code"] == "locked"
    submitted = client.post(f"/api/v1/attempts/{open_attempt.pk}/submit")
    assert submitted.status_code == 409 and submitted.json()["code"] == "locked"
    assert not AttemptAnswer.objects.exists()
    open_attempt.refresh_from_db()
    assert open_attempt.is_open


def test_answers_to_an_attempt_in_a_locked_module_are_refused_through_the_page(client, learner, open_attempt):
    client.force_login(learner)
    entry = open_attempt.snapshot[0]
    page = reverse("attempt", args=[open_attempt.pk])
    response = client.post(page, {f"q-{entry['id']}": "lk-a", "action": "submit"}, follow=True)
    assert any("Модуль 1" in message for message in _messages(response))
    response = client.post(reverse("attempt_submit", args=[open_attempt.pk]), follow=True)
    assert any("Модуль 1" in message for message in _messages(response))
    assert not AttemptAnswer.objects.exists()
    open_attempt.refresh_from_db()
    assert open_attempt.is_open


def test_once_the_module_before_is_complete_every_way_opens(client, learner, course, quiz, locked_lesson):
    lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)
    assert client.post(f"/api/v1/lessons/{locked_lesson.pk}/complete").status_code == 200
    attempt = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    entry = attempt["questions"][0]
    saved = client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{entry['id']}",
        json.dumps({"response": {"choice": "lk-a"}}),
        content_type="application/json",
    )
    assert saved.status_code == 200
    assert client.post(f"/api/v1/attempts/{attempt['id']}/submit").json()["result"]["passed"]


def test_a_course_whose_modules_open_in_any_order_refuses_nothing(client, learner, course, locked_lesson, quiz):
    CoursePage.objects.filter(pk=course.pk).update(sequential=False)
    _forget_pages()
    client.force_login(learner)
    assert client.post(f"/api/v1/lessons/{locked_lesson.pk}/complete").status_code == 200
    assert client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").status_code == 201
