"""A rule that asks for the post-test: completing the lessons is not enough while the (optional)
post-test is not passed; passing it after completing the course earns the certificate at once.
The periodic sweep rules out, in the database, the completions that cannot earn a certificate yet,
so its cost does not grow with the learners who have not passed."""

from decimal import Decimal

import pytest

from assessments.formats import base as formats
from assessments.models import QuizPage
from assessments.selectors import right_answer
from assessments.services import answer_save, attempt_start, attempt_submit
from certificates.models import Certificate
from certificates.services import certificates_due_sweep
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz, choice, complete, make_rule, question


@pytest.fixture
def post_test(course):
    item = question(
        formats.SINGLE_CHOICE,
        "Ярилцлагын эхэнд юу хийх вэ?",
        [choice("Аюулгүй орчин бүрдүүлэх", 1), choice("Шууд асуулт асуух", 0)],
    )
    # Optional for the course's completion: only the rule asks for it.
    return add_quiz(course, [item], role=QuizPage.Role.POST_TEST, required=False, pass_mark=Decimal(50), slug="post")


@pytest.fixture
def rule(course, post_test):
    return make_rule(course, requires_post_test=True)


def take(learner, quiz, *, right: bool):
    attempt = attempt_start(learner=learner, quiz=quiz)
    entry = attempt.snapshot[0]
    wanted = right_answer(entry)
    answer = wanted if right else next(item["id"] for item in entry["answers"] if item["id"] != wanted)
    answer_save(attempt=attempt, question_id=entry["id"], response={"choice": answer})
    return attempt_submit(attempt=attempt)


def completed_learner(course):
    person = UserFactory()
    enrolment_create(learner=person, course=course)
    complete(person, course)
    return person


def test_the_certificate_waits_for_a_passed_post_test(django_capture_on_commit_callbacks, rule, course, post_test):
    with django_capture_on_commit_callbacks(execute=True):
        learner = completed_learner(course)
        assert certificates_due_sweep() == 0
        assert not take(learner, post_test, right=False).passed
        assert certificates_due_sweep() == 0
    assert not Certificate.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert take(learner, post_test, right=True).passed  # no sweep needed
    assert Certificate.objects.get(learner=learner).state == Certificate.State.ISSUED


@pytest.mark.parametrize("waiting", [2, 12])
def test_the_sweep_costs_the_same_however_many_completions_wait_for_the_post_test(
    rule, course, waiting, django_assert_max_num_queries
):
    for _ in range(waiting):
        completed_learner(course)
    with django_assert_max_num_queries(4):
        assert certificates_due_sweep() == 0
