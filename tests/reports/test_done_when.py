"""The question the reports were made for, asked of the page on a known data set: "how many officers
of the National Police Agency completed the trauma-informed interviewing course this year, by aimag
and gender", with the pre/post gain and the master trainer's cascade three levels deep. Every figure
the page gives is checked against a count made here straight from the records.

By aimag and gender: the page grouped by "region, then gender" gives each pair its row; the same
figures come from the page grouped by region, each aimag's row then split by the page filtered to
that aimag and grouped by gender."""

from collections import defaultdict
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import Region
from assessments.models import Attempt, QuizPage
from certificates.models import Certificate
from cohorts.models import Cohort, CohortMembership, TeachingAuthorisation
from courses.models import Enrolment
from tests.reports.conftest import YEAR, build_known, deepen_cascade

pytestmark = pytest.mark.django_db

THIS_YEAR = 2026  # the data set's year (YEAR)
COUNTED = (CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED, CohortMembership.Status.WITHDRAWN)


@pytest.fixture
def npa():
    """The known data set ("npa" is the National Police Agency, its course the trauma-informed
    interviewing course), with two more levels of trainers below the master's first."""
    known = build_known()
    deepen_cascade(known, levels=2, trainees=3)
    return known


def ask(client, known, **params):
    client.force_login(known.staff[roles.COORDINATOR])
    query = {**YEAR, "organisation": known.org.pk, "course": str(known.course.translation_key), **params}
    response = client.get(reverse("reports"), query)
    assert response.status_code == 200
    return response


def officers(known):
    return [person for person in known.people.values() if person.organisation.path.startswith(known.org.path)]


def completed_by_hand(known) -> dict:
    """{(aimag, gender): learners} who completed the course this year, from the enrolments."""
    found = defaultdict(set)
    npa_people = {person.pk for person in officers(known)}
    for enrolment in Enrolment.objects.filter(course_key=known.course.translation_key).select_related(
        "learner__region", "learner__organisation__region"
    ):
        person = enrolment.learner
        if person.pk in npa_people and enrolment.completed_at and enrolment.completed_at.year == THIS_YEAR:
            where = person.region or person.organisation.region
            found[(where.name, person.get_gender_display())].add(person.pk)
    return found


def test_completions_by_aimag_and_gender_equal_the_records(client, npa):
    by_hand = completed_by_hand(npa)
    by_aimag = defaultdict(int)
    for (aimag, _gender), people in by_hand.items():
        by_aimag[aimag] += len(people)
    # u1–u5 in Arkhangai; o1 and two of each new level's three in Bulgan: the data set is as meant.
    assert dict(by_aimag) == {"Архангай аймаг": 5, "Булган аймаг": 5}

    report = ask(client, npa, group_by="region").context["report"]
    assert {label: cells["completed"].value for label, cells in report.rows} == by_aimag
    assert report.headline["completed"].value == sum(by_aimag.values())
    for aimag in by_aimag:
        region = Region.objects.get(name_mn=aimag)
        split = ask(client, npa, region=region.pk, group_by="gender").context["report"]
        shown = {label: cells["completed"].value for label, cells in split.rows if cells["completed"].value}
        expected = {gender: len(people) for (where, gender), people in by_hand.items() if where == aimag}
        assert shown == expected, aimag
        assert split.headline["completed"].value == by_aimag[aimag]


def test_grouped_by_region_then_gender_the_page_gives_each_aimag_and_gender_its_row(client, npa):
    by_hand = completed_by_hand(npa)
    report = ask(client, npa, group_by="region_gender").context["report"]
    shown = {label: cells["completed"].value for label, cells in report.rows if cells["completed"].value}
    assert shown == {f"{aimag} · {gender}": len(people) for (aimag, gender), people in by_hand.items()}
    assert len(shown) == 4  # women and men in Arkhangai and in Bulgan: each pair its row


def test_the_page_shows_those_figures_with_small_cells_hidden(client, npa):
    """The coordinator's view is broader than their own cohorts: a figure under five is «<5»."""
    html = ask(client, npa, group_by="region").content.decode()
    assert '<th scope="row">Архангай аймаг</th>' in html and '<th scope="row">Булган аймаг</th>' in html
    split = ask(client, npa, region=Region.objects.get(name_mn="Булган аймаг").pk, group_by="gender").content.decode()
    assert "&lt;5" in split  # three men and two women completed in Bulgan


def test_the_pre_and_post_test_gain_equals_the_attempts(client, npa):
    """Per officer with a post-test this year: the pre-test's one attempt, the post-test's highest
    (its grading method), averaged over the pairs."""
    course = npa.course.translation_key
    npa_people = {person.pk for person in officers(npa)}
    roles_of_quiz = dict(QuizPage.objects.values_list("translation_key", "role"))
    grades = defaultdict(lambda: defaultdict(list))
    for attempt in Attempt.objects.filter(course_key=course, state=Attempt.State.SUBMITTED):
        if attempt.learner_id in npa_people:
            grades[attempt.learner_id][roles_of_quiz[attempt.quiz_key]].append(attempt.percent)
    pairs = [
        (by_role[QuizPage.Role.PRE_TEST][0], max(by_role[QuizPage.Role.POST_TEST]))
        for by_role in grades.values()
        if by_role[QuizPage.Role.PRE_TEST] and by_role[QuizPage.Role.POST_TEST]
    ]
    assert len(pairs) == 4
    headline = ask(client, npa).context["report"].headline
    assert headline["pairs"].value == len(pairs)
    assert headline["pre_test"].value == Decimal(sum(pre for pre, _post in pairs)) / len(pairs)
    assert headline["post_test"].value == Decimal(sum(post for _pre, post in pairs)) / len(pairs)
    assert headline["gain"].value == Decimal(sum(post - pre for pre, post in pairs)) / len(pairs)


def levels_by_hand(master) -> list[set]:
    """The trainers below ``master``, level by level, from the teaching authorisations."""
    levels, seen, teachers = [], {master.pk}, {master.pk}
    while True:
        below = set()
        for authorisation in TeachingAuthorisation.objects.filter(source_cohort__isnull=False).select_related(
            "source_cohort"
        ):
            cohort = authorisation.source_cohort
            taught_by = {cohort.lead_trainer_id, *cohort.co_trainers.values_list("pk", flat=True)}
            if taught_by & teachers and authorisation.trainer_id not in seen:
                below.add(authorisation.trainer_id)
        if not below:
            return levels
        levels.append(below)
        seen |= below
        teachers = below


def test_the_cascade_is_three_levels_deep_and_each_level_equals_the_records(client, npa):
    course = npa.course.translation_key
    npa_people = {person.pk for person in officers(npa)}
    levels = levels_by_hand(npa.staff[roles.MASTER_TRAINER])
    assert len(levels) == 3

    response = ask(client, npa)
    found = response.context["cascade"]
    (master,) = found.masters
    assert master.depth == 3
    reached_all, certified_all, cohorts_all = set(), set(), set()
    for level, trainers in zip(master.levels, levels, strict=True):
        cohorts = set(Cohort.objects.filter(lead_trainer__in=trainers, course_key=course).values_list("pk", flat=True))
        reached = {
            membership.learner_id
            for membership in CohortMembership.objects.filter(cohort__in=cohorts, status__in=COUNTED)
            if membership.learner_id in npa_people
        }
        certified = {
            certificate.learner_id
            for certificate in Certificate.objects.filter(
                learner__in=reached, course_key=course, state=Certificate.State.ISSUED
            )
            if certificate.issued_on.year == THIS_YEAR
        }
        assert level.trainers.value == len(trainers)
        assert level.cohorts.value == len(cohorts)
        assert level.reached.value == len(reached)
        assert level.certified.value == len(certified)
        reached_all |= reached
        certified_all |= certified
        cohorts_all |= cohorts
    assert [level.reached.value for level in master.levels] == [6, 3, 3]
    assert master.total.trainers.value == sum(len(trainers) for trainers in levels)
    assert master.total.cohorts.value == len(cohorts_all)
    assert master.total.reached.value == len(reached_all)
    assert master.total.certified.value == len(certified_all)

    # On the page: the tree (with its title and description), its table, the per-master table.
    html = response.content.decode()
    assert '<title id="chart-cascade-' in html and '<desc id="chart-cascade-' in html
    assert "1 мастер сургагч багш" in html  # the tree's one-sentence summary
    for trainer_name in ("Сургагч Нэгдүгээр", "Түвшин0 Сургагч", "Түвшин1 Сургагч"):
        assert trainer_name in html


def test_the_trainers_authorised_and_active_equal_the_records(client, npa):
    course = npa.course.translation_key
    authorised = {
        authorisation.trainer_id
        for authorisation in TeachingAuthorisation.objects.current().filter(course_key=course)
        if authorisation.trainer.organisation.path.startswith(npa.org.path)
    }
    active = {
        trainer
        for trainer in authorised
        if Cohort.objects.filter(
            lead_trainer=trainer,
            course_key=course,
            status__in=[Cohort.Status.RUNNING, Cohort.Status.CLOSED],
            starts_on__year__lte=THIS_YEAR,
        ).exists()
    }
    assert len(authorised) == 4  # the master, the unit's trainer and the two new levels
    found = ask(client, npa).context["cascade"]
    (by_course,) = found.by_course
    assert (by_course.authorised.value, by_course.active.value) == (len(authorised), len(active))
    assert sum(row.authorised.value for row in found.by_region) == len(authorised)
