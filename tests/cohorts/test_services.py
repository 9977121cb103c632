"""Authorisations, cohorts and membership: the rules a trainer and a coordinator meet."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from cohorts.audit import AuditAction
from cohorts.models import Cohort, CohortMembership, TeachingAuthorisation
from cohorts.services import (
    CohortError,
    authorisation_revoke,
    join_code_regenerate,
    join_with_code,
    membership_add,
    membership_move,
    membership_withdraw,
    request_decide,
)
from courses.models import Enrolment
from tests.factories import UserFactory, authorise, make_user, open_cohort


def test_only_an_authorised_trainer_opens_a_cohort(course, organisation):
    stranger = make_user(roles.TRAINER, organisation=organisation)
    with pytest.raises(CohortError) as error:
        open_cohort(course, stranger)
    assert error.value.code == "not_authorised"
    assert not Cohort.objects.exists()


def test_granting_by_hand_needs_a_reason_and_is_audited(course, organisation):
    coordinator = make_user(roles.COORDINATOR, organisation=organisation)
    person = UserFactory(organisation=organisation)
    with pytest.raises(CohortError):
        authorise(person, course, by=coordinator, evidence="  ")
    assert not TeachingAuthorisation.objects.exists()
    authorisation = authorise(person, course, by=coordinator, evidence="Taught this course since 2024.")
    assert authorisation.is_current()
    assert roles.has_role(person, roles.TRAINER)
    event = AuditEvent.objects.get(action=AuditAction.AUTHORISATION_GRANTED)
    assert event.target_id == str(authorisation.pk)
    assert event.data["basis"] == TeachingAuthorisation.Basis.COORDINATOR


def test_revoked_or_expired_authorisation_stops_new_cohorts(course, trainer):
    authorisation = TeachingAuthorisation.objects.get(trainer=trainer)
    authorisation_revoke(authorisation=authorisation, by=None, reason="Left the police.")
    with pytest.raises(CohortError):
        open_cohort(course, trainer)
    authorise(trainer, course, valid_until=timezone.localdate())  # renewed, valid today only
    open_cohort(course, trainer)
    TeachingAuthorisation.objects.filter(trainer=trainer).update(valid_until=timezone.localdate() - timedelta(days=1))
    with pytest.raises(CohortError):
        open_cohort(course, trainer)


def test_joining_enrols_through_the_one_enrolment_service(cohort, trainees, course):
    membership = membership_add(cohort=cohort, learner=trainees[0], source=CohortMembership.Source.TRAINER)
    assert membership.trained_by == cohort.lead_trainer
    enrolment = Enrolment.objects.get(learner=trainees[0], course_key=course.translation_key)
    assert enrolment.source == Enrolment.Source.COHORT
    assert membership.enrolment == enrolment
    again = membership_add(cohort=cohort, learner=trainees[0], source=CohortMembership.Source.TRAINER)
    assert again.pk == membership.pk
    assert CohortMembership.objects.count() == 1


def test_a_full_cohort_refuses_one_more(cohort, trainees):
    cohort.capacity = 1
    cohort.save()
    membership_add(cohort=cohort, learner=trainees[0], source=CohortMembership.Source.TRAINER)
    with pytest.raises(CohortError) as error:
        membership_add(cohort=cohort, learner=trainees[1], source=CohortMembership.Source.TRAINER)
    assert error.value.code == "full"
    assert not Enrolment.objects.filter(learner=trainees[1]).exists()


def test_join_code_typed_loosely_works_and_a_regenerated_code_replaces_it(cohort, trainees):
    code = cohort.join_code
    typed = f" {code[:4].lower()}-{code[4:].lower()} "
    membership = join_with_code(learner=trainees[0], code=typed)
    assert membership.status == CohortMembership.Status.ACTIVE
    join_code_regenerate(cohort=cohort)
    with pytest.raises(CohortError):
        join_with_code(learner=trainees[1], code=code)
    cohort.join_code_expires_at = timezone.now() - timedelta(minutes=1)
    cohort.save()
    with pytest.raises(CohortError):
        join_with_code(learner=trainees[1], code=cohort.join_code)


def test_join_requests_wait_for_approval(cohort, trainees, trainer):
    cohort.requires_approval = True
    cohort.save()
    membership = join_with_code(learner=trainees[0], code=cohort.join_code)
    assert membership.status == CohortMembership.Status.REQUESTED
    assert not Enrolment.objects.filter(learner=trainees[0]).exists()
    approved = request_decide(membership=membership, approve=True, by=trainer)
    assert approved.status == CohortMembership.Status.ACTIVE
    assert Enrolment.objects.filter(learner=trainees[0]).exists()


def test_moving_a_trainee_keeps_their_enrolment(course, cohort, trainees, trainer):
    membership = membership_add(cohort=cohort, learner=trainees[0], source=CohortMembership.Source.TRAINER)
    other = open_cohort(course, trainer, name="Evening cohort")
    moved = membership_move(membership=membership, to_cohort=other, by=trainer)
    membership.refresh_from_db()
    assert membership.status == CohortMembership.Status.WITHDRAWN
    assert moved.cohort == other and moved.enrolment_id == membership.enrolment_id
    membership_withdraw(membership=moved, by=trainer)
    assert Enrolment.objects.filter(learner=trainees[0], status=Enrolment.Status.ACTIVE).exists()
