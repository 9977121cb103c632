"""A certificate's life: approval first where the rule asks, validity and expiry, renewal through
the refresher course, revocation with a reason, reissue after a name correction, attendance."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from certificates.audit import AuditAction
from certificates.models import Certificate
from certificates.services import CertificateError, certificate_reissue, certificate_revoke, certificates_due_sweep
from cohorts.services import attendance_record, membership_add, session_create
from core.formatting import date_in_sentence
from courses.services import enrolment_create
from tests.factories import authorise, build_course, complete, issued, make_rule, make_user, open_cohort, pdf_text


def test_a_rule_that_asks_for_approval_waits_for_the_trainer(
    django_capture_on_commit_callbacks, client, course, learner
):
    make_rule(course, approval_required=True)
    trainer = make_user(roles.TRAINER, email="approver@example.mn")
    authorise(trainer, course)
    membership_add(cohort=open_cohort(course, trainer), learner=learner, source="trainer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get()
    assert certificate.state == Certificate.State.AWAITING_APPROVAL and mail.outbox == []
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificate_action", args=[certificate.pk, "approve"]))
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED and certificate.approved_by == trainer
    assert len(mail.outbox) == 1


def test_validity_sets_the_expiry_and_verification_reads_it(django_capture_on_commit_callbacks, course, learner):
    make_rule(course, validity_months=24)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get()
    today = timezone.localdate()
    assert (certificate.expires_on.year, certificate.expires_on.month) == (today.year + 2, today.month)
    assert certificate.status() == "valid"
    assert certificate.status(today=certificate.expires_on + timedelta(days=1)) == "expired"


def test_the_refresher_course_renews_the_certificate_in_the_same_chain(
    django_capture_on_commit_callbacks, course, learner
):
    refresher = build_course(modules=1, lessons=1, slug="refresher", translate=False)
    make_rule(course, validity_months=12, refresher_course=refresher)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    first = Certificate.objects.get()
    Certificate.objects.filter(pk=first.pk).update(completed_on=first.completed_on - timedelta(days=360))
    enrolment_create(learner=learner, course=refresher)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, refresher)
    renewal = Certificate.objects.exclude(pk=first.pk).get()
    assert (renewal.chain, renewal.cycle, renewal.state) == (first.chain, 2, Certificate.State.ISSUED)
    assert certificates_due_sweep() == 0  # renewed once, not again


def test_revoking_needs_a_reason_and_is_audited(rule, learner, admin_user):
    certificate = issued(learner, rule)
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, by=admin_user, reason="  ")
    assert Certificate.objects.get(pk=certificate.pk).status() == "valid"
    certificate_revoke(certificate=certificate, by=admin_user, reason="Буруу хүнд олгосон.")
    assert Certificate.objects.get(pk=certificate.pk).status() == "revoked"
    assert AuditEvent.objects.filter(action=AuditAction.CERTIFICATE_REVOKED).count() == 1


def test_a_name_correction_reissues_and_keeps_the_history(
    django_capture_on_commit_callbacks, rule, learner, admin_user
):
    old = issued(learner, rule)
    learner.first_name = "Батбаяр"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=old, by=admin_user, reason="Нэрийн алдаа засав.")
    old.refresh_from_db()
    assert old.status() == "revoked" and old.replaced_by == new
    new.refresh_from_db()
    assert new.holder_name == "Дорж Батбаяр" and new.state == Certificate.State.ISSUED
    assert (new.chain, new.cycle, new.completed_on) == (old.chain, old.cycle, old.completed_on)
    # The corrected paper names the one it replaces, in both languages.
    printed = " ".join(pdf_text(new).split())
    assert f"replaces certificate {old.display_code}" in printed and "Д.Батбаяр" in printed
    assert f"{old.display_code} дугаартай гэрчилгээг орлоно" in printed


def test_the_coordinator_revokes_from_the_list_with_a_reason(client, rule, learner):
    coordinator = make_user(roles.COORDINATOR, organisation=learner.organisation)
    certificate = issued(learner, rule)
    client.force_login(coordinator)
    url = reverse("certificate_action", args=[certificate.pk, "revoke"])
    assert client.post(url, {"reason": ""}).status_code == 200  # the form again, nothing done
    assert Certificate.objects.get(pk=certificate.pk).status() == "valid"
    assert client.post(url, {"reason": "Хуурамч баримт."}).status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).status() == "revoked"


def test_attendance_below_the_rule_holds_the_certificate_until_the_sweep_finds_it_met(
    django_capture_on_commit_callbacks, course, learner
):
    make_rule(course, min_attendance_percent=50)
    trainer = make_user(roles.TRAINER, email="attendance@example.mn")
    authorise(trainer, course)
    cohort = open_cohort(course, trainer, mode="blended")
    membership_add(cohort=cohort, learner=learner, source="trainer")
    session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    attendance_record(session=session, marks={learner.pk: "absent"}, by=trainer)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    assert not Certificate.objects.exists()
    attendance_record(session=session, marks={}, by=trainer)  # present after all
    with django_capture_on_commit_callbacks(execute=True):
        assert certificates_due_sweep() == 1
    assert Certificate.objects.get().state == Certificate.State.ISSUED


def test_a_revoked_certificate_is_not_issued_again_by_itself(django_capture_on_commit_callbacks, rule, course, learner):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate_revoke(certificate=Certificate.objects.get(), by=learner, reason="Хууран мэхэлсэн.")
    with django_capture_on_commit_callbacks(execute=True):
        assert certificates_due_sweep() == 0
    assert Certificate.objects.count() == 1


def test_holders_are_reminded_90_30_and_7_days_before_expiry_each_once(rule, learner):
    from certificates.services import expiry_reminders_send

    refresher = build_course(modules=1, lessons=1, slug="refresh", translate=False)
    rule.refresher_course = refresher
    rule.save()
    certificate = issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=100))
    today = timezone.localdate()
    mail.outbox.clear()
    sent = [expiry_reminders_send(today=today + timedelta(days=offset)) for offset in (0, 10, 11, 70, 71, 93, 94)]
    # 100 days left: nothing; 90: the first; 89: nothing more; 30, then 7: one each.
    assert sent == [0, 1, 0, 1, 0, 1, 0]
    assert [r.days_before for r in certificate.reminders.order_by("sent_at")] == [90, 30, 7]
    # The date as a Mongolian sentence names it, not an ISO date with a case ending glued on.
    expires = date_in_sentence(certificate.expires_on, "mn")
    assert refresher.url in mail.outbox[0].body and expires in mail.outbox[0].subject


def test_a_renewed_certificate_is_not_reminded(rule, learner):
    from certificates.services import expiry_reminders_send

    old = issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=20))
    issued(learner, rule, cycle=2, chain=old.chain, expires_on=timezone.localdate() + timedelta(days=720))
    assert expiry_reminders_send() == 0


def tot_graduate(course, capture):
    """Someone who has just completed the training-of-trainers cohort of ``course``, whose ToT
    course gives a certificate valid for 24 months."""
    from tests.factories import UserFactory

    tot = build_course(modules=1, lessons=1, slug="tot", tot_for=course, self_enrolment=False, translate=False)
    make_rule(tot, validity_months=24)
    master = make_user(roles.MASTER_TRAINER, email="master@example.mn")
    authorise(master, tot)
    graduate = UserFactory()
    membership_add(cohort=open_cohort(tot, master), learner=graduate, source="trainer")
    with capture(execute=True):
        complete(graduate, tot)
    return graduate


def test_a_tot_certificate_carries_the_authorisation_it_rests_on(
    django_capture_on_commit_callbacks, course, admin_user
):
    from cohorts.models import TeachingAuthorisation

    graduate = tot_graduate(course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(learner=graduate)
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert authorisation.valid_until == certificate.expires_on and certificate.display_code in authorisation.evidence
    certificate_revoke(certificate=certificate, by=admin_user, reason="Заах дадлагыг дахин үнэлнэ.")
    authorisation.refresh_from_db()
    assert authorisation.revoked_at is not None and certificate.display_code in authorisation.revoke_reason


def test_the_coordinator_sees_who_must_renew(client, rule, learner):
    soon = issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=40))
    later = issued(learner, rule, cycle=2, expires_on=timezone.localdate() + timedelta(days=400))
    client.force_login(make_user(roles.COORDINATOR, organisation=learner.organisation))
    page = client.get(reverse("certificate_list"), {"state": "expiring"}).content.decode()
    assert soon.display_code in page and later.display_code not in page


def test_a_name_correction_keeps_the_teaching_authorisation_resting_on_the_new_certificate(
    django_capture_on_commit_callbacks, course, admin_user
):
    from cohorts.models import TeachingAuthorisation

    graduate = tot_graduate(course, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=Certificate.objects.get(), by=admin_user, reason="Нэрийн алдаа.")
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert authorisation.revoked_at is None and new.display_code in authorisation.evidence


def test_the_sweep_records_a_renewal_whose_signal_was_lost(django_capture_on_commit_callbacks, course, learner):
    refresher = build_course(modules=1, lessons=1, slug="refresher", translate=False)
    make_rule(course, validity_months=12, refresher_course=refresher)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    first = Certificate.objects.get()
    Certificate.objects.filter(pk=first.pk).update(completed_on=first.completed_on - timedelta(days=360))
    enrolment_create(learner=learner, course=refresher)
    complete(learner, refresher)  # its course_completed is never sent: the transaction is not committed
    assert Certificate.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert certificates_due_sweep() == 1
    assert Certificate.objects.exclude(pk=first.pk).get().cycle == 2
    assert certificates_due_sweep() == 0


@pytest.mark.parametrize("order", ["as connected", "reversed"])
def test_a_tot_authorisation_lapses_with_its_certificate_whatever_order_the_apps_react_in(
    django_capture_on_commit_callbacks, course, order
):
    """Were two apps each to react to a completion on their own, the authorisation would only be
    dated when the certificate came second: swapped, a trainer's authorisation would never lapse."""
    from cohorts.models import TeachingAuthorisation
    from courses.signals import course_completed

    saved = list(course_completed.receivers)
    if order == "reversed":
        course_completed.receivers.reverse()
        course_completed.sender_receivers_cache.clear()
    try:
        graduate = tot_graduate(course, django_capture_on_commit_callbacks)
    finally:
        course_completed.receivers[:] = saved
        course_completed.sender_receivers_cache.clear()
    certificate = Certificate.objects.get(learner=graduate)
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert certificate.expires_on is not None
    assert authorisation.valid_until == certificate.expires_on and certificate.display_code in authorisation.evidence


def test_a_tot_cohort_completed_by_attendance_after_the_certificate_still_lapses_with_it(
    django_capture_on_commit_callbacks, course
):
    """The certificate may come first: the course done online before the last session, while the
    cohort waits for attendance. The authorisation granted when attendance lets the graduate through
    must still end with the certificate."""
    from cohorts.models import TeachingAuthorisation
    from tests.factories import UserFactory

    tot = build_course(modules=1, lessons=1, slug="tot", tot_for=course, self_enrolment=False, translate=False)
    make_rule(tot, validity_months=24)
    master = make_user(roles.MASTER_TRAINER, email="master-late@example.mn")
    authorise(master, tot)
    cohort = open_cohort(tot, master, mode="blended", min_attendance_percent=100)
    graduate = UserFactory()
    membership_add(cohort=cohort, learner=graduate, source="trainer")
    session = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    attendance_record(session=session, marks={graduate.pk: "absent"}, by=master)
    with django_capture_on_commit_callbacks(execute=True):
        complete(graduate, tot)
    certificate = Certificate.objects.get(learner=graduate)
    assert not TeachingAuthorisation.objects.filter(trainer=graduate).exists()
    with django_capture_on_commit_callbacks(execute=True):
        attendance_record(session=session, marks={}, by=master)  # present after all
        certificates_due_sweep()
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert authorisation.valid_until == certificate.expires_on and certificate.display_code in authorisation.evidence
