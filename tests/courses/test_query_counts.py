"""The lesson and course pages cost a fixed number of queries, whatever the size of the course."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

# Budgets, for a signed-in learner with progress, once the page tree's facts are cached (the
# outline, the rendered lesson body, where an address leads, which pages are private). They do not
# grow with the course, cached or not.
LESSON_PAGE_QUERIES = 4
COURSE_PAGE_QUERIES = 3
# The first request for a lesson after it is published again: the route, the outline (with the pages
# standing in for a translation) and the body are worked out again; the upper tree's facts are kept.
LESSON_PAGE_AFTER_PUBLISH_QUERIES = 6


def _learner_in(course, done: int):
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    for lesson in lessons_of(course)[:done]:
        lesson_complete(learner=learner, lesson=lesson)
    return learner


def _count(client, url) -> tuple[int, int]:
    """Queries for ``url`` with nothing cached, then with the caches warm."""
    cache.clear()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return tuple(counts)


@pytest.fixture
def small_and_large():
    small = build_course(slug="small", modules=2, lessons=5, translate=False)
    large = build_course(slug="large", modules=5, lessons=10, translate=False)
    return small, large


def test_lesson_page_queries_do_not_grow_with_the_course(client, small_and_large, django_assert_max_num_queries):
    counts = []
    for course in small_and_large:
        client.force_login(_learner_in(course, done=3))
        url = lessons_of(course)[3].url
        counts.append(_count(client, url))
        with django_assert_max_num_queries(LESSON_PAGE_QUERIES):
            client.get(url)
    assert counts[0] == counts[1], counts


def test_lesson_page_after_a_publish_queries_do_not_grow_with_the_course(
    client, small_and_large, django_assert_max_num_queries
):
    counts = []
    for course in small_and_large:
        client.force_login(_learner_in(course, done=3))
        lesson = lessons_of(course)[3]
        assert client.get(lesson.url).status_code == 200
        lesson.save_revision().publish()
        with django_assert_max_num_queries(LESSON_PAGE_AFTER_PUBLISH_QUERIES) as queries:
            assert client.get(lesson.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_course_page_queries_do_not_grow_with_the_course(client, small_and_large, django_assert_max_num_queries):
    counts = []
    for course in small_and_large:
        client.force_login(_learner_in(course, done=3))
        counts.append(_count(client, course.url))
        with django_assert_max_num_queries(COURSE_PAGE_QUERIES):
            client.get(course.url)
    assert counts[0] == counts[1], counts


# The learner's own course list through the API, with the outlines cached: the same whatever the
# number of courses the learner is enrolled in.
MY_COURSES_QUERIES = 10


def test_my_courses_api_queries_do_not_grow_with_the_number_of_enrolled_courses(client, django_assert_max_num_queries):
    learner = UserFactory()
    client.force_login(learner)
    counts = []
    for size, first in ((2, 0), (12, 2)):
        for number in range(first, size):
            course = build_course(slug=f"course-{number}", modules=1, lessons=2, translate=False)
            enrolment_create(learner=learner, course=course)
            lesson_complete(learner=learner, lesson=lessons_of(course)[0])
        client.get("/api/v1/me/courses")  # warms the cached outlines
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/me/courses")
        assert response.status_code == 200
        assert len(response.json()) == size
        counts.append(len(queries))
        with django_assert_max_num_queries(MY_COURSES_QUERIES):
            client.get("/api/v1/me/courses")
    assert counts[0] == counts[1], counts
