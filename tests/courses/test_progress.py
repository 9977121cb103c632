"""Progress is keyed to the language-independent identity (architecture §4.1)."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.services import CourseError, enrolment_create, enrolment_withdraw, lesson_complete
from courses.signals import course_completed
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def test_a_lesson_completed_in_mongolian_shows_complete_in_english(client, learner, course, mn_lessons, en_lessons):
    client.force_login(learner)
    client.post(reverse("lesson_complete", args=[mn_lessons[0].pk]))
    english_course = client.get(course.get_translation(en_lessons[0].locale).url)
    rows = [lesson for module in english_course.context["modules"] for lesson in module.lessons]
    assert rows[0].complete and rows[0].lesson.pk == en_lessons[0].pk
    assert english_course.context["percent"] == 25


def test_a_lesson_completed_in_english_shows_complete_in_mongolian(client, learner, course, mn_lessons, en_lessons):
    client.force_login(learner)
    client.post(reverse("lesson_complete", args=[en_lessons[1].pk]))
    mongolian = client.get(course.url)
    rows = [lesson for module in mongolian.context["modules"] for lesson in module.lessons]
    assert [row.complete for row in rows] == [False, True, False, False]


def test_completing_a_lesson_twice_in_two_languages_counts_once(learner, mn_lessons, en_lessons):
    first = lesson_complete(learner=learner, lesson=mn_lessons[0])
    second = lesson_complete(learner=learner, lesson=en_lessons[0])
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    assert first.completed_at == second.completed_at


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_tabs_completing_at_once_count_once(course):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    mn, en = lessons_of(course, "mn")[0], lessons_of(course, "en")[0]
    errors = []

    def complete(lesson):
        try:
            lesson_complete(learner=learner, lesson=lesson)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete, args=(lesson,)) for lesson in (mn, en, mn, en)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert LessonProgress.objects.filter(learner=learner, completed_at__isnull=False).count() == 1


def test_completing_every_required_lesson_completes_the_course_once(learner, course, mn_lessons, en_lessons):
    received = []

    def receiver(sender, learner_id, course_key, **kwargs):
        received.append((learner_id, course_key))

    course_completed.connect(receiver)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("django.db.transaction.on_commit", lambda func, **kwargs: func())
            for lesson in (*mn_lessons, *en_lessons):  # the English ones again change nothing
                lesson_complete(learner=learner, lesson=lesson)
    finally:
        course_completed.disconnect(receiver)
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.completed_at is not None
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert received == [(learner.pk, course.translation_key)]


def test_an_optional_lesson_is_not_needed_to_complete_the_course(learner, course, mn_lessons):
    optional = mn_lessons[-1]
    optional.required = False
    optional.save_revision().publish()
    for lesson in mn_lessons[:-1]:
        lesson_complete(learner=learner, lesson=lesson)
    assert Enrolment.objects.get(learner=learner).completed_at is not None


def test_progress_cannot_be_recorded_without_an_enrolment(mn_lessons):
    with pytest.raises(CourseError):
        lesson_complete(learner=UserFactory(), lesson=mn_lessons[0])
    assert not LessonProgress.objects.exists()


def test_leaving_a_course_keeps_every_record_and_coming_back_restores_it(learner, course, mn_lessons):
    lesson_complete(learner=learner, lesson=mn_lessons[0])
    enrolment_withdraw(enrolment=Enrolment.objects.get(learner=learner))
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    with pytest.raises(CourseError):
        lesson_complete(learner=learner, lesson=mn_lessons[1])
    enrolment = enrolment_create(learner=learner, course=course)
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_continue_where_i_left_off_works_across_languages(client, learner, course, mn_lessons, en_lessons):
    client.force_login(learner)
    client.get(en_lessons[2].url)  # opened in English, not completed
    page = client.get(course.url)  # back in Mongolian
    assert page.context["resume_url"] == mn_lessons[2].url


def test_time_on_a_lesson_is_counted_from_the_heartbeat_and_capped(client, learner, mn_lessons):
    client.force_login(learner)
    client.get(mn_lessons[0].url)
    for seconds in (30, 30, 3600):
        assert (
            client.post(
                f"/api/v1/lessons/{mn_lessons[0].pk}/heartbeat", {"seconds": seconds}, content_type="application/json"
            ).status_code
            == 204
        )
    assert LessonProgress.objects.get(learner=learner).seconds_spent == 120
