"""A page by its key in the reader's language, else in another (courses/by_key.py): the one rule the
cohort's course, the attempt's quiz, the observation's assessment and the catalogue follow."""

from wagtail.models import Locale

from cohorts.courses_lookup import course_for_key
from courses.by_key import page_by_key, pages_by_key
from courses.models import CoursePage
from tests.factories import build_course


def english_of(course: CoursePage) -> CoursePage:
    return course.get_translation(Locale.objects.get(language_code="en"))


def test_the_page_in_the_readers_language_else_the_one_there_is(db):
    untranslated = build_course(translate=False, slug="untranslated")
    assert page_by_key(CoursePage.objects.all(), untranslated.translation_key, "en") == untranslated
    course = build_course()
    key = course.translation_key
    english = english_of(course)
    assert page_by_key(CoursePage.objects.all(), key, "en") == english
    assert page_by_key(CoursePage.objects.all(), key, "mn") == course
    assert page_by_key(CoursePage.objects.none(), key, "mn") is None


def test_the_bulk_form_and_the_cohorts_lookup_give_the_same_pages(db):
    translated, untranslated = build_course(), build_course(translate=False, slug="untranslated")
    english = english_of(translated)
    pages = CoursePage.objects.select_related("locale").order_by("path")
    assert pages_by_key(pages, "en") == {
        translated.translation_key: english,
        untranslated.translation_key: untranslated,
    }
    for course in (translated, untranslated):
        assert course_for_key(course.translation_key, "en") == pages_by_key(pages, "en")[course.translation_key]
