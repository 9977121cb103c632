"""Writes for cohorts: authorisations, cohorts, who is in them, invitations, sessions and attendance.

Keyword-only, atomic, each returns what it wrote. Scoping is the caller's: views pass only
objects they found through ``permissions``. Enrolment always goes through the courses app's
enrolment services, so a cohort trainee is enrolled exactly as a self-enrolled learner is.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.services import audit_record, role_grant
from core.enqueue import enqueue_on_commit
from core.errors import CascadeError
from core.formatting import local_day, short_date
from courses.models import CoursePage, Enrolment
from courses.services import CourseError, enrolment_create, enrolments_create

from . import tasks
from .audit import AuditAction
from .courses_lookup import course_for_key
from .models import (
    Attendance,
    Cohort,
    CohortMembership,
    Invitation,
    Reminder,
    TeachingAuthorisation,
    TrainingSession,
)
from .models.cohort import new_token

INVITATION_VALID_FOR = timedelta(days=30)
MAX_REMINDER_LENGTH = 2000
CURRENT = (CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED)


class CohortError(CascadeError):
    """A request the rules refuse, with a message the person can read."""

    default_code = "invalid"


# --- Teaching authorisations ---------------------------------------------------------------------


@transaction.atomic
def authorisation_grant(
    *,
    trainer,
    course: CoursePage,
    by,
    basis: str = TeachingAuthorisation.Basis.COORDINATOR,
    evidence: str = "",
    source_cohort: Cohort | None = None,
    valid_until=None,
) -> TeachingAuthorisation:
    """Authorise ``trainer`` to teach ``course`` (either language's page). Granting again renews.

    By hand a reason is required; it is audited either way. Teaching a training-of-trainers
    course makes one a master trainer; any course, a trainer."""
    evidence = (evidence or "").strip()
    if basis == TeachingAuthorisation.Basis.COORDINATOR and not evidence:
        raise CohortError(_("Write the reason for granting this authorisation."), code="reason_required")
    if valid_until is not None and valid_until < timezone.localdate():
        raise CohortError(_("The end of validity is in the past."), code="valid_until")
    authorisation, _created = TeachingAuthorisation.objects.update_or_create(
        trainer=trainer,
        course_key=course.translation_key,
        defaults={
            "basis": basis,
            "evidence": evidence,
            "source_cohort": source_cohort,
            "granted_by": by,
            "granted_at": timezone.now(),
            "valid_until": valid_until,
            "revoked_at": None,
            "revoked_by": None,
            "revoke_reason": "",
        },
    )
    for role in (roles.TRAINER, roles.MASTER_TRAINER) if course.tot_for_id else (roles.TRAINER,):
        if not roles.has_role(trainer, role):
            role_grant(user=trainer, role=role, by=by)
    audit_record(
        action=AuditAction.AUTHORISATION_GRANTED,
        target=authorisation,
        data={"course": str(course.translation_key), "basis": basis, "valid_until": str(valid_until or "")},
    )
    return authorisation


@transaction.atomic
def authorisation_revoke(*, authorisation: TeachingAuthorisation, by, reason: str) -> TeachingAuthorisation:
    """Revoke with a reason. The record stays; the trainer's cohorts of the course leave their hands
    at once (the scoping asks for a current authorisation), flagged for the coordinator."""
    reason = (reason or "").strip()
    if not reason:
        raise CohortError(_("Write the reason for revoking this authorisation."), code="reason_required")
    if authorisation.revoked_at is None:
        authorisation.revoked_at = timezone.now()
        authorisation.revoked_by = by
        authorisation.revoke_reason = reason
        authorisation.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        audit_record(action=AuditAction.AUTHORISATION_REVOKED, target=authorisation, data={"reason": reason})
    return authorisation


def authorisation_validity_set(*, trainer, course_key, valid_until, evidence: str) -> int:
    """Make the authorisations ``trainer`` earned in training-of-trainers cohorts for ``course_key``
    valid until ``valid_until`` (None: no end), noting the evidence they now rest on. Returns how
    many changed; authorisations granted by hand keep their own validity."""
    changed = TeachingAuthorisation.objects.filter(
        trainer=trainer,
        course_key=course_key,
        basis=TeachingAuthorisation.Basis.TOT_COHORT,
        revoked_at__isnull=True,
    ).exclude(valid_until=valid_until, evidence=evidence)
    return changed.update(valid_until=valid_until, evidence=evidence)


def is_authorised(*, trainer, course_key) -> bool:
    return TeachingAuthorisation.objects.current().filter(trainer=trainer, course_key=course_key).exists()


# --- Cohorts -------------------------------------------------------------------------------------

COHORT_FIELDS = (
    "name",
    "organisation",
    "mode",
    "starts_on",
    "ends_on",
    "region",
    "location",
    "capacity",
    "status",
    "requires_approval",
    "min_attendance_percent",
    "inactive_days",
    "join_code_expires_at",
    "join_code_enabled",
)


def _check_trainers(*, course_key, lead_trainer, co_trainers) -> None:
    authorised = set(
        TeachingAuthorisation.objects.current()
        .filter(course_key=course_key, trainer__in=[lead_trainer, *co_trainers])
        .values_list("trainer_id", flat=True)
    )
    if lead_trainer.pk not in authorised:
        raise CohortError(
            _("%(name)s is not authorised to teach this course, so cannot lead a cohort of it.")
            % {"name": lead_trainer.get_full_name() or lead_trainer.email},
            code="not_authorised",
        )
    for trainer in co_trainers:
        if trainer.pk not in authorised:
            raise CohortError(
                _("%(name)s is not authorised to teach this course, so cannot co-lead it.")
                % {"name": trainer.get_full_name() or trainer.email},
                code="co_trainer_not_authorised",
            )


def _check_dates(fields: dict) -> None:
    if fields.get("ends_on") and fields.get("starts_on") and fields["ends_on"] < fields["starts_on"]:
        raise CohortError(_("The cohort cannot end before it starts."), code="ends_on")


@transaction.atomic
def cohort_create(*, course: CoursePage, lead_trainer, by, co_trainers=(), **fields) -> Cohort:
    """Open a cohort of ``course``. Only a trainer currently authorised for it may lead it."""
    unknown = set(fields) - set(COHORT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown cohort fields: {sorted(unknown)}")
    co_trainers = [t for t in co_trainers if t.pk != lead_trainer.pk]
    _check_trainers(course_key=course.translation_key, lead_trainer=lead_trainer, co_trainers=co_trainers)
    _check_dates(fields)
    cohort = Cohort.objects.create(
        course_key=course.translation_key, lead_trainer=lead_trainer, created_by=by, **fields
    )
    cohort.co_trainers.set(co_trainers)
    return cohort


@transaction.atomic
def cohort_update(*, cohort: Cohort, by, co_trainers=None, **fields) -> Cohort:
    unknown = set(fields) - set(COHORT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown cohort fields: {sorted(unknown)}")
    _check_dates({"starts_on": cohort.starts_on, "ends_on": cohort.ends_on, **fields})
    if co_trainers is not None:
        co_trainers = [t for t in co_trainers if t.pk != cohort.lead_trainer_id]
        current = set(cohort.co_trainers.values_list("pk", flat=True))
        added = [t for t in co_trainers if t.pk not in current]
        _check_trainers(course_key=cohort.course_key, lead_trainer=cohort.lead_trainer, co_trainers=added)
        cohort.co_trainers.set(co_trainers)
    capacity = fields.get("capacity")
    if capacity is not None and capacity < cohort.memberships.filter(status__in=CURRENT).count():
        raise CohortError(_("The cohort already has more trainees than that."), code="capacity")
    for name, value in fields.items():
        setattr(cohort, name, value)
    cohort.save()
    return cohort


@transaction.atomic
def cohort_hand_over(*, cohort: Cohort, to_trainer, by, reason: str = "") -> Cohort:
    """Give the cohort a new lead trainer, one authorised for its course now (a coordinator's act when
    the lead trainer's authorisation is revoked or lapsed). Trainees, their progress, attempts and
    attendance stay exactly as they are, and so does the record of who trained them so far."""
    cohort = Cohort.objects.select_for_update().select_related("lead_trainer").get(pk=cohort.pk)
    if cohort.status == Cohort.Status.CLOSED:
        raise CohortError(_("This cohort is closed."), code="closed")
    if to_trainer.pk == cohort.lead_trainer_id:
        raise CohortError(_("%(name)s already leads this cohort.") % {"name": to_trainer.get_full_name()}, code="same")
    _check_trainers(course_key=cohort.course_key, lead_trainer=to_trainer, co_trainers=[])
    previous = cohort.lead_trainer
    cohort.lead_trainer = to_trainer
    cohort.save(update_fields=["lead_trainer"])
    cohort.co_trainers.remove(to_trainer)
    audit_record(
        action=AuditAction.COHORT_HANDED_OVER,
        target=cohort,
        data={"from": previous.email, "to": to_trainer.email, "reason": (reason or "").strip()},
    )
    return cohort


@transaction.atomic
def cohort_close(*, cohort: Cohort, by, reason: str = "") -> Cohort:
    """Close the cohort: nobody joins it any more. Nothing its trainees did is touched."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if cohort.status != Cohort.Status.CLOSED:
        cohort.status = Cohort.Status.CLOSED
        cohort.save(update_fields=["status"])
        audit_record(action=AuditAction.COHORT_CLOSED, target=cohort, data={"reason": (reason or "").strip()})
    return cohort


@transaction.atomic
def join_code_regenerate(*, cohort: Cohort, expires_at=None) -> Cohort:
    """A new code; the old one stops working at once."""
    from .models.cohort import new_join_code

    cohort.join_code = new_join_code()
    cohort.join_code_expires_at = expires_at
    cohort.join_code_enabled = True
    cohort.save(update_fields=["join_code", "join_code_expires_at", "join_code_enabled"])
    return cohort


# --- Who is in a cohort --------------------------------------------------------------------------


# Staff reach much more than a cohort: nobody but they themselves may put them in one.
STAFF_ROLES = (roles.ADMIN, roles.EDITOR, roles.COORDINATOR)
# The ways of joining that are the person's own act: they followed the link or typed the code.
OWN_ACCEPTANCE = (CohortMembership.Source.INVITATION, CohortMembership.Source.JOIN_CODE)


def staff_accounts(people) -> set[int]:
    """The ids among ``people`` of administrators, editors and coordinators (one query)."""
    ids = [person.pk for person in people]
    if not ids:
        return set()
    return set(
        get_user_model()
        .objects.filter(pk__in=ids)
        .filter(Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=STAFF_ROLES))
        .values_list("pk", flat=True)
    )


def _refuse_staff(people, source: str) -> None:
    if source not in OWN_ACCEPTANCE and staff_accounts(people):
        raise CohortError(
            _("Staff accounts join a cohort only by accepting an invitation themselves."), code="staff_account"
        )


def _course(cohort: Cohort) -> CoursePage:
    course = course_for_key(cohort.course_key)
    if course is None:
        raise CohortError(_("This cohort's course is not published."), code="course_unpublished")
    return course


def _check_open(cohort: Cohort, *, adding: int = 1) -> None:
    if cohort.status == Cohort.Status.CLOSED:
        raise CohortError(_("This cohort is closed."), code="closed")
    if cohort.capacity is not None:
        taken = cohort.memberships.filter(status__in=CURRENT).count()
        if taken + adding > cohort.capacity:
            raise CohortError(
                _("This cohort is full (%(capacity)s places).") % {"capacity": cohort.capacity}, code="full"
            )


@transaction.atomic
def membership_add(*, cohort: Cohort, learner, source: str, by=None) -> CohortMembership:
    """Put ``learner`` in ``cohort`` and enrol them in its course. Adding someone already in is a no-op."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    existing = CohortMembership.objects.filter(cohort=cohort, learner=learner).first()
    if existing and existing.status in CURRENT:
        return existing
    _refuse_staff([learner], source)
    _check_open(cohort)
    try:
        enrolment = enrolment_create(learner=learner, course=_course(cohort), source=Enrolment.Source.COHORT)
    except CourseError as error:
        raise CohortError(error.message, code="prerequisites") from error
    if existing:
        existing.status = CohortMembership.Status.ACTIVE
        existing.enrolment = enrolment
        existing.left_at = None
        existing.source = source
        existing.save(update_fields=["status", "enrolment", "left_at", "source"])
        membership = existing
    else:
        membership = CohortMembership.objects.create(
            cohort=cohort, learner=learner, trained_by=cohort.lead_trainer, enrolment=enrolment, source=source
        )
    membership_complete_if_done(learner=learner, course_key=cohort.course_key)
    membership.refresh_from_db()
    return membership


@transaction.atomic
def memberships_add_many(*, cohort: Cohort, learners, source: str) -> tuple[list, list]:
    """Put many learners in ``cohort`` in a fixed number of queries (the accounts a spreadsheet import
    has just created: anyone else is invited, and joins by accepting).

    Returns (added, already there). All or nothing: a full cohort, a staff account or a missing
    prerequisite refuses the lot."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    learners = list(learners)
    existing = {m.learner_id: m for m in CohortMembership.objects.filter(cohort=cohort, learner__in=learners)}
    already = [learner for learner in learners if learner.pk in existing and existing[learner.pk].status in CURRENT]
    joining = [learner for learner in learners if learner not in already]
    if not joining:
        return [], already
    _refuse_staff(joining, source)
    _check_open(cohort, adding=len(joining))
    try:
        enrolments = enrolments_create(learners=joining, course=_course(cohort), source=Enrolment.Source.COHORT)
    except CourseError as error:
        raise CohortError(error.message, code="prerequisites") from error
    returning = [existing[learner.pk] for learner in joining if learner.pk in existing]
    for membership in returning:
        membership.status, membership.left_at, membership.source = CohortMembership.Status.ACTIVE, None, source
        membership.enrolment = enrolments[membership.learner_id]
    CohortMembership.objects.bulk_update(returning, ["status", "left_at", "source", "enrolment"])
    CohortMembership.objects.bulk_create(
        [
            CohortMembership(
                cohort=cohort,
                learner=learner,
                trained_by_id=cohort.lead_trainer_id,
                enrolment=enrolments[learner.pk],
                source=source,
            )
            for learner in joining
            if learner.pk not in existing
        ]
    )
    return joining, already


@transaction.atomic
def join_with_code(*, learner, code: str) -> CohortMembership:
    """Join the cohort whose code this is, or ask to, when its trainer approves each request."""
    normalised = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    cohort = Cohort.objects.filter(join_code=normalised).first()
    if cohort is None or not cohort.join_code_usable():
        raise CohortError(_("This join code is not valid. Check it with your trainer."), code="join_code")
    if not cohort.requires_approval:
        return membership_add(cohort=cohort, learner=learner, source=CohortMembership.Source.JOIN_CODE)
    membership, created = CohortMembership.objects.get_or_create(
        cohort=cohort,
        learner=learner,
        defaults={
            "trained_by": cohort.lead_trainer,
            "source": CohortMembership.Source.JOIN_CODE,
            "status": CohortMembership.Status.REQUESTED,
        },
    )
    if not created and membership.status in (CohortMembership.Status.WITHDRAWN, CohortMembership.Status.DECLINED):
        membership.status = CohortMembership.Status.REQUESTED
        membership.save(update_fields=["status"])
    return membership


@transaction.atomic
def request_decide(*, membership: CohortMembership, approve: bool, by) -> CohortMembership:
    if membership.status != CohortMembership.Status.REQUESTED:
        return membership
    if approve:
        return membership_add(cohort=membership.cohort, learner=membership.learner, source=membership.source, by=by)
    membership.status = CohortMembership.Status.DECLINED
    membership.save(update_fields=["status"])
    return membership


@transaction.atomic
def membership_withdraw(*, membership: CohortMembership, by) -> CohortMembership:
    """Take a trainee out of the cohort. Their enrolment, progress and attendance stay."""
    if membership.status != CohortMembership.Status.WITHDRAWN:
        membership.status = CohortMembership.Status.WITHDRAWN
        membership.left_at = timezone.now()
        membership.save(update_fields=["status", "left_at"])
    return membership


@transaction.atomic
def membership_move(*, membership: CohortMembership, to_cohort: Cohort, by) -> CohortMembership:
    """Move a trainee to another cohort of the same course; their learning records go with them: the
    new membership counts from when they joined the first, so what they did there stays in reach
    of whoever runs the cohort now (the trainer moving them ran both)."""
    if to_cohort.pk == membership.cohort_id:
        return membership
    if to_cohort.course_key != membership.cohort.course_key:
        raise CohortError(_("A trainee can only move to a cohort of the same course."), code="other_course")
    moved = membership_add(cohort=to_cohort, learner=membership.learner, source=CohortMembership.Source.MOVED, by=by)
    if membership.joined_at < moved.joined_at:
        moved.joined_at = membership.joined_at
        moved.save(update_fields=["joined_at"])
    membership_withdraw(membership=membership, by=by)
    return moved


def membership_complete_if_done(*, learner, course_key) -> list[CohortMembership]:
    """Complete the learner's memberships in cohorts of this course whose requirements are now met:
    the course completed and, where the cohort asks for it, enough sessions attended. Completing a
    training-of-trainers cohort authorises the graduate to teach the course it trains for."""
    memberships = list(
        CohortMembership.objects.filter(
            learner=learner,
            cohort__course_key=course_key,
            status=CohortMembership.Status.ACTIVE,
            enrolment__completed_at__isnull=False,
        ).select_related("cohort", "learner")
    )
    completed = []
    for membership in memberships:
        cohort = membership.cohort
        if cohort.min_attendance_percent and attendance_percent(cohort=cohort, learner=learner) < (
            cohort.min_attendance_percent
        ):
            continue
        marked = CohortMembership.objects.filter(pk=membership.pk, status=CohortMembership.Status.ACTIVE).update(
            status=CohortMembership.Status.COMPLETED, completed_at=timezone.now()
        )
        if not marked:
            continue
        completed.append(membership)
        course = course_for_key(cohort.course_key)
        if course is not None and course.tot_for_id:
            authorisation_grant(
                trainer=membership.learner,
                course=course.tot_for,
                by=cohort.lead_trainer,
                basis=TeachingAuthorisation.Basis.TOT_COHORT,
                evidence=_("Completed the training-of-trainers cohort “%(cohort)s”.") % {"cohort": cohort.name},
                source_cohort=cohort,
            )
    return completed


# --- Invitations ---------------------------------------------------------------------------------


@transaction.atomic
def invitation_send(*, cohort: Cohort, email: str, by, language: str) -> Invitation:
    """E-mail an invitation (in a background task, after commit). Inviting again sends a fresh link."""
    email = (email or "").strip().lower()
    if cohort.memberships.filter(learner__email__iexact=email, status__in=CURRENT).exists():
        raise CohortError(_("%(email)s is already in this cohort.") % {"email": email}, code="already_member")
    _check_open(cohort)
    invitation = Invitation.objects.create(
        cohort=cohort, email=email, invited_by=by, language=language, expires_at=timezone.now() + INVITATION_VALID_FOR
    )
    enqueue_on_commit(tasks.send_invitation, invitation.pk)
    return invitation


@transaction.atomic
def invitations_send_many(*, cohort: Cohort, people, by) -> tuple[list[Invitation], list]:
    """Invite the accounts of a spreadsheet import, each in their own language, in a fixed number
    of queries and one task: the existing accounts, who join by accepting, and the accounts the
    import has just created, whose invitation is how they set their first password. Someone with
    an invitation to this cohort still waiting is not invited again, so importing the same file
    twice sends nothing twice. Returns (sent, already invited)."""
    people = list(people)
    _check_open(cohort, adding=0)
    now = timezone.now()
    waiting = set(
        Invitation.objects.filter(
            cohort=cohort, email__in=[person.email.lower() for person in people], accepted_at__isnull=True,
            expires_at__gt=now,
        ).values_list("email", flat=True)
    )  # fmt: skip
    inviting = [person for person in people if person.email.lower() not in waiting]
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(
                cohort=cohort,
                email=person.email.lower(),
                invited_by=by,
                language=person.preferred_language or settings.LANGUAGE_CODE,
                expires_at=now + INVITATION_VALID_FOR,
            )
            for person in inviting
        ]
    )
    ids = [invitation.pk for invitation in invitations]
    if ids:
        enqueue_on_commit(tasks.send_invitations, ids)
    return invitations, [person for person in people if person.email.lower() in waiting]


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> CohortMembership:
    """The invited person, signed in with the invited address, joins the cohort."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        if invitation.accepted_by_id == user.pk:
            return CohortMembership.objects.get(cohort=invitation.cohort, learner=user)
        raise CohortError(_("This invitation has already been used."), code="used")
    if not invitation.usable():
        raise CohortError(_("This invitation has expired. Ask your trainer for a new one."), code="expired")
    if user.email.lower() != invitation.email.lower():
        raise CohortError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email},
            code="other_email",
        )
    membership = membership_add(cohort=invitation.cohort, learner=user, source=CohortMembership.Source.INVITATION)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by) -> Invitation:
    """E-mail a waiting or expired invitation again with a new link: the old link stops working,
    and the new one is valid for the full period from now."""
    invitation = Invitation.objects.select_for_update().select_related("cohort").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise CohortError(_("This invitation has already been accepted."), code="used")
    if invitation.cohort.status == Cohort.Status.CLOSED:
        raise CohortError(_("This cohort is closed."), code="closed")
    now = timezone.now()
    invitation.token = new_token()
    invitation.invited_by = by  # the one who runs the cohort now: the task sends only on their behalf
    invitation.created_at = now
    invitation.emailed_at = None
    invitation.expires_at = now + INVITATION_VALID_FOR
    invitation.save(update_fields=["token", "invited_by", "created_at", "emailed_at", "expires_at"])
    enqueue_on_commit(tasks.send_invitation, invitation.pk)
    return invitation


def invitation_needs_password(invitation: Invitation):
    """The account an invitation is for when it has no password yet (one a spreadsheet import
    created), else None."""
    account = get_user_model().objects.filter(email__iexact=invitation.email).first()
    return account if account is not None and not account.has_usable_password() else None


@transaction.atomic
def invitation_set_password(*, invitation: Invitation, password: str):
    """Give the account an invitation is for its first password, and accept the invitation. The
    link proves the address: it is marked verified. An account that has a password already is
    refused: its owner signs in instead, as the link can be forwarded."""
    from allauth.account.models import EmailAddress

    invitation = Invitation.objects.select_for_update().select_related("cohort").get(pk=invitation.pk)
    if not invitation.usable():
        raise CohortError(_("This invitation has expired. Ask your trainer for a new one."), code="expired")
    user = invitation_needs_password(invitation)
    if user is None:
        raise CohortError(_("An account with this address exists. Sign in to accept."), code="exists")
    user.set_password(password)
    user.save(update_fields=["password"])
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def account_for_invitation(*, invitation: Invitation, family_name: str, given_name: str, password: str):
    """Create the account an invitation is for: the e-mail address is proven by the link."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise CohortError(_("An account with this address exists. Sign in to accept."), code="exists")
    user = User(
        email=invitation.email, last_name=family_name, first_name=given_name, preferred_language=invitation.language
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# --- Sessions and attendance ---------------------------------------------------------------------


@transaction.atomic
def session_create(*, cohort: Cohort, starts_at, ends_at=None, place: str = "", title: str = "", module_key=None):
    if ends_at and ends_at <= starts_at:
        raise CohortError(_("A session must end after it starts."), code="ends_at")
    return TrainingSession.objects.create(
        cohort=cohort, starts_at=starts_at, ends_at=ends_at, place=place, title=title, module_key=module_key
    )


@transaction.atomic
def attendance_record(*, session: TrainingSession, marks: dict[int, str], by) -> list[Attendance]:
    """Record attendance for every current trainee of the session's cohort: those not in ``marks`` are
    present (the default); ``marks`` gives the exceptions, learner id → status. Taking it again
    corrects it. A trainee outside the cohort is refused, and nothing is saved."""
    valid = set(Attendance.Status.values)
    members = set(session.cohort.memberships.filter(status__in=CURRENT).values_list("learner_id", flat=True))
    strangers = set(marks) - members
    if strangers:
        raise CohortError(_("Some of these people are not in this cohort."), code="not_member")
    if any(status not in valid for status in marks.values()):
        raise CohortError(_("Unknown attendance mark."), code="status")
    now = timezone.now()
    existing = {a.learner_id: a for a in Attendance.objects.filter(session=session)}
    changed, new = [], []
    for learner_id in members:
        status = marks.get(learner_id, Attendance.Status.PRESENT)
        record = existing.get(learner_id)
        if record is None:
            new.append(
                Attendance(
                    session=session,
                    learner_id=learner_id,
                    status=status,
                    recorded_by=by,
                    recorded_at=now,
                    changed_at=now,
                )
            )
        elif record.status != status:
            record.status, record.recorded_by, record.recorded_at = status, by, now
            record.changed_at, record.change_id = now, None
            changed.append(record)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["status", "recorded_by", "recorded_at", "changed_at", "change_id"])
    session.attendance_taken_at = now
    session.save(update_fields=["attendance_taken_at"])
    _complete_those_attendance_lets_through(session.cohort)
    return [*new, *changed]


@transaction.atomic
def attendance_mark_present(*, session: TrainingSession, learner_id: int, by) -> tuple[Attendance, bool]:
    """Mark one current trainee present, as scanning their code on the roster does: (the record,
    whether anything changed). A trainee already marked present or late keeps their record as it
    is, so a second scan changes nothing. The session counts as taken from the first scan:
    trainees nobody scanned have no record, and do not count as attending."""
    cohort = session.cohort
    if cohort.status == Cohort.Status.CLOSED:
        raise CohortError(_("This cohort is closed."), code="closed")
    if not cohort.memberships.filter(learner_id=learner_id, status__in=CURRENT).exists():
        raise CohortError(_("This trainee is no longer in this cohort."), code="not_member")
    now = timezone.now()
    record, created = Attendance.objects.select_for_update().get_or_create(
        session=session,
        learner_id=learner_id,
        defaults={"status": Attendance.Status.PRESENT, "recorded_by": by, "recorded_at": now, "changed_at": now},
    )
    changed = created
    if not created and record.status not in Attendance.ATTENDED:
        record.status, record.recorded_by, record.recorded_at = Attendance.Status.PRESENT, by, now
        record.changed_at, record.change_id = now, None
        record.save(update_fields=["status", "recorded_by", "recorded_at", "changed_at", "change_id"])
        changed = True
    if changed:
        if session.attendance_taken_at is None:
            session.attendance_taken_at = now
            session.save(update_fields=["attendance_taken_at"])
        _complete_those_attendance_lets_through(cohort)
    return record, changed


# --- Attendance taken on devices, merged -----------------------------------------------------------
# A trainer in a hall without a connection marks trainees on the sheet kept on the phone; each mark
# is sent later with the device's time and an id of its own, and two devices taking the same session
# merge by the last mark per trainee (docs/architecture.md, "Offline").

# A device's clock may run a little ahead of the server's: within this, its time is taken as it is;
# beyond it, the mark is dated when it arrives, so a clock set wrong cannot win every merge to come.
CLOCK_TOLERANCE = timedelta(minutes=2)
# The earliest a mark may be dated: a sheet may be opened and marked the evening before its session
# (an excused absence); a device whose clock lags further is taken to have marked then.
EARLIEST_MARK = timedelta(days=1)
MAX_CHANGES = 500


@dataclass(frozen=True)
class AttendanceChange:
    id: UUID
    learner_id: int
    status: str
    changed_at: datetime


@dataclass(frozen=True)
class AttendanceConflict:
    """A change that lost to a later one: what was sent, and what the server keeps."""

    change: AttendanceChange
    kept_status: str
    kept_changed_at: datetime


@dataclass
class AttendanceMerge:
    applied: list[UUID] = field(default_factory=list)
    unchanged: list[UUID] = field(default_factory=list)
    conflicts: list[AttendanceConflict] = field(default_factory=list)


def attendance_change_time(*, session: TrainingSession, changed_at: datetime, now: datetime) -> datetime:
    """The device's time of a change, within what the server's clock allows."""
    if changed_at > now + CLOCK_TOLERANCE:
        return now
    return max(changed_at, session.starts_at - EARLIEST_MARK)


def _supersedes(change: AttendanceChange, record: Attendance) -> bool:
    # Ties are broken by the change's id, so that two devices' marks end the same whichever arrives
    # first; a mark made on a page online has no id and yields to a change made at the same moment.
    return (change.changed_at, str(change.id)) > (record.changed_at, str(record.change_id or ""))


@transaction.atomic
def attendance_merge(*, session: TrainingSession, changes: list[AttendanceChange], by, now=None) -> AttendanceMerge:
    """Apply marks made on a device, each only if it is later than the trainee's mark on the server.

    A change already applied (the same id) changes nothing; one that is earlier than the mark kept
    comes back as a conflict, unless it says the same. A closed cohort, a trainee who is not (or no
    longer) in the cohort or an unknown mark refuses the whole lot, and nothing is saved."""
    cohort = session.cohort
    if cohort.status == Cohort.Status.CLOSED:
        raise CohortError(_("This cohort is closed."), code="closed")
    if len(changes) > MAX_CHANGES:
        raise CohortError(_("Too many changes at once."), code="too_many")
    if any(change.status not in Attendance.Status.values for change in changes):
        raise CohortError(_("Unknown attendance mark."), code="status")
    learners = {change.learner_id for change in changes}
    members = set(
        cohort.memberships.filter(status__in=CURRENT, learner_id__in=learners).values_list("learner_id", flat=True)
    )
    if learners - members:
        raise CohortError(_("Some of these people are not in this cohort."), code="not_member")
    now = now or timezone.now()
    # One merge at a time per session: two devices' first marks for a trainee cannot both create it.
    TrainingSession.objects.select_for_update().filter(pk=session.pk).first()
    dated = sorted(
        (replace(c, changed_at=attendance_change_time(session=session, changed_at=c.changed_at, now=now))
         for c in changes),
        key=lambda c: (c.changed_at, str(c.id)),
    )  # fmt: skip
    records = {a.learner_id: a for a in Attendance.objects.filter(session=session, learner_id__in=learners)}
    result, touched = AttendanceMerge(), {}
    for change in dated:
        record = records.get(change.learner_id)
        if record is not None and record.change_id == change.id:
            result.unchanged.append(change.id)
        elif record is None or _supersedes(change, record):
            if record is None:
                record = records[change.learner_id] = Attendance(session=session, learner_id=change.learner_id)
            record.status, record.recorded_by, record.recorded_at = change.status, by, now
            record.changed_at, record.change_id = change.changed_at, change.id
            touched[change.learner_id] = record
            result.applied.append(change.id)
        elif record.status == change.status:
            result.unchanged.append(change.id)
        else:
            result.conflicts.append(
                AttendanceConflict(change=change, kept_status=record.status, kept_changed_at=record.changed_at)
            )
    if touched:
        fields = ["status", "recorded_by", "recorded_at", "changed_at", "change_id"]
        created = [r for r in touched.values() if r.pk is None]
        updated = [r for r in touched.values() if r.pk is not None]
        Attendance.objects.bulk_create(created)
        Attendance.objects.bulk_update(updated, fields)
        if session.attendance_taken_at is None:
            session.attendance_taken_at = now
            session.save(update_fields=["attendance_taken_at"])
        _complete_those_attendance_lets_through(cohort)
    return result


def attendance_scan_refusal(*, session: TrainingSession, membership: CohortMembership, day: date) -> str:
    """Why a code on the roster cannot mark its trainee on ``day``, or "" when it can."""
    if session.cohort.status == Cohort.Status.CLOSED:
        return _("This cohort is closed.")
    if membership.status not in CURRENT:
        return _("This trainee is no longer in this cohort.")
    first_day = local_day(session.starts_at)
    last_day = local_day(session.ends_at) if session.ends_at else first_day
    if not first_day <= day <= last_day:
        return _("This code works only on the day of its session: %(date)s.") % {"date": short_date(first_day)}
    return ""


@transaction.atomic
def attendance_scan_merge(
    *, session: TrainingSession, membership: CohortMembership, change_id: UUID, changed_at: datetime, by, now=None
) -> AttendanceMerge:
    """A code on the roster scanned offline: the trainee present, as of the scan. As a scan online,
    it leaves a trainee marked present or late as they are, and works on the session's day only
    (the day it was scanned, not the day it arrives)."""
    now = now or timezone.now()
    dated = attendance_change_time(session=session, changed_at=changed_at, now=now)
    refusal = attendance_scan_refusal(session=session, membership=membership, day=local_day(dated))
    if refusal:
        raise CohortError(refusal, code="scan")
    record = Attendance.objects.filter(session=session, learner_id=membership.learner_id).first()
    if record is not None and (record.status in Attendance.ATTENDED or record.change_id == change_id):
        return AttendanceMerge(unchanged=[change_id])
    change = AttendanceChange(
        id=change_id, learner_id=membership.learner_id, status=Attendance.Status.PRESENT, changed_at=dated
    )
    return attendance_merge(session=session, changes=[change], by=by, now=now)


def _complete_those_attendance_lets_through(cohort: Cohort) -> None:
    """Trainees who completed the course but waited on attendance may be through now. Who is still
    short is worked out for all of them in one query, so taking attendance for a large cohort
    costs the same as for a small one; those who are through complete as usual."""
    waiting = list(
        CohortMembership.objects.filter(
            cohort=cohort, status=CohortMembership.Status.ACTIVE, enrolment__completed_at__isnull=False
        ).values_list("learner_id", flat=True)
    )
    if not waiting:
        return
    percents = attendance_percents(cohort=cohort, learner_ids=waiting)
    through = [pk for pk in waiting if percents[pk] >= (cohort.min_attendance_percent or 0)]
    for learner in get_user_model().objects.filter(pk__in=through):
        membership_complete_if_done(learner=learner, course_key=cohort.course_key)


def attendance_percent(*, cohort: Cohort, learner) -> int:
    """The share of the cohort's sessions with attendance taken that ``learner`` attended."""
    return attendance_percents(cohort=cohort, learner_ids=[learner.pk])[learner.pk]


def attendance_percents(*, cohort: Cohort, learner_ids: list[int]) -> dict[int, int]:
    """``attendance_percent`` of each of ``learner_ids``, in two queries whatever their number."""
    taken = TrainingSession.objects.filter(cohort=cohort, attendance_taken_at__isnull=False)
    total = taken.count()
    if not total:
        return dict.fromkeys(learner_ids, 0)
    attended = dict(
        Attendance.objects.filter(session__in=taken, learner_id__in=learner_ids, status__in=Attendance.ATTENDED)
        .values("learner_id")
        .annotate(sessions=Count("session", distinct=True))
        .values_list("learner_id", "sessions")
    )
    return {pk: round(100 * attended.get(pk, 0) / total) for pk in learner_ids}


# --- Reminders -----------------------------------------------------------------------------------


@transaction.atomic
def reminder_send(*, cohort: Cohort, learners, message: str, by) -> Reminder:
    """E-mail ``message`` to some of the cohort's trainees, in a background task after commit."""
    message = (message or "").strip()
    if not message:
        raise CohortError(_("Write a message to send."), code="message")
    if len(message) > MAX_REMINDER_LENGTH:
        raise CohortError(
            _("Keep the message under %(limit)s characters.") % {"limit": MAX_REMINDER_LENGTH}, code="message"
        )
    learners = list(learners)
    if not learners:
        raise CohortError(_("Choose at least one trainee."), code="recipients")
    members = set(cohort.memberships.filter(status__in=CURRENT).values_list("learner_id", flat=True))
    if any(learner.pk not in members for learner in learners):
        raise CohortError(_("Some of these people are not in this cohort."), code="not_member")
    reminder = Reminder.objects.create(cohort=cohort, sent_by=by, message=message)
    reminder.recipients.set(learners)
    enqueue_on_commit(tasks.send_reminder, reminder.pk)
    return reminder
