"""One rule turns attempts into a grade and a gain (assessments/results.py): the learner's quiz page,
the trainer's cohort dashboard and the trainee's page in the cohort give the same answer."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import QuizPage
from assessments.services import answer_save, attempt_start, attempt_submit
from cohorts.selectors import progress_matrix
from cohorts.services import membership_add
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import add_quiz

# Each test is taken twice: the pre-test 0 % then 50 %, the post-test 100 % then 50 %.
PRE = ({"choice": "s-wrong"}, {"text": "Хэн ч биш"}), ({"choice": "s-right"}, {"text": "Хэн ч биш"})
POST = (
    ({"choice": "s-right"}, {"text": "Палермогийн протокол"}),
    ({"choice": "s-wrong"}, {"text": "Палермогийн протокол"}),
)

# grading method → (pre-test grade, post-test grade)
EXPECTED = {
    QuizPage.GradingMethod.HIGHEST: (Decimal(50), Decimal(100)),
    QuizPage.GradingMethod.FIRST: (Decimal(0), Decimal(100)),
    QuizPage.GradingMethod.LAST: (Decimal(50), Decimal(50)),
    QuizPage.GradingMethod.AVERAGE: (Decimal(25), Decimal(75)),
}


def take(quiz, learner, bank, responses):
    for single, short in responses:
        attempt = attempt_start(learner=learner, quiz=quiz)
        answer_save(attempt=attempt, question_id=str(bank["single"].translation_key), response=single)
        answer_save(attempt=attempt, question_id=str(bank["short"].translation_key), response=short)
        attempt_submit(attempt=attempt)


@pytest.mark.parametrize("method", list(EXPECTED))
def test_the_learner_and_the_trainer_see_the_same_grades_and_gain(
    client, course, cohort, trainer, trainees, bank, method
):
    questions = [bank["single"], bank["short"]]
    pre = add_quiz(course, questions, slug="pre", role="pre_test", grading_method=method)
    post = add_quiz(course, questions, slug="post", role="post_test", grading_method=method)
    trainee = trainees[0]
    membership_add(cohort=cohort, learner=trainee, source="trainer")
    take(pre, trainee, bank, PRE)
    take(post, trainee, bank, POST)
    pre_grade, post_grade = EXPECTED[method]

    client.force_login(trainee)
    learner_sees = {quiz.pk: client.get(quiz.url).context for quiz in (pre, post)}
    assert (learner_sees[pre.pk]["grade"], learner_sees[post.pk]["grade"]) == (pre_grade, post_grade)
    assert learner_sees[post.pk]["gain"]["gain"] == post_grade - pre_grade

    matrix = progress_matrix(cohort)
    [row] = matrix.rows
    cells = {column.key: cell for column, cell in zip(matrix.columns, row.cells, strict=True)}
    assert cells[pre.translation_key].detail == f"{pre_grade:.0f}%"
    assert cells[post.translation_key].detail == f"{post_grade:.0f}%"
    assert row.gain == post_grade - pre_grade

    client.force_login(trainer)
    trainee_page = client.get(reverse("cohort_trainee", args=[cohort.pk, trainee.pk])).context["gain"]
    assert (trainee_page["pre"], trainee_page["post"], trainee_page["gain"]) == (
        pre_grade,
        post_grade,
        post_grade - pre_grade,
    )
