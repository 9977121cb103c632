"""The quiz page and submitting an attempt cost a fixed number of queries, whatever the number of questions."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.formats import base as formats
from assessments.services import answer_save, attempt_start, attempt_submit
from tests.factories import add_quiz, choice, question

pytestmark = pytest.mark.django_db

QUIZ_PAGE_QUERIES = 4
# The person and the attempt; then, in one transaction (two statements of its own): the attempt
# locked, its answers, the marks of those answered, rows for the blank ones, the result; and the
# answers for the reply. The quiz's page (may it be seen, is it a pre- or post-test) comes from the
# page tree's cache. It was up to 14 before: the quiz read again, the answers read with two joins for
# the model's order, the questions written back with the result.
SUBMIT_QUERIES = 10


def _questions(count: int, prefix: str):
    return [
        question(
            formats.SINGLE_CHOICE,
            f"{prefix} асуулт {n}",
            [choice("Тийм", "1", block_id=f"{prefix}-{n}-a"), choice("Үгүй", "0", block_id=f"{prefix}-{n}-b")],
        )
        for n in range(count)
    ]


@pytest.fixture
def quizzes(course):
    return [add_quiz(course, _questions(size, f"q{size}"), slug=f"quiz-{size}") for size in (10, 50)]


def _count(client, method, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def test_the_quiz_page_costs_the_same_with_10_and_50_questions(client, learner, quizzes, django_assert_max_num_queries):
    client.force_login(learner)
    counts = []
    for quiz in quizzes:
        attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz))
        cache.clear()
        client.get(quiz.url)
        counts.append(_count(client, "get", quiz.url))
        with django_assert_max_num_queries(QUIZ_PAGE_QUERIES):
            client.get(quiz.url)
    assert counts[0] == counts[1], counts


def test_submitting_costs_the_same_with_10_and_50_questions(client, learner, quizzes, django_assert_max_num_queries):
    client.force_login(learner)
    counts = []
    for quiz in quizzes:
        attempt = attempt_start(learner=learner, quiz=quiz)
        for entry in attempt.snapshot[:5]:  # some answered, the rest left blank
            answer_save(attempt=attempt, question_id=entry["id"], response={"choice": entry["answers"][0]["id"]})
        client.get(quiz.url)  # warm the caches shared by every request
        with django_assert_max_num_queries(SUBMIT_QUERIES):
            counts.append(_count(client, "post", f"/api/v1/attempts/{attempt.pk}/submit"))
    assert counts[0] == counts[1], counts
