"""The demo cares for its readers: content notes on its courses and a quiz, whom to call beside
them, the home page's wording, and no personal question in a quiz that counts."""

import pytest
from django.utils.html import escape
from wagtail.models import Locale

from assessments.disclosure import asks_about_the_learner, is_graded, personal_essays
from assessments.models import QuizPage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from lms.demo.courses_content import COURSES

pytestmark = pytest.mark.django_db

TRAUMA, BORDER = "trauma-informed-interviewing", "trafficking-at-the-border"


def course(slug: str, language: str = "mn") -> CoursePage:
    return CoursePage.objects.get(slug=slug, locale__language_code=language)


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_catalogue_shows_the_demo_courses_content_notes(demo, client, language):
    index = CourseIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
    html = client.get(index.url).content.decode()
    for spec in COURSES:
        assert escape(spec[language]["content_note"]) in html, spec["slug"]
    assert 'href="tel:108"' in html


def test_the_course_page_shows_its_content_note_with_the_helpline_and_the_support_person(demo, client):
    html = client.get(course(TRAUMA).url).content.decode()
    assert course(TRAUMA).content_note in html
    assert 'href="tel:108"' in html and "Ажилтны сэтгэл зүйн зөвлөгөө (жишээ)" in html


def test_the_border_course_names_its_own_support_person(demo, client):
    client.force_login(demo["learner2@demo.mn"])  # enrolled in the border course
    lesson = LessonPage.objects.descendant_of(course(BORDER)).get(slug="speaking-with-the-child")
    note = client.get(lesson.url).content.decode().split('class="content-note"')[1].split("<details")[0]
    assert "Хилийн алба хаагчдын сэтгэл зүйч (жишээ)" in note and 'href="tel:108"' in note
    assert "Ажилтны сэтгэл зүйн зөвлөгөө" not in note


def test_the_mongolian_home_page_calls_the_material_hard_to_bear_not_moving(demo, client):
    html = client.get("/mn/").content.decode()
    assert "Сэтгэл санаанд хүнд тусах агуулгын өмнө анхааруулга" in html
    assert "хөдөлгөм" not in html.lower()


def test_no_demo_quiz_that_counts_asks_learners_about_themselves(demo):
    graded = [quiz for quiz in QuizPage.objects.all() if is_graded(quiz)]
    assert graded
    assert {quiz.slug: personal_essays(quiz) for quiz in graded} == {quiz.slug: [] for quiz in graded}


def test_the_self_care_question_is_a_private_reflection_in_the_lesson(demo):
    for language in ("mn", "en"):
        lesson = LessonPage.objects.get(slug="vicarious-trauma-and-self-care", locale__language_code=language)
        prompts = [block.value["prompt"] for block in lesson.body if block.block_type == "reflection"]
        assert any(asks_about_the_learner(prompt) for prompt in prompts), language
        assert lesson.distressing  # and it ends with whom to call


def test_the_module_quiz_with_a_case_of_abuse_carries_a_content_note(demo):
    for language in ("mn", "en"):
        quiz = QuizPage.objects.get(slug="after-the-interview-quiz", locale__language_code=language)
        assert quiz.content_note, language
