"""A lesson added to a module that ends with its quiz lands before the quiz, and the editor is told."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from assessments.models import QuizPage
from courses.models import LessonPage, ModulePage
from courses.outline import course_outline
from courses.placement import lesson_place
from tests.courses.admin_pages import add_lesson_in_the_admin, sign_in_as_editor, submit_for_translation
from tests.factories import build_course, lesson_body

pytestmark = pytest.mark.django_db


def add_quiz(module, title, slug, role=QuizPage.Role.QUIZ, english_title=""):
    quiz = QuizPage(title=title, slug=slug, role=role, questions=[])
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    if english_title:
        english = quiz.copy_for_translation(Locale.objects.get(language_code="en"))
        english.title = english_title
        english.save_revision().publish()
    return quiz


def titles_in_order(module):
    return [page.title for page in Page.objects.child_of(module).order_by("path")]


@pytest.fixture
def module(db):
    course = build_course(modules=1, lessons=2)
    return ModulePage.objects.child_of(course).get()


def test_a_new_lesson_lands_before_the_modules_quiz_and_the_editor_is_told(client, module):
    add_quiz(module, "Модулийн сорил", "module-quiz", english_title="Module quiz")
    add_quiz(module, "Дараах сорил", "post-test", QuizPage.Role.POST_TEST, english_title="Post-test")
    sign_in_as_editor(client)
    response = add_lesson_in_the_admin(client, module, "Шинэ хичээл", slug="shine-khicheel")
    assert titles_in_order(module) == ["Хичээл 1.1", "Хичээл 1.2", "Шинэ хичээл", "Модулийн сорил", "Дараах сорил"]
    [message] = [str(m) for m in get_messages(response.wsgi_request) if "Модулийн сорил" in str(m)]
    assert (
        "«Модулийн сорил»-ийн өмнө байрлууллаа" in message and "чирж" in message
    )  # the editor's admin is in Mongolian
    # Learners meet it in that order: the outline follows the tree.
    course = module.get_parent().specific
    outline_titles = [lesson.page.title for lesson in course_outline(course).lessons]
    assert outline_titles == ["Хичээл 1.1", "Хичээл 1.2", "Шинэ хичээл", "Модулийн сорил", "Дараах сорил"]
    # In English too, where wagtail-localize made a stand-in of the new lesson until it is translated.
    english = course.get_translation(Locale.objects.get(language_code="en"))
    english_titles = [lesson.page.title for lesson in course_outline(english).lessons]
    assert english_titles == ["Lesson 1.1", "Lesson 1.2", "Шинэ хичээл", "Module quiz", "Post-test"]


def test_a_new_lesson_stays_after_a_pre_test_that_opens_the_module(client):
    course = build_course(modules=1, lessons=0, translate=False)
    module = ModulePage.objects.child_of(course).get()
    add_quiz(module, "Өмнөх сорил", "pre-test", QuizPage.Role.PRE_TEST)
    add_quiz(module, "Дараах сорил", "post-test", QuizPage.Role.POST_TEST)
    sign_in_as_editor(client)
    add_lesson_in_the_admin(client, module, "Эхний хичээл", slug="ekhnii-khicheel")
    assert titles_in_order(module) == ["Өмнөх сорил", "Эхний хичээл", "Дараах сорил"]


def test_a_lesson_added_to_a_module_of_lessons_only_stays_last_without_a_message(client, module):
    sign_in_as_editor(client)
    response = add_lesson_in_the_admin(client, module, "Гурав дахь хичээл", slug="gurav")
    assert titles_in_order(module)[-1] == "Гурав дахь хичээл"
    assert not [m for m in get_messages(response.wsgi_request) if "placed" in str(m)]


def test_the_moved_lesson_keeps_a_working_address(client, module):
    add_quiz(module, "Модулийн сорил", "module-quiz")
    sign_in_as_editor(client)
    add_lesson_in_the_admin(client, module, "Шинэ хичээл", slug="new-lesson")
    lesson = LessonPage.objects.get(slug="new-lesson", locale=module.locale)
    assert lesson.live and lesson.url_path.endswith("/module-1/new-lesson/")


def add_lesson_without_stand_ins(module, title, slug):
    """A lesson added where no stand-in is made in the other language (a script, or a tree not yet
    synchronised), then placed before the module's tests as the admin places it."""
    lesson = module.add_child(instance=LessonPage(title=title, slug=slug, body=lesson_body()))
    lesson.save_revision().publish()
    lesson_place(lesson=lesson)
    return lesson


def test_an_english_copy_translated_later_takes_the_place_of_its_source(module, django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    add_quiz(module, "Дараах сорил", "post-test", QuizPage.Role.POST_TEST, english_title="Post-test")
    lesson = add_lesson_without_stand_ins(module, "Шинэ хичээл", "shine-khicheel")
    assert titles_in_order(module) == ["Хичээл 1.1", "Хичээл 1.2", "Шинэ хичээл", "Дараах сорил"]
    # The editor opens "Translate" in wagtail-localize and submits.
    source, _created = TranslationSource.get_or_create_from_instance(lesson)
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(english, publish=True, fallback=True)
    english_module = module.get_translation(english)
    assert titles_in_order(english_module) == ["Lesson 1.1", "Lesson 1.2", "Шинэ хичээл", "Post-test"]
    translated = lesson.get_translation(english)
    assert translated.live and not translated.alias_of_id
    assert not any(Page.find_problems())  # the tree's paths and counts stay sound
    english_course = english_module.get_parent().specific
    assert [item.page.title for item in course_outline(english_course).lessons] == titles_in_order(english_module)


def test_translate_and_submit_in_the_admin_puts_the_english_lesson_before_the_english_post_test(
    client, module, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    add_quiz(module, "Дараах сорил", "post-test", QuizPage.Role.POST_TEST, english_title="Post-test")
    lesson = add_lesson_without_stand_ins(module, "Шинэ хичээл", "shine-khicheel")
    sign_in_as_editor(client)
    submit_for_translation(client, lesson, english, django_capture_on_commit_callbacks)
    english_module = module.get_translation(english)
    assert titles_in_order(english_module) == ["Lesson 1.1", "Lesson 1.2", "Шинэ хичээл", "Post-test"]
    assert lesson.get_translation(english).live


def test_a_mongolian_copy_of_an_english_lesson_takes_its_place_too(module):
    """Ordering does not depend on the language: a page written in English first and copied into
    Mongolian lands where the English one stands."""
    english, mongolian = Locale.objects.get(language_code="en"), module.locale
    add_quiz(module, "Дараах сорил", "post-test", QuizPage.Role.POST_TEST, english_title="Post-test")
    english_module = module.get_translation(english)
    lesson = add_lesson_without_stand_ins(english_module, "New lesson", "new-lesson")
    assert titles_in_order(english_module) == ["Lesson 1.1", "Lesson 1.2", "New lesson", "Post-test"]
    lesson.copy_for_translation(mongolian)
    assert titles_in_order(module) == ["Хичээл 1.1", "Хичээл 1.2", "New lesson", "Дараах сорил"]
