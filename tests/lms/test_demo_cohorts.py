"""The demo's cascade: master@ trained and authorised the two trainers, each of whom runs a cohort,
one online and one in person in an aimag, with trainees at every stage; and safe to build twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AuditEvent, Region, User
from assessments.models import Attempt
from cohorts.models import Attendance, Cohort, CohortMembership, TeachingAuthorisation, TrainingSession
from cohorts.selectors import progress_matrix
from courses.models import CoursePage, LessonProgress
from lms.demo.cohorts_content import COHORTS
from lms.demo.seed import seed_demo


@pytest.fixture
def people(demo):
    return demo


def course(slug: str) -> CoursePage:
    return CoursePage.objects.get(locale__language_code="mn", slug=slug)


def tot_cohort(people) -> Cohort:
    return Cohort.objects.get(lead_trainer=people["master@demo.mn"])


def trainer_cohort(people, email: str) -> Cohort:
    return Cohort.objects.get(lead_trainer=people[email])


def counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Cohort.objects.count(),
        CohortMembership.objects.count(),
        TrainingSession.objects.count(),
        Attendance.objects.count(),
        TeachingAuthorisation.objects.count(),
        LessonProgress.objects.count(),
        Attempt.objects.count(),
        AuditEvent.objects.count(),
    )


def snapshot() -> list[tuple]:
    return list(
        CohortMembership.objects.order_by("pk").values_list("pk", "status", "joined_at", "completed_at")
    ) + list(TeachingAuthorisation.objects.order_by("pk").values_list("pk", "granted_at", "source_cohort"))


def test_the_master_trainer_was_authorised_by_hand_with_a_reason(people):
    for slug in ("trauma-informed-interviewing", "tot-trauma-informed-interviewing"):
        authorisation = TeachingAuthorisation.objects.current().get(
            trainer=people["master@demo.mn"], course_key=course(slug).translation_key
        )
        assert authorisation.basis == TeachingAuthorisation.Basis.COORDINATOR
        assert authorisation.granted_by == people["coordinator@demo.mn"]
        assert authorisation.evidence and authorisation.source_cohort is None


def test_the_trainers_are_authorised_by_the_masters_training_of_trainers_cohort(people):
    tot = tot_cohort(people)
    assert tot.course_key == course("tot-trauma-informed-interviewing").translation_key
    assert tot.status == Cohort.Status.CLOSED and tot.ends_on < timezone.localdate()
    assert tot.sessions.filter(attendance_taken_at__isnull=False).count() == tot.sessions.count() > 0
    interviewing = course("trauma-informed-interviewing").translation_key
    for email in ("trainer@demo.mn", "trainer2@demo.mn"):
        membership = tot.memberships.get(learner=people[email])
        assert membership.status == CohortMembership.Status.COMPLETED, email
        authorisation = TeachingAuthorisation.objects.current().get(trainer=people[email], course_key=interviewing)
        assert authorisation.source_cohort == tot, email
        assert authorisation.basis == TeachingAuthorisation.Basis.TOT_COHORT
        assert authorisation.granted_by == people["master@demo.mn"]


def test_each_trainer_leads_one_cohort_one_online_and_one_in_person_in_an_aimag(people):
    online = trainer_cohort(people, "trainer@demo.mn")
    in_person = trainer_cohort(people, "trainer2@demo.mn")
    assert online.mode == Cohort.Mode.ONLINE and online.status == Cohort.Status.RUNNING
    assert in_person.mode in (Cohort.Mode.IN_PERSON, Cohort.Mode.BLENDED)
    assert in_person.region.kind == Region.Kind.AIMAG and in_person.min_attendance_percent
    assert in_person.sessions.filter(attendance_taken_at__isnull=False).exists()
    assert in_person.sessions.filter(attendance_taken_at__isnull=True).exists()  # some are still to come
    marks = set(Attendance.objects.filter(session__cohort=in_person).values_list("status", flat=True))
    assert marks == set(Attendance.Status.values)


def test_the_demo_learners_are_in_different_cohorts(people):
    def cohort_of(email):
        return (
            CohortMembership.objects.exclude(cohort__course_key=tot_cohort(people).course_key)
            .get(learner=people[email])
            .cohort
        )

    assert cohort_of("learner@demo.mn") == trainer_cohort(people, "trainer@demo.mn")
    assert cohort_of("learner2@demo.mn") == trainer_cohort(people, "trainer2@demo.mn")


@pytest.mark.parametrize("lead", ["trainer@demo.mn", "trainer2@demo.mn"])
def test_each_cohort_has_trainees_at_every_stage(people, lead):
    rows = progress_matrix(trainer_cohort(people, lead)).rows
    assert 7 <= len(rows) <= 11, lead  # a demo learner and six to ten fictional trainees
    weeks_ago = timezone.now() - timedelta(days=20)
    completed = [row for row in rows if row.membership.status == CohortMembership.Status.COMPLETED]
    assert completed and all(row.percent == 100 and not row.risks for row in completed), lead
    assert [row for row in rows if row.percent == 0], lead  # not started
    assert len([row for row in rows if 0 < row.percent < 100]) >= 3, lead  # on the way
    assert [row for row in rows if row.failed_attempts >= 2 and row.risks], lead  # failed a quiz twice
    assert [row for row in rows if row.risks and row.last_activity and row.last_activity < weeks_ago], lead


def test_a_trainee_who_finished_online_but_missed_sessions_has_not_completed_the_in_person_cohort(people):
    cohort = trainer_cohort(people, "trainer2@demo.mn")
    matrix = progress_matrix(cohort)
    finished = [row for row in matrix.rows if row.percent == 100]
    short = [row for row in finished if 100 * row.attended < cohort.min_attendance_percent * matrix.sessions_taken]
    assert short and all(row.membership.status == CohortMembership.Status.ACTIVE and row.risks for row in short)


def test_the_online_cohort_has_one_join_request_waiting(people):
    online = trainer_cohort(people, "trainer@demo.mn")
    assert online.requires_approval
    requests = online.memberships.filter(status=CohortMembership.Status.REQUESTED)
    assert [m.learner.email for m in requests] == COHORTS[1]["requests"]


def test_seeding_the_demo_twice_changes_no_cohort_membership_session_or_attendance(people):
    before, records = counts(), snapshot()
    seed_demo()
    assert counts() == before
    assert snapshot() == records


def test_trainer2_gets_404_from_every_address_of_trainers_cohort_and_changes_nothing(people, client):
    """The issue's test, on the demo: every cohort URL (read from the URL configuration, so a new
    one is included without editing this test) and every cohort API endpoint, by GET and by POST."""
    from django.urls import get_resolver

    from cohorts import importing
    from cohorts import urls as cohort_urls

    cohort = trainer_cohort(people, "trainer@demo.mn")
    membership = cohort.memberships.first()
    session = cohort.sessions.first()
    upload = importing.check(cohort=cohort, file_name="t.csv", by=people["trainer@demo.mn"],
                             data="email,family_name,given_name\nnew@example.mn,Дорж,Бат\n".encode())  # fmt: skip
    from cohorts.services import invitation_send

    invitation = invitation_send(cohort=cohort, email="invited@example.mn", by=people["trainer@demo.mn"], language="mn")
    values = {"cohort_id": cohort.pk, "membership_id": membership.pk, "learner_id": membership.learner_id,
              "session_id": session.pk, "import_id": upload.pk, "file_format": "csv", "action": "withdraw",
              "invitation_id": invitation.pk}  # fmt: skip
    addresses = []
    for pattern in cohort_urls.urlpatterns:
        names = list(pattern.pattern.converters)
        if "cohort_id" in names:
            path = get_resolver().reverse(pattern.name, **{name: values[name] for name in names})
            addresses.append("/mn/" + path.lstrip("/").removeprefix("mn/"))
    api = [f"/api/v1/cohorts/{cohort.pk}/progress", f"/api/v1/cohorts/{cohort.pk}/attendance"]
    assert len(addresses) >= 15
    client.force_login(people["trainer2@demo.mn"])  # (signing in is audited: before the snapshot)
    before = (counts(), snapshot(), list(CohortMembership.objects.filter(cohort=cohort).values("status")))
    for address in addresses:
        # A POST-only address refuses a GET with 405 whatever the ids: that confirms nothing.
        assert client.get(address).status_code in (404, 405), ("get", address)
        assert client.post(address).status_code == 404, ("post", address)
    for address in api:
        assert client.get(address).status_code in (404, 405), address
        payload = {"session_id": session.pk, "marks": {str(membership.learner_id): "absent"}}
        assert client.post(address, payload, content_type="application/json").status_code in (404, 405), address
    assert cohort.pk not in [c["id"] for c in client.get("/api/v1/cohorts").json()]
    assert (counts(), snapshot(), list(CohortMembership.objects.filter(cohort=cohort).values("status"))) == before
