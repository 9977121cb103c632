"""A course with a quiz in its first module, and a bank of questions of every type, in Mongolian
and English (the English questions are translations: same translation_key, same answer ids)."""

from decimal import Decimal

import pytest

from assessments.formats import base as formats
from assessments.models import Question
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz, build_course, choice, question


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


@pytest.fixture
def quiz(course, bank):
    return add_quiz(course, bank.values(), pass_mark=Decimal(50))


@pytest.fixture
def learner(course):
    person = UserFactory()
    enrolment_create(learner=person, course=course)
    return person
