""" "Continue" leads a learner part-way through the demo course to the next required item, in order:
never back to the optional pre-test."""

import pytest

from assessments.models import QuizPage
from courses.models import CoursePage, Enrolment
from courses.outline import course_outline
from courses.services import enrolment_create, lesson_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def part_way(demo):
    """A new learner who has done every required lesson of the first module (its quiz aside)."""
    from tests.factories import UserFactory

    learner = UserFactory(email="part-way@example.mn")
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    enrolment_create(learner=learner, course=course)
    outline = course_outline(course)
    first = outline.modules[0]
    for item in first.lessons:
        if item.page.specific_class is not QuizPage and item.page.required:
            lesson_complete(learner=learner, lesson=item.page.specific)
    return learner, course, outline


def test_continue_leads_to_the_next_required_item_not_the_pre_test(client, part_way):
    learner, course, outline = part_way
    pre_test = outline.modules[0].lessons[0]
    assert QuizPage.objects.get(pk=pre_test.page.pk).role == QuizPage.Role.PRE_TEST and not pre_test.page.required
    client.force_login(learner)
    # The learner last opened the pre-test, and never took it.
    Enrolment.objects.filter(learner=learner).update(last_lesson_key=pre_test.key)

    page = client.get(course.url)
    # Every required lesson of the module is done: what waits is the module's own (required) quiz.
    module_quiz = next(
        item for item in outline.modules[0].lessons if item.page.required and item.page.specific_class is QuizPage
    )
    assert page.context["resume_url"] == module_quiz.page.url
    assert 0 < page.context["percent"] < 100

    learning = client.get("/mn/learning/")
    entry = next(entry for entry in learning.context["entries"] if entry.course.pk == course.pk)
    assert entry.next_url == module_quiz.page.url

    courses = client.get("/api/v1/me/courses").json()
    mine = next(item for item in courses if item["key"] == str(course.translation_key))
    assert mine["next_lesson"]["id"] == module_quiz.page.pk
