"""Reading a lesson: who may, in what order, and what the page may reveal."""

import pytest
from django.urls import reverse

from courses.models import Reflection
from courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(client, course):
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    return learner


def test_a_lesson_needs_a_signed_in_learner(client, mn_lessons):
    response = client.get(mn_lessons[0].url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_lesson_needs_an_enrolment(client, course, mn_lessons):
    client.force_login(UserFactory())
    response = client.get(mn_lessons[0].url, follow=True)
    assert response.redirect_chain[-1][0] == course.url


def test_an_enrolled_learner_reads_the_lesson(client, enrolled, mn_lessons):
    response = client.get(mn_lessons[0].url)
    assert response.status_code == 200
    assert "Хичээлийн агуулга 1" in response.content.decode()


def test_a_knowledge_checks_answers_never_reach_the_page_before_answering(client, enrolled, mn_lessons):
    page = client.get(mn_lessons[0].url).content.decode()
    assert "Тийм, нээлттэй асуулт." not in page  # feedback of the right answer
    assert "Энэ бол хаалттай асуулт." not in page
    assert "correct" not in page.split('id="block-check-1"')[1].split("</section>")[0].replace("kc-correct", "")


def test_checking_an_answer_gives_its_feedback(client, enrolled, mn_lessons):
    wrong = client.get(mn_lessons[0].url, {"kc": "check-1", "choice": "1"}).content.decode()
    assert "Энэ бол хаалттай асуулт." in wrong
    assert "Тийм, нээлттэй асуулт." not in wrong
    right = client.get(mn_lessons[0].url, {"kc": "check-1", "choice": "0"}).content.decode()
    assert "Тийм, нээлттэй асуулт." in right


def test_a_nonsense_answer_shows_no_feedback_and_no_error(client, enrolled, mn_lessons):
    for choice in ("9", "x", ""):
        response = client.get(mn_lessons[0].url, {"kc": "check-1", "choice": choice})
        assert response.status_code == 200
        assert response.context["knowledge_check"] is None


def test_a_reflection_is_saved_in_one_language_and_shown_in_the_other(client, enrolled, mn_lessons, en_lessons):
    client.post(reverse("reflection_save", args=[mn_lessons[0].pk, "reflect-1"]), {"text": "Тайван байх хэрэгтэй."})
    assert "Тайван байх хэрэгтэй." in client.get(en_lessons[0].url).content.decode()
    assert Reflection.objects.get(learner=enrolled).text == "Тайван байх хэрэгтэй."


def test_a_reflection_is_private_to_its_writer(client, enrolled, course, mn_lessons):
    client.post(reverse("reflection_save", args=[mn_lessons[0].pk, "reflect-1"]), {"text": "Миний бодол"})
    assert "Миний бодол" in client.get(mn_lessons[0].url).content.decode()  # the shared body is cached now
    other = UserFactory(roles=["admin"])
    enrolment_create(learner=other, course=course)
    client.force_login(other)
    assert "Миний бодол" not in client.get(mn_lessons[0].url).content.decode()


def test_an_empty_or_unknown_reflection_is_refused_and_changes_nothing(client, enrolled, mn_lessons):
    client.post(reverse("reflection_save", args=[mn_lessons[0].pk, "reflect-1"]), {"text": "   "})
    client.post(reverse("reflection_save", args=[mn_lessons[0].pk, "para-1"]), {"text": "x"})
    assert not Reflection.objects.exists()


def test_sequential_courses_open_a_module_when_the_previous_one_is_complete(client):
    course = build_course(slug="in-order", sequential=True)
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    lessons = lessons_of(course)
    locked = client.get(lessons[2].url)
    assert locked.status_code == 302 and locked["Location"] == course.url
    for lesson in lessons[:2]:
        lesson_complete(learner=learner, lesson=lesson)
    assert client.get(lessons[2].url).status_code == 200


def test_complete_and_continue_goes_to_the_next_lesson(client, enrolled, mn_lessons):
    response = client.post(reverse("lesson_complete", args=[mn_lessons[0].pk]), {"next": mn_lessons[1].url})
    assert response["Location"] == mn_lessons[1].url
    assert client.get(mn_lessons[0].url).context["is_complete"]


def test_complete_never_redirects_off_site(client, enrolled, mn_lessons):
    response = client.post(reverse("lesson_complete", args=[mn_lessons[0].pk]), {"next": "https://evil.example/"})
    assert response["Location"] == mn_lessons[0].url


def test_an_untranslated_lesson_shows_the_mongolian_text_with_a_notice(client):
    from wagtail.models import Locale

    course = build_course(slug="partly", lessons=1, modules=1)
    english_module = course.get_children().first().get_translation(Locale.objects.get(language_code="en"))
    lesson = lessons_of(course)[0]
    # Replace the English lesson by a stand-in alias of the Mongolian one, as wagtail-localize does.
    lesson.get_translation(english_module.locale).delete()
    alias = lesson.copy_for_translation(english_module.locale, alias=True)
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    page = client.get(alias.url).content.decode()
    assert "Хичээлийн агуулга 1" in page
    assert "not yet translated into English" in page
    assert '<div lang="mn">' in page  # read with a Mongolian voice, in an English page


def test_a_trainer_who_reads_in_mongolian_gets_the_english_lesson_at_its_english_address(client, course):
    """A trainer (the demo's read in Mongolian) following an /en/ link to a lesson that is
    translated reads it in English: the address's language wins over the preferred one."""
    from accounts import roles
    from tests.factories import make_user

    english_lesson = lessons_of(course, "en")[0]
    english_lesson.body = [{"type": "paragraph", "value": "<p>Lesson content 1.</p>", "id": "para-1"}]
    english_lesson.save_revision().publish()
    trainer = make_user(roles.TRAINER, preferred_language="mn")
    enrolment_create(learner=trainer, course=course)
    client.force_login(trainer)
    page = client.get(english_lesson.url).content.decode()
    assert english_lesson.url.startswith("/en/") and '<html lang="en">' in page
    assert "Lesson content 1." in page and "Хичээлийн агуулга 1" not in page
    assert "not yet translated" not in page and '<div lang="mn">' not in page


def test_a_submitted_but_untranslated_lesson_says_so_at_its_english_address(client):
    """ "Translate → Submit" publishes an English copy that still holds the Mongolian text until a
    translator publishes the translation: the page says so and marks the text as Mongolian."""
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    course = build_course(slug="submitted", lessons=1, modules=1)
    lesson = lessons_of(course)[0]
    lesson.get_translation(english).delete()
    copy = lesson.copy_for_translation(english)
    copy.save_revision().publish()
    learner = UserFactory(preferred_language="mn")
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    page = client.get(copy.url).content.decode()
    assert "This page is not yet translated into English. It is shown in Mongolian." in page
    assert '<div lang="mn">' in page and "Хичээлийн агуулга 1" in page


def test_the_wagtail_page_tree_allows_only_the_course_structure(course):
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from lms.models import HomePage

    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]
    assert LessonPage.allowed_subpage_models() == []
    assert CourseIndexPage in HomePage.allowed_subpage_models()
