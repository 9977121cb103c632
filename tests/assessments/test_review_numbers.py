"""The attempt's result and review write every number one way (core.formatting): "40%", "1 / 1"."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.services import answer_save, attempt_start, attempt_submit

pytestmark = pytest.mark.django_db


def test_the_result_and_the_review_show_percentages_and_marks_without_trailing_zeros(client, learner, quiz, bank):
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=str(bank["single"].translation_key), response={"choice": "s-right"})
    answer_save(attempt=attempt, question_id=str(bank["multiple"].translation_key), response={"choices": ["m-a"]})
    attempt_submit(attempt=attempt)
    client.force_login(learner)
    with translation.override("en"):
        page = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    text = re.sub(r"<[^>]+>", "", page)
    assert "Your score: 30%" in text  # 1.5 of 5 marks
    assert "1 / 1" in text and "0.5 / 1" in text and "0 / 2" in text
    # No "40.00%", "1.000 / 1.00", nor a percentage with two decimals anywhere on the page.
    assert not re.search(r"\d\.\d\d+ ?%|\d\.\d*0\b ?/", text)
