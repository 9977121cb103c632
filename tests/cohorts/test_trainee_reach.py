"""Nobody is put in a trainer's cohort without their own acceptance unless the account is new, and a
trainer's reach over a trainee covers only what the trainee did for that trainer's cohort: its
course, from the day they joined it."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from assessments.models import Attempt, AttemptAnswer
from assessments.services import answer_save, attempt_start, attempt_submit
from certificates.models import Certificate
from cohorts import importing
from cohorts.courses_lookup import course_for_key
from cohorts.models import Cohort, CohortMembership, Invitation, TraineeImport
from cohorts.services import (
    CohortError,
    invitation_accept,
    membership_add,
    membership_withdraw,
    memberships_add_many,
)
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_quiz,
    authorise,
    build_course,
    complete,
    make_rule,
    make_user,
    open_cohort,
)

pytestmark = pytest.mark.django_db

HEADER = "email,family_name,given_name\n"


def spreadsheet(*emails: str) -> bytes:
    return (HEADER + "".join(f"{email},Дорж,Бат\n" for email in emails)).encode()


def run_import(cohort, data: bytes, capture) -> TraineeImport:
    with translation.override("en"), capture(execute=True):
        trainee_import = importing.check(cohort=cohort, file_name="t.csv", data=data, by=cohort.lead_trainer)
        assert trainee_import.errors == []
        return importing.run(trainee_import=trainee_import)


@pytest.fixture
def other_trainer(course):
    person = make_user(roles.TRAINER, organisation=OrganisationFactory(), email="trainer-b@example.mn")
    authorise(person, course)
    return person


@pytest.fixture
def learner_elsewhere(course, other_trainer):
    """A learner of another trainer, who wrote an essay for that trainer's cohort a week ago."""
    person = UserFactory(email="learner-b@example.mn")
    membership = membership_add(
        cohort=open_cohort(course, other_trainer, name="B's cohort"), learner=person, source="trainer"
    )
    CohortMembership.objects.filter(pk=membership.pk).update(joined_at=timezone.now() - timedelta(days=10))
    return person


def essay_attempt(course, learner, bank, *, days_ago: int = 0) -> AttemptAnswer:
    quiz = add_quiz(course, [bank["essay"]], pass_mark=Decimal(50), slug=f"essay-{days_ago}")
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=str(bank["essay"].translation_key), response={"text": "Миний хариулт"})
    attempt_submit(attempt=attempt)
    if days_ago:
        Attempt.objects.filter(pk=attempt.pk).update(started_at=timezone.now() - timedelta(days=days_ago))
    return AttemptAnswer.objects.get(attempt=attempt)


def test_trainer_import_of_existing_learner_creates_invitation_not_membership(
    client, cohort, trainer, learner_elsewhere, bank, course, django_capture_on_commit_callbacks
):
    essay = essay_attempt(course, learner_elsewhere, bank, days_ago=7)
    mail.outbox.clear()
    done = run_import(
        cohort, spreadsheet(learner_elsewhere.email, "new.person@example.mn"), django_capture_on_commit_callbacks
    )
    assert done.status == TraineeImport.Status.DONE
    assert (done.created_accounts, done.invited_accounts, done.already_members) == (1, 1, 0)
    assert done.report == [
        {"row": 2, "email": learner_elsewhere.email, "outcome": "invited"},
        {"row": 3, "email": "new.person@example.mn", "outcome": "created"},
    ]
    assert list(cohort.memberships.values_list("learner__email", flat=True)) == ["new.person@example.mn"]
    # One invitation each: to join, for the existing account; to set a password, for the new one.
    assert sorted(m.to for m in mail.outbox) == sorted([[learner_elsewhere.email], ["new.person@example.mn"]])
    # Invited is not in: the trainer reaches nothing of theirs.
    client.force_login(trainer)
    assert client.get(reverse("attempt", args=[essay.attempt_id])).status_code == 404
    assert client.post(reverse("mark_answer", args=[essay.pk]), {"mark": "2"}).status_code == 404
    assert client.get(reverse("cohort_trainee", args=[cohort.pk, learner_elsewhere.pk])).status_code == 404
    # The page says what happened to each row (in Mongolian, the first language).
    text = client.get(reverse("cohort_import_preview", args=[cohort.pk, done.pk])).content.decode()
    assert "урьсан (өмнө нь байсан бүртгэл)" in text


def test_importing_the_same_file_again_invites_nobody_twice(
    cohort, learner_elsewhere, django_capture_on_commit_callbacks
):
    data = spreadsheet(learner_elsewhere.email)
    run_import(cohort, data, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    again = run_import(cohort, data, django_capture_on_commit_callbacks)
    assert (again.invited_accounts, again.report[0]["outcome"]) == (0, "invited_before")
    assert Invitation.objects.filter(cohort=cohort).count() == 1
    assert mail.outbox == []


def test_the_import_command_reports_each_row_as_invited_or_created(cohort, learner_elsewhere, tmp_path):
    path = tmp_path / "trainees.csv"
    path.write_bytes(spreadsheet(learner_elsewhere.email, "fresh@example.mn"))
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_trainees", str(path), cohort=cohort.pk, stdout=out)
    lines = out.getvalue().splitlines()
    assert f"row 2: {learner_elsewhere.email}, invited (existing account)" in lines
    assert "row 3: fresh@example.mn, account created" in lines
    assert not cohort.memberships.filter(learner=learner_elsewhere).exists()


@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.ADMIN, roles.EDITOR])
def test_a_trainers_import_never_puts_a_staff_account_in_the_cohort(role, cohort, django_capture_on_commit_callbacks):
    staff = make_user(role, email=f"{role}@example.mn")
    done = run_import(cohort, spreadsheet(staff.email), django_capture_on_commit_callbacks)
    assert (done.status, done.invited_accounts) == (TraineeImport.Status.DONE, 1)
    assert not cohort.memberships.exists()
    assert Invitation.objects.filter(cohort=cohort, email=staff.email).exists()


@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.ADMIN, roles.EDITOR])
def test_no_trainer_service_links_a_staff_account_but_their_own_acceptance_does(
    role, cohort, trainer, django_capture_on_commit_callbacks
):
    staff = make_user(role, email=f"{role}@example.mn")
    for source in (CohortMembership.Source.TRAINER, CohortMembership.Source.IMPORT, CohortMembership.Source.MOVED):
        with pytest.raises(CohortError):
            membership_add(cohort=cohort, learner=staff, source=source)
        with pytest.raises(CohortError):
            memberships_add_many(cohort=cohort, learners=[staff], source=source)
    assert not cohort.memberships.exists()
    invitation = Invitation.objects.create(
        cohort=cohort, email=staff.email, invited_by=trainer, language="mn", expires_at=timezone.now() + timedelta(1)
    )
    assert invitation_accept(invitation=invitation, user=staff).status == CohortMembership.Status.ACTIVE


def test_an_account_flagged_only_by_is_staff_is_staff_too(cohort):
    staff = UserFactory(email="root@example.mn", is_staff=True)
    with pytest.raises(CohortError):
        membership_add(cohort=cohort, learner=staff, source=CohortMembership.Source.TRAINER)


def test_moving_a_staff_member_between_cohorts_is_refused(cohort, trainer, course):
    from cohorts.services import membership_move

    coordinator = make_user(roles.COORDINATOR, email="boss@example.mn")
    joined = membership_add(cohort=cohort, learner=coordinator, source=CohortMembership.Source.JOIN_CODE)
    other = open_cohort(course, trainer, name="Second cohort")
    with pytest.raises(CohortError):
        membership_move(membership=joined, to_cohort=other, by=trainer)
    assert not other.memberships.exists()


# --- Reach: the cohort's course, from the day the trainee joined ---------------------------------


@pytest.fixture
def joined(cohort, trainer, learner_elsewhere, course, bank):
    """The learner of another trainer did an essay there a week ago, left, and then accepted an
    invitation to this trainer's cohort."""
    old = essay_attempt(course, learner_elsewhere, bank, days_ago=7)
    membership_withdraw(membership=CohortMembership.objects.get(learner=learner_elsewhere), by=None)
    invitation = Invitation.objects.create(
        cohort=cohort, email=learner_elsewhere.email, invited_by=trainer, language="mn",
        expires_at=timezone.now() + timedelta(days=1),
    )  # fmt: skip
    invitation_accept(invitation=invitation, user=learner_elsewhere)
    return old


def test_the_trainer_cannot_read_or_mark_an_attempt_from_before_the_trainee_joined(client, trainer, joined):
    client.force_login(trainer)
    assert client.get(reverse("attempt", args=[joined.attempt_id])).status_code == 404
    assert reverse("mark_answer", args=[joined.pk]) not in client.get(reverse("marking_queue")).content.decode()
    assert client.post(reverse("mark_answer", args=[joined.pk]), {"mark": "2"}).status_code == 404
    joined.refresh_from_db()
    assert joined.mark is None
    assert client.get(f"/api/v1/attempts/{joined.attempt_id}").status_code == 404


def test_the_trainer_reaches_what_the_trainee_does_after_joining(
    client, trainer, joined, learner_elsewhere, course, bank
):
    new = essay_attempt(course, learner_elsewhere, bank)
    client.force_login(trainer)
    assert client.get(reverse("attempt", args=[new.attempt_id])).status_code == 200
    assert client.post(reverse("mark_answer", args=[new.pk]), {"mark": "2"}).status_code == 302


def test_the_other_trainer_keeps_reading_what_was_done_in_their_cohort_but_marks_nothing_after(
    client, other_trainer, joined, learner_elsewhere, course, bank
):
    new = essay_attempt(course, learner_elsewhere, bank)
    client.force_login(other_trainer)
    assert client.get(reverse("attempt", args=[joined.attempt_id])).status_code == 200
    assert client.get(reverse("attempt", args=[new.attempt_id])).status_code == 404


def test_the_trainer_cannot_read_an_attempt_in_another_course(client, trainer, cohort, trainees, bank):
    other_course = build_course(self_enrolment=False, slug="other-course")
    elsewhere = make_user(roles.TRAINER, email="trainer-c@example.mn")
    authorise(elsewhere, other_course)
    learner = trainees[0]
    membership_add(cohort=open_cohort(other_course, elsewhere, name="C"), learner=learner, source="trainer")
    membership_add(cohort=cohort, learner=learner, source="trainer")
    answer = essay_attempt(other_course, learner, bank)
    client.force_login(trainer)
    assert client.get(reverse("attempt", args=[answer.attempt_id])).status_code == 404
    assert client.post(reverse("mark_answer", args=[answer.pk]), {"mark": "2"}).status_code == 404


def test_the_trainer_cannot_approve_a_certificate_from_before_the_trainee_joined(
    client, cohort, trainer, other_trainer, django_capture_on_commit_callbacks
):
    page = course_for_key(Cohort.objects.get(pk=cohort.pk).course_key)
    make_rule(page, approval_required=True)
    learner = UserFactory(email="graduate@example.mn")
    membership_add(cohort=open_cohort(page, other_trainer, name="B's cohort"), learner=learner, source="trainer")
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, page)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.state == Certificate.State.AWAITING_APPROVAL
    Certificate.objects.filter(pk=certificate.pk).update(created_at=timezone.now() - timedelta(days=1))
    invitation = Invitation.objects.create(
        cohort=cohort, email=learner.email, invited_by=trainer, language="mn",
        expires_at=timezone.now() + timedelta(days=1),
    )  # fmt: skip
    invitation_accept(invitation=invitation, user=learner)
    client.force_login(trainer)
    assert client.post(reverse("certificate_action", args=[certificate.pk, "approve"])).status_code == 404
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.AWAITING_APPROVAL
