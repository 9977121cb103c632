"""Keeping a module for offline reading: what the list holds and for whom; completions sent
later, counted once and only for the learner who made them."""

import pytest
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_withdraw
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def _modules(course, language="mn"):
    from wagtail.models import Locale

    page = course.get_translation(Locale.objects.get(language_code=language))
    return list(page.get_children().live().specific())


def test_the_keep_list_holds_the_modules_lessons_as_linked_and_the_learners_lists(client, learner, course):
    client.force_login(learner)
    module = _modules(course)[0]
    response = client.get(f"/api/v1/modules/{module.pk}/offline?lang=mn")
    assert response.status_code == 200
    kept = response.json()
    lessons = lessons_of(course)[:2]
    assert kept["key"] == str(module.translation_key)
    assert kept["language"] == "mn"
    assert [lesson["url"] for lesson in kept["lessons"]] == [lesson.url for lesson in lessons]
    assert kept["pages"] == [course.url, *(lesson.url for lesson in lessons), "/mn/learning/", "/mn/learning/offline/"]
    # The addresses are those the course page links, so the pages kept are the pages visited.
    course_page = client.get(course.url).content.decode()
    assert all(f'href="{lesson.url}"' in course_page for lesson in lessons)


def test_the_keep_list_comes_in_the_requested_language_by_either_languages_id(client, learner, course):
    client.force_login(learner)
    module = _modules(course, "mn")[0]
    kept = client.get(f"/api/v1/modules/{module.pk}/offline?lang=en").json()
    assert kept["language"] == "en"
    assert kept["title"] == "Module 1"
    assert [lesson["title"] for lesson in kept["lessons"]] == ["Lesson 1.1", "Lesson 1.2"]
    assert kept["pages"][0].startswith("/en/")


def test_a_locked_module_and_a_left_course_are_not_kept(client, learner, course):
    course.sequential = True
    course.save_revision().publish()
    client.force_login(learner)
    first, second = _modules(course)
    assert client.get(f"/api/v1/modules/{first.pk}/offline").status_code == 200
    assert client.get(f"/api/v1/modules/{second.pk}/offline").status_code == 404
    enrolment_withdraw(enrolment=Enrolment.objects.get(learner=learner))
    assert client.get(f"/api/v1/modules/{first.pk}/offline").status_code == 404


def test_a_lesson_or_a_course_is_not_a_module(client, learner, course):
    client.force_login(learner)
    assert client.get(f"/api/v1/modules/{course.pk}/offline").status_code == 404
    assert client.get(f"/api/v1/modules/{lessons_of(course)[0].pk}/offline").status_code == 404


def test_fetching_a_lesson_to_keep_it_does_not_move_the_learners_place(client, learner, course):
    client.force_login(learner)
    first, second = lessons_of(course)[:2]
    client.get(first.url)
    client.get(second.url, HTTP_X_CASCADE_OFFLINE_COPY="1")
    assert Enrolment.objects.get(learner=learner).last_lesson_key == first.translation_key


def test_a_completion_sent_again_and_again_counts_once(client, learner, course):
    """The page's script may send a completion made offline more than once (a retry after a lost
    answer, two tabs coming back online): the lesson is complete once, at the first time."""
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    answers = [
        client.post(f"/api/v1/lessons/{lesson.pk}/complete", HTTP_X_CASCADE_LEARNER=str(learner.pk)) for _ in range(3)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert len({answer.json()["completed_at"] for answer in answers}) == 1
    assert LessonProgress.objects.filter(learner=learner, completed_at__isnull=False).count() == 1
    client.post(reverse("lesson_complete", args=[lesson.pk]))  # and the form, without the script
    assert LessonProgress.objects.filter(learner=learner, completed_at__isnull=False).count() == 1


def test_a_completion_made_under_another_sign_in_is_refused(client, learner, course):
    other = UserFactory()
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    response = client.post(f"/api/v1/lessons/{lesson.pk}/complete?lang=en", HTTP_X_CASCADE_LEARNER=str(other.pk))
    assert response.status_code == 409
    assert response.json()["code"] == "other_learner"
    assert "another sign-in" in response.json()["detail"]
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_a_completion_queued_before_signing_out_is_refused_in_the_next_session(learner, course):
    """A queued request replayed in another person's session with the token of the earlier one:
    refused by the CSRF check (a browser gets a new secret at sign-in) or else by whose it was."""
    from django.test import Client

    lesson = lessons_of(course)[0]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    browser.get(reverse("offline_modules"))
    old_token = browser.cookies["csrftoken"].value
    browser.logout()
    browser.force_login(UserFactory())
    browser.get(reverse("offline_modules"))
    response = browser.post(
        f"/api/v1/lessons/{lesson.pk}/complete", HTTP_X_CSRFTOKEN=old_token, HTTP_X_CASCADE_LEARNER=str(learner.pk)
    )
    assert response.status_code in {403, 409}
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_the_course_page_offers_to_keep_only_open_modules_of_an_enrolment(client, learner, course):
    course.sequential = True
    course.save_revision().publish()
    first, second = _modules(course)
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert f'data-offline-keep="/api/v1/modules/{first.pk}/offline?lang=mn"' in page
    assert f"/api/v1/modules/{second.pk}/offline" not in page
    client.force_login(UserFactory())
    assert "data-offline-keep" not in client.get(course.url).content.decode()


def test_the_offline_modules_page_and_a_link_to_it(client, learner):
    client.force_login(learner)
    response = client.get("/en/learning/offline/")
    assert response.status_code == 200
    assert 'id="offline-modules"' in response.content.decode()
    assert 'href="/en/learning/offline/"' in client.get("/en/learning/").content.decode()
