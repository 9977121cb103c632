"""Item analysis: which questions are working, from the marked attempts of every learner."""

import csv
import io

import pytest
from django.urls import reverse

from assessments.analysis import analysis_csv, item_analysis
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.services import enrolment_create
from tests.factories import UserFactory, add_quiz, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def taken(course, bank):
    """Four learners: the two who got the single-choice question right also did better overall."""
    quiz = add_quiz(course, [bank["single"], bank["short"]], slug="analysed")
    single, short = (str(bank[name].translation_key) for name in ("single", "short"))
    answers = [
        ("s-right", "Палермогийн протокол"),
        ("s-right", "Палермо"),
        ("s-wrong", "Женев"),
        ("s-wrong", "Палермо"),
    ]
    for choice_id, text in answers:
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
        attempt = attempt_start(learner=learner, quiz=quiz)
        answer_save(attempt=attempt, question_id=single, response={"choice": choice_id})
        answer_save(attempt=attempt, question_id=short, response={"text": text})
        attempt_submit(attempt=attempt)
    return quiz


def test_facility_discrimination_and_choices_are_computed(taken, bank):
    statistics = {item.question_id: item for item in item_analysis(taken.translation_key)}
    single = statistics[str(bank["single"].translation_key)]
    assert single.attempts == 4
    assert single.facility == 50.0
    assert single.discrimination > 50  # those who got it right scored higher on the rest
    assert dict(single.choices) == {"Юу болсныг ярина уу.": 2, "Тэр чамайг цохисон уу?": 2}
    short = statistics[str(bank["short"].translation_key)]
    assert short.facility == 50.0  # 1 + 0.5 + 0 + 0.5 out of 4


def test_the_csv_neutralises_formulas():
    from assessments.analysis import ItemStatistics

    text = analysis_csv([ItemStatistics("x", "=HYPERLINK(1)", "essay", 1, 10.0, None)])
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[0] == "'=HYPERLINK(1)"


def test_editors_see_the_analysis_and_learners_do_not(client, taken):
    url = reverse("assessments_quiz_analysis", args=[taken.pk])
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    assert client.get(url).status_code == 200
    download = client.get(url + "?format=csv")
    assert download["Content-Type"].startswith("text/csv")
    client.force_login(UserFactory(roles=["learner"]))
    assert client.get(url).status_code in (302, 403)
