"""My cascade: a master trainer sees when and by whom each trainer they trained was authorised,
and how far those trainers' trainees have come, certificates included; nobody else's trainers."""

import uuid
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from cohorts.models import CohortMembership, TeachingAuthorisation
from cohorts.selectors import Totals
from cohorts.services import membership_add
from courses.models import LessonProgress
from tests.factories import UserFactory, authorise, build_course, issued, make_rule, make_user, open_cohort


@pytest.fixture
def tot(course):
    return build_course(slug="tot", modules=1, lessons=2, tot_for=course, self_enrolment=False)


@pytest.fixture
def master(tot, course, organisation):
    person = make_user(
        roles.MASTER_TRAINER,
        organisation=organisation,
        email="master@example.mn",
        first_name="Сараа",
        last_name="Бат",
        latin_first_name="Saraa",
        latin_last_name="Bat",
    )
    authorise(person, tot)
    authorise(person, course)
    return person


@pytest.fixture
def rule(course):
    return make_rule(course)


def graduate(source_cohort, course, *, email, by=None, **names):
    """A trainer authorised to teach ``course`` by completing ``source_cohort``."""
    trainer = make_user(roles.TRAINER, organisation=source_cohort.organisation, email=email, **names)
    authorise(trainer, course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=source_cohort, by=by)
    return trainer


def enrol(cohort, email, *, status=None):
    learner = UserFactory(organisation=cohort.organisation, email=email)
    membership = membership_add(cohort=cohort, learner=learner, source="trainer")
    if status:
        CohortMembership.objects.filter(pk=membership.pk).update(status=status)
    return learner


def started(learner, course):
    LessonProgress.objects.create(learner=learner, course_key=course.translation_key, lesson_key=uuid.uuid4())


def test_the_master_trainer_sees_who_authorised_each_trainer_when_and_their_trainees_progress(
    client, tot, master, course, rule, organisation
):
    co_trainer = make_user(
        roles.MASTER_TRAINER,
        organisation=organisation,
        email="co@example.mn",
        first_name="Туяа",
        last_name="Дорж",
        latin_first_name="Tuyaa",
        latin_last_name="Dorj",
    )
    authorise(co_trainer, tot)
    tot_cohort = open_cohort(tot, master, name="ToT Darkhan")
    tot_cohort.co_trainers.add(co_trainer)
    trainer = graduate(
        tot_cohort,
        course,
        email="graduate@example.mn",
        by=master,
        first_name="Болд",
        last_name="Ган",
        latin_first_name="Bold",
        latin_last_name="Gan",
    )
    TeachingAuthorisation.objects.filter(trainer=trainer).update(
        granted_at=timezone.make_aware(datetime(2026, 3, 14, 10, 0)), valid_until=date(2028, 3, 14)
    )
    # A second course, authorised by a coordinator by hand and later revoked.
    other_course = build_course(slug="other", modules=1, lessons=1, self_enrolment=False)
    coordinator = make_user(
        roles.COORDINATOR,
        organisation=organisation,
        email="coord@example.mn",
        first_name="Нараа",
        last_name="Очир",
        latin_first_name="Naraa",
        latin_last_name="Ochir",
    )
    revoked = authorise(trainer, other_course, by=coordinator)
    TeachingAuthorisation.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now(), revoked_by=coordinator)

    downstream = open_cohort(course, trainer, name="Downstream cohort")
    enrol(downstream, "waiting@example.mn")  # enrolled, has not opened a lesson
    started(enrol(downstream, "reading@example.mn"), course)
    certified = enrol(downstream, "certified@example.mn", status=CohortMembership.Status.COMPLETED)
    issued(certified, rule, pdf=None)
    lapsed = enrol(downstream, "lapsed@example.mn", status=CohortMembership.Status.COMPLETED)
    issued(lapsed, rule, pdf=None, expires_on=timezone.localdate() - timedelta(days=1))
    # Neither counts: one left the cohort, the other's certificate is being prepared.
    left = enrol(downstream, "left@example.mn", status=CohortMembership.Status.WITHDRAWN)
    issued(left, rule, pdf=None)
    waiting = enrol(downstream, "pending@example.mn", status=CohortMembership.Status.COMPLETED)
    issued(waiting, rule, pdf=None, state="pending")

    client.force_login(master)
    with translation.override("en"):
        response = client.get(reverse("cascade"))
    page = response.content.decode()

    assert response.context["totals"] == Totals(enrolled=5, in_progress=1, completed=3, certified=1)
    assert "Their cohorts have 5 trainees: 1 in progress, 3 completed, 1 with a valid certificate." in page
    # When, by whom and until when the trainer was authorised, and that it holds.
    assert "2026-03-14" in page and "2028-03-14" in page
    assert "Saraa Bat, Tuyaa Dorj (training-of-trainers cohort: ToT Darkhan)" in page
    assert "Naraa Ochir (Granted by a coordinator)" in page
    assert "<strong>Bold Gan</strong>" in page
    assert "<td>Current</td>" in page and "Revoked</span>" in page
    # The downstream cohort's row: enrolled, in progress, completed, certified.
    assert "<td>5</td><td>1</td><td>3</td><td>1</td>" in page
    assert "5 trainees: 1 in progress, 3 completed, 1 certified" in page


def test_the_page_is_in_mongolian_for_a_mongolian_reader(client, tot, master, course):
    tot_cohort = open_cohort(tot, master, name="ToT")
    open_cohort(course, graduate(tot_cohort, course, email="graduate@example.mn"), name="Cohort")
    client.force_login(master)
    with translation.override("mn"):
        page = client.get(reverse("cascade")).content.decode()
    assert "Эрх олгосон" in page and "Гэрчилгээтэй" in page and "Хүчинтэй" in page


def test_a_master_trainer_never_sees_trainers_outside_their_cascade(client, tot, master, course, organisation):
    mine = graduate(open_cohort(tot, master, name="My ToT"), course, email="mine@example.mn", first_name="Миний")
    other_master = make_user(roles.MASTER_TRAINER, organisation=organisation, email="other-master@example.mn")
    authorise(other_master, tot)
    authorise(other_master, course)
    theirs = graduate(
        open_cohort(tot, other_master, name="Their ToT"), course, email="theirs@example.mn", first_name="Бусдын"
    )
    open_cohort(course, theirs, name="Their trainee cohort")
    by_hand = make_user(roles.TRAINER, organisation=organisation, email="by-hand@example.mn", first_name="Гараар")
    authorise(by_hand, course)

    client.force_login(master)
    response = client.get(reverse("cascade"))
    page = response.content.decode()
    assert mine.get_full_name() in page
    for outsider in (theirs, by_hand, other_master):
        assert outsider.email not in page and outsider.get_full_name() not in page
    assert "Their ToT" not in page and "Their trainee cohort" not in page
    assert response.context["trainers"] == 1


def build_cascade(master, tot, course, rule, size: int) -> None:
    """``size`` trainers, every other one running a ToT cohort of their own that trains the next
    ones (so the tree is deeper as it grows), each with a cohort of ``size`` trainees of whom some
    are in progress, completed and certified."""
    teaching = open_cohort(tot, master, name="ToT 0")
    for n in range(size):
        trainer = graduate(teaching, course, email=f"trainer{n}@example.mn", by=master, first_name=f"T{n}")
        cohort = open_cohort(course, trainer, name=f"Cohort {n}")
        for m in range(size):
            status = CohortMembership.Status.COMPLETED if m % 3 == 0 else None
            learner = enrol(cohort, f"l{n}-{m}@example.mn", status=status)
            if status:
                issued(learner, rule, pdf=None)
            elif m % 3 == 1:
                started(learner, course)
        if n % 2 == 0:
            authorise(trainer, tot)
            teaching = open_cohort(tot, trainer, name=f"ToT {n + 1}")


QUERIES = 5


@pytest.mark.parametrize("size", [2, 10])
def test_the_cascade_costs_the_same_whatever_its_size_and_depth(
    client, tot, master, course, rule, size, django_assert_max_num_queries
):
    build_cascade(master, tot, course, rule, size)
    client.force_login(master)
    client.get(reverse("cascade"))  # warms the page cache of course titles
    # A fixed number whatever the depth (the larger tree is six levels deep): one query, a recursive
    # CTE, to find the trainers, and a few for the session, the authorisations and the cohorts with
    # every count.
    with django_assert_max_num_queries(QUERIES):
        response = client.get(reverse("cascade"))
    assert response.context["trainers"] == size
    certified = len(range(0, size, 3)) * size
    assert response.context["totals"].certified == certified
    page = response.content.decode()
    assert all(f"Cohort {n}" in page for n in range(size))
