"""After "Translate → Submit", the English course does not pass the Mongolian text off as English:
wagtail-localize publishes an English copy that still holds the Mongolian title until a translator
publishes the translation; until then it is marked as not yet translated, in Mongolian (lang="mn")."""

import pytest
from wagtail.models import Locale

from courses.models import CoursePage, LessonPage, ModulePage
from courses.selectors import complete_languages
from tests.courses.admin_pages import add_lesson_in_the_admin, sign_in_as_editor, submit_for_translation
from tests.factories import build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def submitted(client, english, django_capture_on_commit_callbacks):
    """A translated course to which the editor added a lesson and submitted it for translation."""
    course = build_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    sign_in_as_editor(client)
    add_lesson_in_the_admin(client, module, "Шинэ хичээл", slug="shine-khicheel")
    lesson = LessonPage.objects.get(slug="shine-khicheel", locale=module.locale)
    submit_for_translation(client, lesson, english, django_capture_on_commit_callbacks)
    client.logout()
    copy = lesson.get_translation(english)
    # What wagtail-localize made: a live English page of its own, still with the Mongolian title.
    assert copy.live and copy.alias_of_id is None and copy.title == "Шинэ хичээл"
    return course, copy


def english_course_page(client, course, english):
    return client.get(course.get_translation(english).url).content.decode()


def test_the_english_course_marks_a_lesson_not_yet_translated(client, submitted, english):
    course, _copy = submitted
    page = english_course_page(client, course, english)
    assert '<span lang="mn">Шинэ хичээл</span>' in page
    assert "not yet translated" in page
    assert '<span lang="mn">Lesson 1.1</span>' not in page and "Lesson 1.1" in page


def test_the_course_is_not_complete_in_english_until_the_lesson_is_translated(submitted, english):
    course, copy = submitted
    assert complete_languages({course.translation_key})[course.translation_key] == ["mn"]
    copy.title = "New lesson"
    copy.save_revision().publish()
    assert complete_languages({course.translation_key})[course.translation_key] == ["mn", "en"]


def test_once_translated_the_lesson_is_listed_in_english_without_a_mark(client, submitted, english):
    course, copy = submitted
    copy.title = "New lesson"
    copy.save_revision().publish()
    page = english_course_page(client, course, english)
    assert "New lesson" in page and "Шинэ хичээл" not in page
    assert "not yet translated" not in page


def test_the_mongolian_course_marks_nothing(client, submitted):
    course, _copy = submitted
    page = client.get(course.url).content.decode()
    assert "Шинэ хичээл" in page and "орчуулагдаагүй" not in page


def test_a_course_submitted_whole_is_marked_in_the_english_catalogue(
    client, english, django_capture_on_commit_callbacks
):
    course = build_course(slug="fresh", translate=False)
    sign_in_as_editor(client)
    submit_for_translation(client, course, english, django_capture_on_commit_callbacks)
    client.logout()
    copy = CoursePage.objects.get(translation_key=course.translation_key, locale=english)
    assert copy.live and copy.title == course.title
    catalogue = client.get(copy.get_parent().url).content.decode()
    assert f'lang="mn">{course.title}</a> <span class="badge">not yet translated</span>' in catalogue
    course_page = client.get(copy.url).content.decode()
    assert "This page is not yet translated into English. It is shown in Mongolian." in course_page
