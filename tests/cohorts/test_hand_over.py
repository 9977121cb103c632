"""When a trainer's authorisation is revoked or lapses, their cohorts leave their hands at once; the
coordinator of the cohort's organisation hands each to another authorised trainer or closes it,
and the trainees lose nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from accounts.models import AuditEvent
from assessments.models import Attempt
from assessments.services import attempt_start
from cohorts.audit import AuditAction
from cohorts.models import Attendance, Cohort, CohortMembership, Invitation, TeachingAuthorisation
from cohorts.services import (
    attendance_record,
    authorisation_revoke,
    invitation_send,
    membership_add,
    reminder_send,
    session_create,
)
from courses.models import LessonProgress
from courses.services import lesson_complete
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import OrganisationFactory, add_quiz, authorise, lessons_of, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(organisation):
    return make_user(roles.COORDINATOR, organisation=organisation, email="boss@example.mn")


@pytest.fixture
def successor(course, organisation):
    person = make_user(roles.TRAINER, organisation=organisation, email="successor@example.mn")
    authorise(person, course)
    return person


@pytest.fixture
def running(cohort, trainer, trainees, course, bank):
    """A cohort in full swing: trainees with lessons done, attendance taken and a quiz attempt."""
    quiz = add_quiz(course, [bank["single"]], pass_mark=Decimal(50))
    for trainee in trainees:
        membership_add(cohort=cohort, learner=trainee, source="trainer")
    lesson_complete(learner=trainees[0], lesson=lessons_of(course)[0])
    attempt_start(learner=trainees[0], quiz=quiz)
    session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(hours=2))
    attendance_record(session=session, marks={trainees[1].pk: Attendance.Status.ABSENT}, by=trainer)
    return cohort


def revoke(trainer, by) -> TeachingAuthorisation:
    return authorisation_revoke(authorisation=TeachingAuthorisation.objects.get(trainer=trainer), by=by, reason="Gone")


def records(cohort) -> dict:
    learners = list(cohort.memberships.values_list("learner_id", flat=True))
    return {
        "memberships": list(cohort.memberships.values("learner_id", "status", "joined_at", "enrolment_id")),
        "attendance": list(Attendance.objects.filter(session__cohort=cohort).values("learner_id", "status")),
        "progress": list(LessonProgress.objects.filter(learner_id__in=learners).values("learner_id", "completed_at")),
        "attempts": list(Attempt.objects.filter(learner_id__in=learners).values("pk", "state", "started_at")),
    }


def test_the_coordinator_hands_the_cohort_to_another_authorised_trainer_and_no_trainee_loses_anything(
    client, running, trainer, coordinator, successor
):
    revoke(trainer, coordinator)
    before = records(running)
    client.force_login(coordinator)
    page = client.get(reverse("cohort_hand_over", args=[running.pk]))
    assert page.status_code == 200 and successor.email in page.content.decode()
    response = client.post(
        reverse("cohort_hand_over", args=[running.pk]),
        {"action": "hand_over", "trainer": successor.pk, "reason": "The lead trainer's authorisation was revoked."},
    )
    assert response.status_code == 302
    running.refresh_from_db()
    assert running.lead_trainer == successor
    assert records(running) == before
    event = AuditEvent.objects.get(action=AuditAction.COHORT_HANDED_OVER)
    assert (event.actor, event.target_id, event.data["to"]) == (coordinator, str(running.pk), successor.email)
    client.force_login(successor)
    assert client.get(reverse("cohort_dashboard", args=[running.pk])).status_code == 200
    client.force_login(trainer)
    assert client.get(reverse("cohort_dashboard", args=[running.pk])).status_code == 404


def test_the_coordinator_closes_the_cohort_and_no_trainee_loses_anything(client, running, trainer, coordinator):
    revoke(trainer, coordinator)
    before = records(running)
    client.force_login(coordinator)
    response = client.post(reverse("cohort_hand_over", args=[running.pk]), {"action": "close", "reason": ""})
    assert response.status_code == 302
    running.refresh_from_db()
    assert running.status == Cohort.Status.CLOSED
    assert records(running) == before
    assert AuditEvent.objects.filter(action=AuditAction.COHORT_CLOSED, target_id=str(running.pk)).exists()


def test_the_cohort_goes_only_to_a_trainer_of_the_coordinators_organisation_authorised_for_the_course(
    client, running, trainer, coordinator, course
):
    unauthorised = make_user(roles.TRAINER, organisation=coordinator.organisation, email="not-yet@example.mn")
    outsider = make_user(roles.TRAINER, organisation=OrganisationFactory(), email="outsider@example.mn")
    authorise(outsider, course)
    client.force_login(coordinator)
    for person in (unauthorised, outsider, trainer):
        with translation.override("en"):
            response = client.post(
                reverse("cohort_hand_over", args=[running.pk]), {"action": "hand_over", "trainer": person.pk}
            )
        assert response.status_code == 200 and "errorlist" in response.content.decode()
    running.refresh_from_db()
    assert running.lead_trainer == trainer
    assert not AuditEvent.objects.filter(action=AuditAction.COHORT_HANDED_OVER).exists()


def test_a_trainer_cannot_hand_over_or_close_their_own_cohort(client, running, trainer, successor):
    client.force_login(trainer)
    response = client.post(reverse("cohort_hand_over", args=[running.pk]), {"action": "close"})
    assert response.status_code == 404
    running.refresh_from_db()
    assert running.status == Cohort.Status.RUNNING


def test_the_coordinator_is_shown_the_cohorts_without_an_authorised_trainer(client, running, trainer, coordinator):
    client.force_login(coordinator)
    address = reverse("cohort_hand_over", args=[running.pk])
    assert address not in client.get(reverse("cohort_index")).content.decode()
    revoke(trainer, coordinator)
    listing = client.get(reverse("cohort_index")).content.decode()
    assert address in listing
    dashboard = client.get(reverse("cohort_dashboard", args=[running.pk])).content.decode()
    assert address in dashboard


def test_a_reminder_written_before_the_revocation_is_not_sent_after_it(
    running, trainer, trainees, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        reminder_send(cohort=running, learners=trainees, message="Маргааш 10 цагт", by=trainer)
    revoke(trainer, coordinator)
    mail.outbox.clear()
    for callback in callbacks:
        callback()
    assert mail.outbox == []


def test_an_invitation_written_before_the_revocation_is_not_sent_after_it(
    running, trainer, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        invitation_send(cohort=running, email="new@example.mn", by=trainer, language="mn")
    revoke(trainer, coordinator)
    mail.outbox.clear()
    for callback in callbacks:
        callback()
    assert mail.outbox == []
    assert Invitation.objects.filter(email="new@example.mn").exists()  # kept, for the record


def test_the_revoked_trainer_cannot_mark_or_reach_their_former_trainees(
    client, running, trainer, trainees, coordinator
):
    attempt = Attempt.objects.get(learner=trainees[0])
    client.force_login(trainer)
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 200
    revoke(trainer, coordinator)
    assert client.get(reverse("attempt", args=[attempt.pk])).status_code == 404
    assert client.get(f"/api/v1/cohorts/{running.pk}/progress").status_code == 404
    assert CohortMembership.objects.filter(cohort=running).count() == len(trainees)
