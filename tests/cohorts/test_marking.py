"""A trainer marks the essays of their own trainees, and only theirs (architecture §4.2 and §4.3)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts import roles
from assessments.models import AttemptAnswer
from assessments.services import answer_save, attempt_start, attempt_submit
from cohorts.services import membership_add
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import add_quiz, authorise, make_user, open_cohort


@pytest.fixture
def essay(course, cohort, trainees, bank):
    quiz = add_quiz(course, [bank["essay"]], pass_mark=Decimal(50))
    trainee = trainees[0]
    membership_add(cohort=cohort, learner=trainee, source="trainer")
    attempt = attempt_start(learner=trainee, quiz=quiz)
    answer_save(attempt=attempt, question_id=str(bank["essay"].translation_key), response={"text": "<b>Миний</b>"})
    attempt_submit(attempt=attempt)
    return AttemptAnswer.objects.get(attempt=attempt)


def test_the_trainer_sees_and_marks_their_trainees_essay(client, trainer, essay):
    client.force_login(trainer)
    queue = client.get(reverse("marking_queue"))
    assert reverse("mark_answer", args=[essay.pk]) in queue.content.decode()
    assert client.get(reverse("attempt", args=[essay.attempt_id])).status_code == 200
    response = client.post(reverse("mark_answer", args=[essay.pk]), {"mark": "2", "comment": "Сайн"})
    assert response.status_code == 302
    essay.refresh_from_db()
    essay.attempt.refresh_from_db()
    assert essay.mark == Decimal(2) and essay.graded_by == trainer
    assert essay.attempt.passed is True


def test_another_trainer_cannot_see_or_mark_it(client, course, essay, organisation):
    other = make_user(roles.TRAINER, organisation=organisation, email="trainer-b@example.mn")
    authorise(other, course)
    open_cohort(course, other, name="B's cohort")
    client.force_login(other)
    assert reverse("mark_answer", args=[essay.pk]) not in client.get(reverse("marking_queue")).content.decode()
    assert client.get(reverse("attempt", args=[essay.attempt_id])).status_code == 404
    assert client.post(reverse("mark_answer", args=[essay.pk]), {"mark": "2"}).status_code == 404
    essay.refresh_from_db()
    assert essay.mark is None


def test_a_trainee_who_left_the_cohort_leaves_the_trainers_queue(client, trainer, essay, cohort):
    from cohorts.services import membership_withdraw

    membership_withdraw(membership=cohort.memberships.get(learner=essay.attempt.learner), by=trainer)
    client.force_login(trainer)
    assert client.post(reverse("mark_answer", args=[essay.pk]), {"mark": "2"}).status_code == 404
