"""The national load data: a small set whose figures the report page must find as the generator
made them, written once (a second run refuses, or replaces with --reset)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import Organisation
from assessments.models import QuizPage
from certificates.models import Certificate, ExpiryReminder
from cohorts.models import Cohort, CohortMembership, TeachingAuthorisation
from courses.models import Enrolment
from lms.demo import national
from tests.factories import add_quiz, build_course, make_rule, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    """A course with a pre-test, a module quiz and a post-test (certificates valid two years), its
    training-of-trainers course, and another course (certificates that never expire)."""
    main = build_course(modules=2, lessons=2, translate=False, slug="interviewing")
    add_quiz(main, [], role=QuizPage.Role.PRE_TEST, slug="pre")
    add_quiz(main, [], slug="module-quiz")
    add_quiz(main, [], role=QuizPage.Role.POST_TEST, slug="post")
    make_rule(main, validity_months=24)
    build_course(modules=1, lessons=2, translate=False, slug="tot", tot_for=main)
    make_rule(build_course(modules=1, lessons=3, translate=False, slug="border"))


def whole_period():
    today = timezone.localdate()
    return {"date_from": (today - timedelta(days=4 * 365)).isoformat(), "date_to": today.isoformat()}


def test_the_report_finds_what_the_generator_made(client, courses):
    made = national.generate(learners=200, seed=3)
    expected = made.expected()
    assert expected["enrolled"] > 200  # the trainees, and the trainers trained in their own cohorts
    assert expected["certified_valid"] and expected["certified_expired"] and expected["pairs"]

    client.force_login(make_user(roles.ADMIN))
    response = client.get(reverse("reports"), whole_period())
    assert response.status_code == 200
    headline = response.context["report"].headline
    for name in ("enrolled", "active", "completed", "certified_valid", "certified_expired", "certified_revoked",
                 "expiring", "pairs"):  # fmt: skip
        assert headline[name].value == expected[name], name
    assert headline["pass_rate"].value == Decimal(100) * expected["attempts_passed"] / expected["attempts"]
    attended = Decimal(100) * expected["sessions_attended"] / expected["sessions_taken"]
    assert headline["attendance_rate"].value == attended

    # Grouped by region, every row is an aimag or a district (trainees come from near their
    # trainer), and the rows add up to the whole: each person counts in one region.
    response = client.get(reverse("reports"), {**whole_period(), "group_by": "region"})
    rows = response.context["report"].rows
    assert len(rows) > 1 and len(response.context["report"].by_region) == len(rows)
    assert sum(cells["enrolled"].value for _label, cells in rows) == expected["enrolled"]


def test_the_cascade_keeps_the_models_rules(courses):
    national.generate(learners=120, seed=5)
    trainers = TeachingAuthorisation.objects.filter(basis=TeachingAuthorisation.Basis.TOT_COHORT)
    assert trainers.exists()
    # Each trainer authorised by a training-of-trainers cohort they completed, led by a master trainer.
    for authorisation in trainers.select_related("source_cohort__lead_trainer"):
        assert roles.MASTER_TRAINER in authorisation.source_cohort.lead_trainer.role_names
        assert (
            CohortMembership.objects.get(cohort=authorisation.source_cohort, learner=authorisation.trainer).status
            == CohortMembership.Status.COMPLETED
        )
    # Every trainee cohort led by an authorised trainer, every membership tied to its enrolment.
    for cohort in Cohort.objects.exclude(pk__in=trainers.values("source_cohort")):
        assert TeachingAuthorisation.objects.filter(trainer=cohort.lead_trainer, course_key=cohort.course_key).exists()
    assert not CohortMembership.objects.filter(enrolment__isnull=True).exists()
    assert Enrolment.objects.filter(cohort_memberships__isnull=True).count() == 0
    assert Organisation.objects.filter(code="load-police-arkhangai", region__code="arkhangai").exists()


@override_settings(DEBUG=True)
def test_the_command_refuses_to_generate_twice_and_replaces_with_reset(courses, capsys):
    call_command("generate_load_data", learners=30, seed=2)
    first = capsys.readouterr().out
    assert "Made in" in first
    people = set(national.load_people().values_list("email", flat=True))
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_load_data", learners=30, seed=2)
    # A reminder sent meanwhile before a certificate's expiry does not stop the reset.
    certificate = Certificate.objects.filter(learner__in=national.load_people()).first()
    ExpiryReminder.objects.create(certificate=certificate, days_before=30)
    call_command("generate_load_data", learners=30, seed=2, reset=True)
    assert "Deleted the load data" in capsys.readouterr().out
    # The same seed on the same day: the same people again, nothing of the first run left over.
    assert set(national.load_people().values_list("email", flat=True)) == people
    assert Organisation.objects.filter(code="load-police").count() == 1


@override_settings(DEBUG=False)
def test_the_command_runs_only_with_debug_on():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_load_data", learners=10)


def test_the_benchmark_measures_the_report_page_at_two_sizes(courses):
    # The benchmark's indicators lines, once, at a tiny size: what the run prints and --budget checks.
    from bench.run import MEASUREMENTS, Bench, indicator_failures

    bench = Bench(learner=make_user(), indicator_sizes=(30, 60))
    small = MEASUREMENTS["indicators_10k"].run(bench, warmup=0, rounds=1)
    large = MEASUREMENTS["indicators_100k"].run(bench, warmup=0, rounds=1)
    assert (small["learners"], large["learners"]) == (30, 60)
    # The same queries whatever the data's size; the second size replaced the first.
    assert small["queries"] == large["queries"] and small["grouped_queries"] == large["grouped_queries"]
    trainees = CohortMembership.objects.filter(cohort__lead_trainer__role_names=roles.TRAINER)
    assert trainees.count() == 60
    assert large["ratio"] > 0
    # At this size the times are noise; the queries are not.
    failures = indicator_failures({"indicators_10k": small, "indicators_100k": large}, postgresql=False)
    assert not [failure for failure in failures if "queries" in failure]
    slow = {**large, "queries": large["queries"] + 1, "ms": 1500.0}
    assert len(indicator_failures({"indicators_10k": small, "indicators_100k": slow}, postgresql=True)) >= 2
