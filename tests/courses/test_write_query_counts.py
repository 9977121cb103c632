"""The two writes a learner sends most, completing a lesson and saving an answer, cost a fixed
number of queries whatever the size of the course or the quiz: under load they are a third of all
requests, and each query is a round trip a hall of trainees waits on."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.formats import base as formats
from assessments.services import attempt_start
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz, build_course, choice, lessons_of, question

pytestmark = pytest.mark.django_db

# The person; then, in one transaction (two statements of its own) under the enrolment's lock: the
# enrolment, the completed lessons, the lesson's progress, its completion, the enrolment's place.
# The lesson's page comes from the page tree's cache once anyone has completed it. It was 15 before
# the completed lessons were read once, 9 while the page was read every time.
COMPLETE_QUERIES = 8
# The person and the attempt; then, in one transaction (two statements of its own) under the
# attempt's lock: the attempt's state and deadline, and the answer written in one statement (saved
# before, as an answer is at every change). The quiz's page comes from the page tree's cache. It
# was 14 while a transaction of its own looked for a time limit passed first, 8 while the quiz
# page, the whole attempt and the answer were read again.
SAVE_ANSWER_QUERIES = 6


def _count(client, method: str, url: str, **kwargs) -> int:
    """Queries for one request; the first of a test also fills the page tree's caches, so the
    counts compared are the second's."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.fixture
def small_and_large():
    return [
        build_course(slug="small", modules=2, lessons=3, translate=False),
        build_course(slug="large", modules=6, lessons=10, translate=False),
    ]


def test_completing_a_lesson_costs_the_same_queries_whatever_the_course(client, small_and_large):
    counts = []
    for course in small_and_large:
        for _learner in range(2):  # the first learner fills the page tree's caches for the lessons
            learner = UserFactory()
            enrolment_create(learner=learner, course=course)
            client.force_login(learner)
            for opened in lessons_of(course)[:2]:
                client.get(opened.url)  # opened first, as a learner does: its progress row exists
            _count(client, "post", f"/api/v1/lessons/{lessons_of(course)[0].pk}/complete")
            queries = _count(client, "post", f"/api/v1/lessons/{lessons_of(course)[1].pk}/complete")
        counts.append(queries)
    assert counts[0] == counts[1], counts
    assert counts[0] <= COMPLETE_QUERIES, counts


def test_saving_an_answer_costs_the_same_queries_whatever_the_quiz(client, small_and_large):
    counts = []
    for size, course in zip((2, 12), small_and_large, strict=True):
        questions = [
            question(
                formats.SINGLE_CHOICE,
                f"Асуулт {n}?",
                [choice("Тийм", "1", "", f"{course.slug}-{n}-y"), choice("Үгүй", "0", "", f"{course.slug}-{n}-n")],
                name=f"{course.slug}-{n}",
            )
            for n in range(size)
        ]
        quiz = add_quiz(course, questions)
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
        attempt = attempt_start(learner=learner, quiz=quiz)
        client.force_login(learner)
        entry = attempt.snapshot[0]
        url = f"/api/v1/attempts/{attempt.pk}/answers/{entry['id']}"
        body = {"response": {"choice": entry["answers"][0]["id"]}}
        _count(client, "put", url, data=json.dumps(body), content_type="application/json")
        counts.append(_count(client, "put", url, data=json.dumps(body), content_type="application/json"))
    assert counts[0] == counts[1], counts
    assert counts[0] <= SAVE_ANSWER_QUERIES, counts


# The person, the enrolment, the completed lessons, the progress row written in one statement
# (inserted the first time, moved after), the enrolment's place, the learner's reflections. A first
# opening took 15 while the row was looked for before it was made.
FIRST_OPENING_QUERIES = 6


def test_opening_a_lesson_for_the_first_time_costs_the_same_queries_whatever_the_course(client, small_and_large):
    counts = []
    for course in small_and_large:
        lesson = lessons_of(course)[1]
        for _learner in range(2):  # the first learner fills the page tree's caches for the lesson
            learner = UserFactory()
            enrolment_create(learner=learner, course=course)
            client.force_login(learner)
            client.get(lessons_of(course)[0].url)
            queries = _count(client, "get", lesson.url)
        counts.append(queries)
    assert counts[0] == counts[1], counts
    assert counts[0] <= FIRST_OPENING_QUERIES, counts
