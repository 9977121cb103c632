"""A course with a quiz in its first module, and a bank of questions of every type, in Mongolian
and English (the English questions are translations: same translation_key, same answer ids)."""

from decimal import Decimal

import pytest
from wagtail.models import Locale

from assessments.formats import base as formats
from assessments.models import Question, QuestionCategory, QuizPage
from courses.models import ModulePage
from courses.services import enrolment_create
from tests.factories import UserFactory, build_course


def choice(text, fraction, feedback="", block_id=None):
    return {
        "type": "choice",
        "value": {"text": text, "fraction": Decimal(fraction), "feedback": feedback},
        "id": block_id,
    }


def question(qtype, text, answers=(), *, category=None, name=None, mark="1", **fields) -> Question:
    category = category or QuestionCategory.objects.get_or_create(parent=None, name_mn="Ерөнхий")[0]
    item = Question(
        locale=Locale.objects.get(language_code="mn"),
        category=category,
        qtype=qtype,
        name=name or text[:40],
        text=f"<p>{text}</p>",
        answers=[{**answer, "id": answer.get("id") or f"{qtype}-{i}"} for i, answer in enumerate(answers)],
        default_mark=Decimal(mark),
        **fields,
    )
    item.full_clean()
    item.save()
    return item


def translate(item: Question, **fields) -> Question:
    english = item.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(english, name, value)
    english.save()
    return english


@pytest.fixture
def bank(db) -> dict[str, Question]:
    """One question of each marked type, with known right answers."""
    return {
        "single": question(
            formats.SINGLE_CHOICE,
            "Аль нь нээлттэй асуулт вэ?",
            [
                choice("Юу болсныг ярина уу.", "1", "Зөв: нээлттэй асуулт.", "s-right"),
                choice("Тэр чамайг цохисон уу?", "0", "Энэ бол чиглүүлсэн асуулт.", "s-wrong"),
            ],
        ),
        "multiple": question(
            formats.MULTIPLE_RESPONSE,
            "Аль нь хүүхдэд ээлтэй вэ?",
            [
                choice("Тайван өрөө", "0.5", block_id="m-a"),
                choice("Энгийн үг", "0.5", block_id="m-b"),
                choice("Дахин дахин асуух", "-1", block_id="m-c"),
            ],
        ),
        "short": question(
            formats.SHORT_ANSWER,
            "Хүүхэд худалдаалахтай тэмцэх протоколыг юу гэдэг вэ?",
            [choice("Палермогийн протокол", "1", block_id="sa-1"), choice("Палермо", "0.5", block_id="sa-2")],
        ),
        "essay": question(formats.ESSAY, "Ярилцлагын өрөөг тайлбарлана уу.", mark="2"),
    }


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons=1)


def add_quiz(course, questions, **fields) -> QuizPage:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    blocks = [{"type": "question", "value": {"question": item.pk, "mark": None}} for item in questions]
    fields.setdefault("shuffle_choices", False)
    fields.setdefault("slug", "quiz")
    quiz = QuizPage(title="Шалгалт", questions=blocks, **fields)
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


@pytest.fixture
def quiz(course, bank):
    return add_quiz(course, bank.values(), pass_mark=Decimal(50))


@pytest.fixture
def learner(course):
    person = UserFactory()
    enrolment_create(learner=person, course=course)
    return person
