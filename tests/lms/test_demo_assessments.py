"""The demo's question banks, quizzes and attempts: in both languages, and safe to build twice."""

import pytest
from wagtail.models import Locale

from assessments.models import Attempt, Question, QuestionCategory, QuizPage
from lms.demo.assessments_content import DEMO_ATTEMPTS, QUESTION_BANKS, QUIZZES
from lms.demo.seed import seed_demo

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        QuestionCategory.objects.count(),
        Question.objects.count(),
        QuizPage.objects.count(),
        Attempt.objects.count(),
    )


def block_ids(question: Question) -> list[str]:
    return [block.id for block in question.answers]


def test_seeding_the_demo_twice_changes_no_question_quiz_or_attempt(demo):
    before = counts()
    questions = sum(len(bank["questions"]) for bank in QUESTION_BANKS)
    assert before[:3] == (len(QUESTION_BANKS), 2 * questions, 2 * len(QUIZZES))
    # The cohorts' trainees add attempts of their own to those listed here.
    assert before[3] >= len(DEMO_ATTEMPTS)
    seed_demo()
    assert counts() == before


def test_every_mongolian_question_has_an_english_translation_with_the_same_answer_ids(demo):
    en = Locale.objects.get(language_code="en")
    mongolian = Question.objects.filter(locale__language_code="mn")
    assert mongolian.count() == sum(len(bank["questions"]) for bank in QUESTION_BANKS)
    for question in mongolian:
        english = question.get_translation(en)
        assert english.idnumber == question.idnumber
        assert english.qtype == question.qtype and english.category_id == question.category_id
        assert english.text != question.text, question.idnumber
        assert block_ids(english) == block_ids(question), question.idnumber
        if question.scenario_id:
            assert english.scenario.translation_key == question.scenario.translation_key
            assert english.scenario.locale_id == english.locale_id


def test_the_learner_has_one_passed_and_one_failed_attempt(demo):
    assert Attempt.objects.filter(learner__email="learner@demo.mn").count() == 2
    results = {
        QuizPage.objects.get(translation_key=attempt.quiz_key, locale__language_code="mn").slug: (
            attempt.state,
            attempt.passed,
        )
        for attempt in Attempt.objects.filter(learner__email="learner@demo.mn")
    }
    assert results == {
        "trauma-and-the-child-quiz": (Attempt.State.SUBMITTED, True),
        "conducting-the-interview-quiz": (Attempt.State.SUBMITTED, False),
    }


def test_every_quiz_is_live_in_mongolian_and_english(demo):
    for spec in QUIZZES:
        quiz = QuizPage.objects.get(locale__language_code="mn", slug=spec["slug"])
        english = QuizPage.objects.get(locale__language_code="en", translation_key=quiz.translation_key)
        assert quiz.live and english.live, spec["slug"]
        assert (quiz.title, english.title) == (spec["mn"]["title"], spec["en"]["title"])
        assert quiz.get_parent().slug == english.get_parent().slug == spec["module"]
        # The English quiz asks the English questions; a random draw keeps its (shared) category.
        for block in english.questions:
            if block.block_type == "question":
                assert block.value["question"].locale_id == english.locale_id


def test_the_pre_test_comes_before_the_lessons_and_the_module_quiz_after_them(demo):
    for language in ("mn", "en"):
        module = QuizPage.objects.get(locale__language_code=language, slug="pre-test").get_parent()
        slugs = [page.slug for page in module.get_children()]
        assert slugs[0] == "pre-test" and slugs[-1] == "trauma-and-the-child-quiz", language


def test_the_demo_trainers_have_passed_the_course_they_teach(client):
    from courses.models import CoursePage, Enrolment

    people = seed_demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    for email in ("trainer@demo.mn", "trainer2@demo.mn", "master@demo.mn"):
        attempts = Attempt.objects.filter(learner__email=email)
        assert [(a.passed, a.needs_grading, a.percent) for a in attempts] == [(True, False, 100)] * 3, email
        assert Enrolment.objects.get(learner=people[email], course_key=course.translation_key).completed_at
        client.force_login(people[email])
        assert client.get(course.url).context["percent"] == 100, email
