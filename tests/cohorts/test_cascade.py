"""The cascade: completing a training-of-trainers cohort authorises its graduates, a blended
cohort's attendance requirement holds completion back, and a master trainer follows downstream."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from cohorts.models import CohortMembership, TeachingAuthorisation
from cohorts.services import attendance_record, membership_add, session_create
from courses.services import lesson_complete
from tests.factories import UserFactory, authorise, build_course, lessons_of, make_user, open_cohort


@pytest.fixture
def tot(course):
    return build_course(slug="tot", modules=1, lessons=2, tot_for=course, self_enrolment=False)


@pytest.fixture
def master(tot, course, organisation):
    person = make_user(roles.MASTER_TRAINER, organisation=organisation, email="master@example.mn")
    authorise(person, tot)
    authorise(person, course)
    return person


def complete(learner, course):
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)


def test_graduating_from_a_tot_cohort_authorises_the_trainer(django_capture_on_commit_callbacks, tot, master, course):
    cohort = open_cohort(tot, master, name="ToT 2026")
    graduate = UserFactory(organisation=master.organisation)
    membership_add(cohort=cohort, learner=graduate, source="trainer")
    with django_capture_on_commit_callbacks(execute=True):
        complete(graduate, tot)
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert authorisation.course_key == course.translation_key
    assert authorisation.basis == TeachingAuthorisation.Basis.TOT_COHORT
    assert authorisation.source_cohort == cohort and authorisation.granted_by == master
    graduate.refresh_from_db()  # roles are read from the user's row, as each request loads it
    assert roles.has_role(graduate, roles.TRAINER)
    assert CohortMembership.objects.get(learner=graduate).status == CohortMembership.Status.COMPLETED
    # The new trainer can open a cohort of the course at once.
    assert open_cohort(course, graduate).lead_trainer == graduate


def test_attendance_below_the_requirement_holds_completion_back(
    django_capture_on_commit_callbacks, tot, master, course
):
    cohort = open_cohort(tot, master, name="Blended ToT", mode="blended", min_attendance_percent=50)
    graduate = UserFactory(organisation=master.organisation)
    membership_add(cohort=cohort, learner=graduate, source="trainer")
    first = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=2))
    second = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    attendance_record(session=first, marks={graduate.pk: "absent"}, by=master)
    attendance_record(session=second, marks={graduate.pk: "absent"}, by=master)
    with django_capture_on_commit_callbacks(execute=True):
        complete(graduate, tot)
    assert CohortMembership.objects.get(learner=graduate).status == CohortMembership.Status.ACTIVE
    assert not TeachingAuthorisation.objects.filter(trainer=graduate).exists()
    # The trainer corrects the second session: present after all. 1 of 2 = 50 %: complete.
    attendance_record(session=second, marks={}, by=master)
    assert CohortMembership.objects.get(learner=graduate).status == CohortMembership.Status.COMPLETED
    assert TeachingAuthorisation.objects.filter(trainer=graduate, source_cohort=cohort).exists()


def test_the_master_trainer_follows_the_cascade_read_only(client, tot, master, course):
    tot_cohort = open_cohort(tot, master, name="ToT")
    trainer = make_user(roles.TRAINER, organisation=master.organisation, email="graduate@example.mn")
    authorise(trainer, course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=tot_cohort)
    downstream = open_cohort(course, trainer, name="Downstream cohort")
    for n in range(3):
        membership_add(cohort=downstream, learner=UserFactory(email=f"t{n}@example.mn"), source="trainer")
    unrelated_trainer = make_user(roles.TRAINER, organisation=master.organisation, email="elsewhere@example.mn")
    authorise(unrelated_trainer, course)
    unrelated = open_cohort(course, unrelated_trainer, name="Unrelated cohort")

    client.force_login(master)
    page = client.get(reverse("cascade")).content.decode()
    assert "Downstream cohort" in page and "Unrelated cohort" not in page
    assert trainer.get_full_name() in page
    dashboard = client.get(reverse("cohort_dashboard", args=[downstream.pk]))
    assert dashboard.status_code == 200
    assert reverse("cohort_invite", args=[downstream.pk]) not in dashboard.content.decode()  # read-only
    assert client.get(reverse("cohort_invite", args=[downstream.pk])).status_code == 404
    assert client.get(reverse("cohort_dashboard", args=[unrelated.pk])).status_code == 404


def test_a_lapsed_authorisation_takes_the_running_cohort_out_of_the_trainers_hands(client, cohort, trainer):
    TeachingAuthorisation.objects.filter(trainer=trainer).update(valid_until=timezone.localdate() - timedelta(days=1))
    client.force_login(trainer)
    listing = client.get(reverse("cohort_index")).content.decode()
    assert cohort.name not in listing
    assert client.get(reverse("cohort_dashboard", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("cohort_create")).status_code == 404


@pytest.mark.parametrize("waiting", [2, 10])
def test_taking_attendance_costs_the_same_however_many_trainees_wait_on_it(
    django_capture_on_commit_callbacks, tot, master, waiting, django_assert_max_num_queries
):
    """Trainees who completed the course but are short of sessions are checked together, not one
    by one, each time the trainer takes attendance (often on a phone, on a weak connection)."""
    cohort = open_cohort(tot, master, name="Blended ToT", mode="blended", min_attendance_percent=75)
    session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    short = [UserFactory(organisation=master.organisation) for _ in range(waiting)]
    for graduate in short:
        membership_add(cohort=cohort, learner=graduate, source="trainer")
    attendance_record(session=session, marks={graduate.pk: "absent" for graduate in short}, by=master)
    with django_capture_on_commit_callbacks(execute=True):
        for graduate in short:
            complete(graduate, tot)
    later = session_create(cohort=cohort, starts_at=timezone.now())
    with django_assert_max_num_queries(9):
        attendance_record(session=later, marks={}, by=master)  # 1 of 2 = 50 %: still short
    assert set(CohortMembership.objects.filter(cohort=cohort).values_list("status", flat=True)) == {"active"}
