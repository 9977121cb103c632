"""What is served and how a result is decided give nothing away and round nothing in anyone's
favour: the order an ordering question's items are served in says nothing about the right order,
and a pass is decided on the exact score, never on a percent rounded for showing."""

import random
from collections import Counter
from decimal import Decimal
from itertools import permutations

import pytest

from assessments import rubric
from assessments.formats import base as formats
from assessments.models import Attempt, AttemptAnswer
from assessments.services import answer_mark, answer_save, attempt_start, attempt_submit
from assessments.snapshot import question_entry
from tests.factories import UserFactory, add_quiz, question

pytestmark = pytest.mark.django_db

DRAWS = 400


def _ordering(count: int):
    return question(
        formats.ORDERING,
        f"{count} зүйлийг дараалуулна уу",
        [{"type": "item", "value": {"text": f"<p>{n}</p>"}, "id": f"item-{n}"} for n in range(1, count + 1)],
    )


def _served_orders(item, draws: int = DRAWS) -> Counter:
    rng = random.Random(20261203)  # noqa: S311 -- a fixed seed, so a failure can be replayed
    return Counter(
        tuple(served["id"] for served in question_entry(item, mark=Decimal(1), shuffle=True, rng=rng)["items"])
        for _ in range(draws)
    )


def test_the_served_order_of_a_two_item_ordering_question_does_not_give_the_answer_away():
    """Were the right order never served, the answer to two items would always be the reverse of
    what the learner sees: both orders must come, about as often."""
    served = _served_orders(_ordering(2))
    assert set(served) == {("item-1", "item-2"), ("item-2", "item-1")}
    assert min(served.values()) > DRAWS * 0.35


def test_every_order_of_a_longer_ordering_question_is_served_so_none_can_be_ruled_out():
    served = _served_orders(_ordering(3))
    assert set(served) == set(permutations(("item-1", "item-2", "item-3")))


def test_the_learner_still_numbers_every_item_whatever_order_was_served(client, learner, course):
    """Served in the right order or not, nothing is answered until the learner numbers the items."""
    quiz = add_quiz(course, [_ordering(2)], slug="two-items")
    attempt = attempt_start(learner=learner, quiz=quiz)
    client.force_login(learner)
    page = client.get(f"/mn/learning/attempts/{attempt.pk}/").content.decode()
    assert 'value=""' in page  # the position fields start empty
    attempt_submit(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.score == Decimal(0)


# 13.999 of 20 is 69.995 %: rounded to two places it would read 70.00 % and pass a 70 % mark.
@pytest.mark.parametrize(
    ("score", "passed", "shown"),
    [("13.999", False, "69.99"), ("14", True, "70.00"), ("14.001", True, "70.00"), ("13.9", False, "69.50")],
)
def test_a_quiz_is_passed_on_the_exact_score_not_on_a_rounded_percent(learner, course, score, passed, shown):
    essay = question(formats.ESSAY, "Тайлбарлана уу", mark="20")
    quiz = add_quiz(course, [essay], slug="exact", pass_mark=Decimal(70))
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=str(essay.translation_key), response={"text": "Хариулт"})
    attempt_submit(attempt=attempt)
    trainer = UserFactory()
    answer_mark(answer=AttemptAnswer.objects.get(attempt=attempt), mark_value=Decimal(score), by=trainer)
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.passed is passed
    assert attempt.percent == Decimal(shown)


def _criteria(points: list[str]) -> list[dict]:
    return [
        {
            "id": f"c{n}",
            "title": f"Шалгуур {n}",
            "description": "",
            "essential": False,
            "levels": [
                {"label": "Үгүй", "description": "", "points": "0"},
                {"label": "Тийм", "description": "", "points": p},
            ],
        }
        for n, p in enumerate(points)
    ]


@pytest.mark.parametrize(
    ("chosen_points", "passed", "shown"), [("39.99", False, "69.99"), ("40", True, "70.00"), ("40.01", True, "70.00")]
)
def test_a_practical_assessment_is_passed_on_the_exact_score_not_on_a_rounded_percent(chosen_points, passed, shown):
    """100 + 39.99 of 200 points is 69.995 %."""
    criteria = _criteria(["100", "100"])
    criteria[1]["levels"].append({"label": "Хэсэгчлэн", "description": "", "points": chosen_points})
    result = rubric.score(criteria, {"c0": 1, "c1": 2}, Decimal(70))
    assert result.passed is passed
    assert result.percent == Decimal(shown)


def test_the_pass_mark_boundary_is_compared_exactly():
    from assessments.grading import percent_shown, reaches_pass_mark

    assert not reaches_pass_mark(Decimal("13.999"), Decimal(20), Decimal(70))
    assert reaches_pass_mark(Decimal(14), Decimal(20), Decimal(70))
    assert reaches_pass_mark(Decimal(1), Decimal(3), Decimal("33.33"))
    assert not reaches_pass_mark(Decimal(1), Decimal(3), Decimal("33.34"))
    assert percent_shown(Decimal(2), Decimal(3), Decimal(50)) == Decimal("66.67")  # rounded as usual elsewhere
