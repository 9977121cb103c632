"""The pre- and post-test pairs the report averages (``reports.test_pairs``): kept up to date as
attempts are submitted and marked, and the nightly rebuild gives the same rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from assessments.models import Attempt, QuizPage
from reports import test_pairs
from reports.models import SummaryRefresh
from reports.models import TestPair as Pair
from tests.reports.conftest import attempt

pytestmark = pytest.mark.django_db


def _quiz(known, role):
    return QuizPage.objects.get(role=role, translation_key__in=test_pairs.test_quizzes().keys())


def _pairs():
    return {(row.learner_id, row.course_key): (row.pre_test, row.post_test, row.gain) for row in Pair.objects.all()}


def test_the_known_pairs_are_there_as_the_attempts_were_submitted(known):
    pairs = _pairs()
    u1 = known.people["u1"]
    assert pairs[(u1.pk, known.course.translation_key)] == (Decimal(40), Decimal(90), Decimal(50))  # the highest
    assert (known.people["u5"].pk, known.course.translation_key) not in pairs  # no post-test yet


def test_a_post_test_submitted_makes_or_updates_the_pair(known):
    post = _quiz(known, QuizPage.Role.POST_TEST)
    u5 = known.people["u5"]
    attempt(u5, post, 1, 55, on=date(2026, 7, 1))
    assert _pairs()[(u5.pk, known.course.translation_key)] == (Decimal(20), Decimal(55), Decimal(35))
    attempt(u5, post, 2, 75, on=date(2026, 7, 2))  # the highest counts
    assert _pairs()[(u5.pk, known.course.translation_key)] == (Decimal(20), Decimal(75), Decimal(55))


def test_an_essay_marked_later_updates_the_grade(known):
    post = _quiz(known, QuizPage.Role.POST_TEST)
    u5 = known.people["u5"]
    waiting = attempt(u5, post, 1, 0, on=date(2026, 7, 1))
    Attempt.objects.filter(pk=waiting.pk).update(percent=None, needs_grading=True)
    test_pairs.refresh_pairs([(u5.pk, known.course.translation_key)])
    assert (u5.pk, known.course.translation_key) not in _pairs()  # not graded yet: no pair
    waiting.refresh_from_db()
    waiting.percent, waiting.needs_grading = Decimal(80), False
    waiting.save()  # as the trainer's marking saves it
    assert _pairs()[(u5.pk, known.course.translation_key)] == (Decimal(20), Decimal(80), Decimal(60))


def test_the_rebuild_equals_what_was_kept_as_it_happened(known):
    kept = _pairs()
    Pair.objects.update(pre_test=0, post_test=0, gain=0)
    Pair.objects.create(learner=known.people["x1"], course_key=known.course.translation_key,
                            pre_test=1, post_test=2, gain=1)  # fmt: skip
    call_command("rebuild_test_pairs", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _pairs() == kept
    assert SummaryRefresh.objects.get(name=SummaryRefresh.TEST_PAIRS).refreshed_at


def test_a_change_of_grading_method_redoes_the_quizs_pairs(known, django_capture_on_commit_callbacks):
    post = _quiz(known, QuizPage.Role.POST_TEST)
    u1 = known.people["u1"]
    with django_capture_on_commit_callbacks(execute=True):
        post.grading_method = QuizPage.GradingMethod.FIRST
        post.save()
    assert _pairs()[(u1.pk, known.course.translation_key)][1] != Decimal(90)
    call_command("rebuild_test_pairs", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _pairs()
    with django_capture_on_commit_callbacks(execute=True):
        post.grading_method = QuizPage.GradingMethod.HIGHEST
        post.save()
    assert _pairs()[(u1.pk, known.course.translation_key)][1] == Decimal(90)
    assert first != _pairs()


def test_the_page_says_when_the_pairs_were_last_worked_out_in_full(client, known):
    from django.urls import reverse

    from accounts import roles
    from tests.reports.conftest import YEAR

    test_pairs.rebuild()
    client.force_login(known.staff[roles.COORDINATOR])
    page = client.get(reverse("reports"), YEAR).content.decode()
    assert "Өмнөх болон дараах сорилын дүнг" in page and " оны " in page
