"""Enrolling: open courses, cohort-only courses, prerequisites; bad requests change nothing."""

import pytest
from django.urls import reverse

from courses.models import Enrolment
from courses.services import CourseError, enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def test_a_learner_enrols_in_an_open_course(client, course):
    learner = UserFactory()
    client.force_login(learner)
    response = client.post(reverse("course_enrol", args=[course.pk]), follow=True)
    assert Enrolment.objects.filter(learner=learner, course_key=course.translation_key).exists()
    assert response.context["enrolment"] is not None


def test_enrolling_through_the_english_page_is_the_same_enrolment(client, course):
    learner = UserFactory()
    client.force_login(learner)
    english = course.get_translation(lessons_of(course, "en")[0].locale)
    client.post(reverse("course_enrol", args=[english.pk]))
    client.post(reverse("course_enrol", args=[course.pk]))
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_a_cohort_course_refuses_self_enrolment_with_a_clear_message(client):
    closed = build_course(slug="closed", self_enrolment=False)
    learner = UserFactory()
    client.force_login(learner)
    response = client.post(reverse("course_enrol", args=[closed.pk]), follow=True)
    assert not Enrolment.objects.exists()
    messages = [str(message) for message in response.context["messages"]]
    assert any("сургалтын бүлг" in message or "cohort" in message for message in messages), messages


def test_prerequisites_are_enforced_with_the_missing_course_named(client, course):
    advanced = build_course(slug="advanced")
    advanced.prerequisites.set([course])
    advanced.save_revision().publish()
    learner = UserFactory()
    with pytest.raises(CourseError, match=course.title):
        enrolment_create(learner=learner, course=advanced)
    enrolment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)
    assert enrolment_create(learner=learner, course=advanced).status == Enrolment.Status.ACTIVE


def test_the_course_page_lists_missing_prerequisites(client, course):
    advanced = build_course(slug="advanced")
    advanced.prerequisites.set([course])
    advanced.save_revision().publish()
    client.force_login(UserFactory())
    page = client.get(advanced.url)
    assert page.context["missing_prerequisites"] == [course]
    assert not page.context["can_self_enrol"]


def test_enrolling_needs_a_post_and_a_signed_in_user(client, course):
    assert client.get(reverse("course_enrol", args=[course.pk])).status_code in (302, 405)
    assert client.post(reverse("course_enrol", args=[course.pk])).status_code == 302
    assert not Enrolment.objects.exists()


def test_an_unpublished_course_cannot_be_enrolled_in(client, course):
    course.unpublish()
    client.force_login(UserFactory())
    assert client.post(reverse("course_enrol", args=[course.pk])).status_code == 404
