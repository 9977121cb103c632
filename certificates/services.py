"""Writes for certificates (architecture §4.4).

A certificate is recorded (pending) in the transaction that finds its rule met; rendering the PDF
and e-mailing it are a Celery task enqueued on commit, which does each once however often it runs.
A periodic sweep enqueues again whatever is still pending, and records what became due while no
one was looking (a completion whose signal was lost, attendance taken after the course was done)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import audit_record
from assessments.results import passed_post_test
from cohorts.models import Cohort, CohortMembership, TeachingAuthorisation
from cohorts.services import (
    CURRENT,
    attendance_percent,
    authorisation_revoke,
    authorisation_validity_set,
    membership_complete_if_done,
)
from core.enqueue import enqueue_on_commit
from core.errors import CascadeError
from core.formatting import latin_name
from courses.models import CoursePage, Enrolment

from .audit import AuditAction
from .codes import new_code
from .models import Certificate, CertificationRule, ExpiryReminder

# Days before expiry on which the holder is reminded (architecture §5: Celery beat, translated e-mails).
REMINDER_DAYS = (90, 30, 7)


class CertificateError(CascadeError):
    """A request about a certificate that the rules refuse (approve, revoke, reissue)."""


@dataclass
class Due:
    rule: CertificationRule
    completed_on: date
    renewal_of: Certificate | None = None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _course_titles(course_key) -> dict:
    pages = CoursePage.objects.filter(translation_key=course_key).select_related("locale")
    titles = {page.locale.language_code: page.title for page in pages}
    return {"mn": titles.get("mn") or titles.get("en", ""), "en": titles.get("en") or titles.get("mn", "")}


def _requirements_met(rule: CertificationRule, learner, course_key) -> date | None:
    """The day ``learner`` met the rule through the course ``course_key``, or None if not (yet)."""
    enrolment = Enrolment.objects.filter(learner=learner, course_key=course_key, completed_at__isnull=False).first()
    if enrolment is None:
        return None
    if (
        rule.requires_post_test
        and course_key == rule.course_key
        and not passed_post_test(learner=learner, course_key=course_key).exists()
    ):
        return None
    if rule.min_attendance_percent:
        cohorts = Cohort.objects.filter(
            course_key=course_key, memberships__learner=learner, memberships__status__in=CURRENT
        ).distinct()
        if not any(
            attendance_percent(cohort=cohort, learner=learner) >= rule.min_attendance_percent for cohort in cohorts
        ):
            return None
    return timezone.localdate(enrolment.completed_at)


def certificate_due(*, learner, course_key) -> Due | None:
    """What completing ``course_key`` earns ``learner``: a first certificate of its rule, or the
    renewal of a certificate whose rule names it the refresher course. None when nothing is due."""
    rule = CertificationRule.objects.filter(course_key=course_key, active=True).select_related("template").first()
    if rule is not None:
        # Any certificate of the rule, revoked ones too: a revoked certificate is not issued again
        # by itself (a correction goes through ``certificate_reissue``).
        if Certificate.objects.filter(learner=learner, rule=rule).exists():
            return None
        completed_on = _requirements_met(rule, learner, course_key)
        return Due(rule=rule, completed_on=completed_on) if completed_on else None
    refresher_key = course_key
    for rule in CertificationRule.objects.filter(active=True, refresher_course__translation_key=refresher_key):
        latest = Certificate.objects.filter(learner=learner, rule=rule).order_by("-cycle", "-pk").first()
        if latest is None or latest.state == Certificate.State.REVOKED:
            continue  # nothing to renew, or revoked: a refresher does not undo a revocation
        completed_on = _requirements_met(rule, learner, refresher_key)
        if completed_on and completed_on > latest.completed_on:
            return Due(rule=rule, completed_on=completed_on, renewal_of=latest)
    return None


def _holder_names(learner) -> dict:
    """The names a certificate prints, as the holder's profile has them now: Cyrillic in the
    Mongolian order (family name, given name), Latin in the English order, as in the passport."""
    return {
        "holder_name": f"{learner.last_name} {learner.first_name}".strip() or learner.email,
        "holder_name_latin": latin_name(learner.latin_first_name, learner.latin_last_name),
    }


def certificate_issue_if_due(*, learner, course_key) -> Certificate | None:
    """Record the certificate ``learner`` has just earned, if any, and have it rendered after commit.
    Idempotent: twice, or from two processes at once, records one."""
    due = certificate_due(learner=learner, course_key=course_key)
    if due is None:
        return None
    rule = due.rule
    state = Certificate.State.AWAITING_APPROVAL if rule.approval_required else Certificate.State.PENDING
    today = timezone.localdate()
    fields = {
        "learner": learner,
        "rule": rule,
        "course_key": rule.course_key,
        "cycle": due.renewal_of.cycle + 1 if due.renewal_of else 1,
        "state": state,
        **_holder_names(learner),
        "course_title": _course_titles(rule.course_key),
        "hours": rule.course.estimated_hours,
        "completed_on": due.completed_on,
        "issued_on": today,
        "expires_on": _add_months(today, rule.validity_months) if rule.validity_months else None,
        "template": rule.template.snapshot(),
    }
    if due.renewal_of is not None:
        fields["chain"] = due.renewal_of.chain
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(code=new_code(), **fields)
    except IntegrityError:  # recorded a moment ago by another request or task
        return Certificate.objects.filter(learner=learner, rule=rule, cycle=fields["cycle"]).first()
    if state == Certificate.State.PENDING:
        _render_after_commit(certificate)
    _tie_authorisation(certificate)
    return certificate


def course_completion_record(*, learner, course_key) -> Certificate | None:
    """Everything a completed course leads to, in the order it must happen: the learner's cohorts
    of the course complete (a training-of-trainers cohort then authorises its graduate to teach),
    and only then is the certificate recorded, so that it can date the authorisation it is the
    evidence of. The other way round the authorisation would never lapse."""
    with transaction.atomic():
        membership_complete_if_done(learner=learner, course_key=course_key)
        return certificate_issue_if_due(learner=learner, course_key=course_key)


def _taught_course_key(certificate: Certificate):
    """The course a training-of-trainers certificate authorises its holder to teach, or None."""
    course = certificate.rule.course
    return course.tot_for.translation_key if course.tot_for_id else None


def _tie_authorisation(certificate: Certificate) -> None:
    """A training-of-trainers certificate is the evidence of the teaching authorisation its cohort
    gave: the authorisation lapses with the certificate (architecture §1)."""
    taught = _taught_course_key(certificate)
    if taught is not None:
        authorisation_validity_set(
            trainer=certificate.learner,
            course_key=taught,
            valid_until=certificate.expires_on,
            evidence=_("Certificate %(code)s") % {"code": certificate.display_code},
        )


def _render_after_commit(certificate: Certificate) -> None:
    from .tasks import render_certificate

    pk = certificate.pk
    enqueue_on_commit(render_certificate, pk)


def certificate_approve(*, certificate: Certificate, by: User) -> Certificate:
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.state != Certificate.State.AWAITING_APPROVAL:
            raise CertificateError(_("This certificate is not waiting for approval."), "not_waiting")
        certificate.state = Certificate.State.PENDING
        certificate.approved_by = by
        certificate.issued_on = timezone.localdate()
        if certificate.rule.validity_months:
            certificate.expires_on = _add_months(certificate.issued_on, certificate.rule.validity_months)
        certificate.save(update_fields=["state", "approved_by", "issued_on", "expires_on"])
        _render_after_commit(certificate)
        _tie_authorisation(certificate)
    return certificate


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Revoke with a written reason, audited. The record stays; verification then says "revoked".
    A training-of-trainers certificate takes the teaching authorisation it rested on with it."""
    with transaction.atomic():
        certificate = _revoke(certificate=certificate, by=by, reason=reason)
        taught = _taught_course_key(certificate)
        if taught is not None:
            for authorisation in TeachingAuthorisation.objects.filter(
                trainer=certificate.learner, course_key=taught, basis=TeachingAuthorisation.Basis.TOT_COHORT
            ):
                authorisation_revoke(
                    authorisation=authorisation,
                    by=by,
                    reason=_("The certificate it rested on (%(code)s) was revoked: %(reason)s")
                    % {"code": certificate.display_code, "reason": certificate.revoked_reason},
                )
    return certificate


def _revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Say why the certificate is revoked."), "reason_required")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.state == Certificate.State.REVOKED:
            raise CertificateError(_("This certificate is already revoked."), "revoked")
        certificate.state = Certificate.State.REVOKED
        certificate.revoked_at, certificate.revoked_by, certificate.revoked_reason = timezone.now(), by, reason
        certificate.save(update_fields=["state", "revoked_at", "revoked_by", "revoked_reason"])
        audit_record(action=AuditAction.CERTIFICATE_REVOKED, target=certificate, data={"reason": reason})
    return certificate


def certificate_reissue(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """A corrected certificate (the holder's name as it stands now): the old one is revoked with
    ``reason`` and points to its replacement, which keeps the chain, cycle, dates and template."""
    with transaction.atomic():
        # A correction, not a revocation of what the holder earned: their authorisation stays,
        # and now rests on the new certificate.
        old = _revoke(certificate=certificate, by=by, reason=reason)
        learner = old.learner
        new = Certificate.objects.create(
            learner=learner, rule=old.rule, course_key=old.course_key, chain=old.chain, cycle=old.cycle,
            code=new_code(), state=Certificate.State.PENDING,
            **_holder_names(learner),
            course_title=old.course_title, hours=old.hours, completed_on=old.completed_on, issued_on=old.issued_on,
            expires_on=old.expires_on, template=old.template,
        )  # fmt: skip
        Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
        audit_record(action=AuditAction.CERTIFICATE_REISSUED, target=new, data={"replaces": old.code, "reason": reason})
        _render_after_commit(new)
        _tie_authorisation(new)
    return new


def expiry_reminders_send(*, today: date | None = None) -> int:
    """Remind holders 90, 30 and 7 days before their certificate lapses, each once; a certificate
    already renewed (a later cycle in its chain) needs no reminder. Returns how many were sent."""
    from . import emails

    today = today or timezone.localdate()
    renewed = Certificate.objects.filter(cycle__gt=OuterRef("cycle"), chain=OuterRef("chain")).exclude(
        state=Certificate.State.REVOKED
    )
    expiring = (
        Certificate.objects.filter(
            state=Certificate.State.ISSUED,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=max(REMINDER_DAYS)),
        )
        .exclude(Exists(renewed))
        .select_related("learner", "rule__refresher_course")
    )
    sent = 0
    for certificate in expiring:
        days_left = (certificate.expires_on - today).days
        threshold = min(days for days in REMINDER_DAYS if days_left <= days)
        # At most once: the record is committed before the mail server sees the reminder, so a
        # worker killed after sending but before the commit does not remind twice. A refused send
        # removes the record again, and the next run tries again.
        with transaction.atomic():
            reminder, created = ExpiryReminder.objects.get_or_create(certificate=certificate, days_before=threshold)
        if not created:
            continue
        try:
            emails.send_expiry_reminder(certificate, days_left=days_left)
        except Exception:
            reminder.delete()
            raise
        sent += 1
    return sent


def _may_meet(rule: CertificationRule, enrolments, *, post_test: bool):
    """``enrolments`` less those that cannot meet ``rule`` yet, ruled out in the database: without
    a passed post-test, or (where attendance counts) outside every current cohort of the course.
    The sweep runs every few minutes; checking each such completion one by one every run would
    grow with every learner who has not yet passed."""
    if post_test:
        enrolments = enrolments.filter(
            Exists(passed_post_test(learner=OuterRef("learner"), course_key=OuterRef("course_key")))
        )
    if rule.min_attendance_percent:
        member = CohortMembership.objects.filter(
            learner=OuterRef("learner"), cohort__course_key=OuterRef("course_key"), status__in=CURRENT
        )
        enrolments = enrolments.filter(Exists(member))
    return enrolments


def certificates_due_sweep() -> int:
    """Record the certificates that became due without a completion signal: completed enrolments of
    courses with a rule (or its refresher) and no certificate yet. Returns how many were recorded."""
    recorded = 0
    completed = Enrolment.objects.filter(completed_at__isnull=False).select_related("learner")
    for rule in CertificationRule.objects.filter(active=True).select_related("refresher_course"):
        holders = Certificate.objects.filter(rule=rule).values("learner")
        # First certificates: the course completed, no certificate of the rule yet.
        first = completed.filter(course_key=rule.course_key).exclude(learner__in=holders)
        candidates = list(_may_meet(rule, first, post_test=rule.requires_post_test))
        if rule.refresher_course:
            # Renewals: the refresher completed after the holder's latest certificate's completion.
            renewed = Certificate.objects.filter(
                rule=rule, learner=OuterRef("learner"), completed_on__gte=OuterRef("completed_on")
            )
            renewals = (
                completed.filter(course_key=rule.refresher_course.translation_key, learner__in=holders)
                .annotate(completed_on=TruncDate("completed_at"))
                .exclude(Exists(renewed))
            )
            candidates += _may_meet(rule, renewals, post_test=False)
        for enrolment in candidates:
            if certificate_issue_if_due(learner=enrolment.learner, course_key=enrolment.course_key) is not None:
                recorded += 1
    _date_authorisations_granted_after_their_certificate()
    return recorded


def _date_authorisations_granted_after_their_certificate() -> None:
    """A training-of-trainers cohort that waited on attendance authorises its graduate only when the
    attendance is taken, after the certificate was recorded and found nothing to date: such an
    authorisation would never lapse. Tie it to the certificate it rests on. Only undated
    authorisations are looked at, so the sweep costs nothing once each is dated."""
    undated = TeachingAuthorisation.objects.filter(
        basis=TeachingAuthorisation.Basis.TOT_COHORT, revoked_at__isnull=True, valid_until__isnull=True
    ).select_related("trainer")
    for authorisation in undated:
        certificate = (
            Certificate.objects.filter(
                learner=authorisation.trainer,
                rule__course__tot_for__translation_key=authorisation.course_key,
                replaced_by__isnull=True,
                # A certificate that has lapsed already is no evidence for an authorisation granted since.
                expires_on__gte=timezone.localdate(),
            )
            .exclude(state=Certificate.State.REVOKED)
            .select_related("rule__course__tot_for")
            .order_by("-cycle", "-pk")
            .first()
        )
        if certificate is not None:
            _tie_authorisation(certificate)
