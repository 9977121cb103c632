"""Trainees brought in by spreadsheet are e-mailed an invitation, in their own language, whose link
sets their first password and signs them in; the trainer sees who has not accepted and resends."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from cohorts import importing
from cohorts.courses_lookup import course_for_key
from cohorts.models import CohortMembership, Invitation, TraineeImport
from tests.factories import authorise, make_user, open_cohort

from .test_import import csv_bytes, person

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Ногоон-нуур-2026"
LINK = re.compile(r"https?://\S+/invitations/[\w-]+/")


@pytest.fixture
def import_file(cohort, django_capture_on_commit_callbacks):
    """Check and import a file as the cohort's trainer, running what waits for the commit (the
    e-mails)."""

    def do(data: bytes) -> TraineeImport:
        with django_capture_on_commit_callbacks(execute=True):
            trainee_import = importing.check(cohort=cohort, file_name="trainees.csv", data=data, by=cohort.lead_trainer)
            assert trainee_import.errors == []
            return importing.run(trainee_import=trainee_import)

    return do


def link_in(message) -> str:
    return LINK.search(message.body).group(0)


def path_of(link: str) -> str:
    return urlsplit(link).path


def test_each_imported_trainee_gets_one_invitation_in_their_language_that_sets_their_password(
    client, cohort, import_file
):
    mail.outbox.clear()
    done = import_file(csv_bytes([person(1, preferred_language="mn"), person(2, preferred_language="en")]))
    assert done.created_accounts == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["trainee.1@police.mn", "trainee.2@police.mn"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Нууц үгээ" in by_address["trainee.1@police.mn"].body
    assert "choose your password" in by_address["trainee.2@police.mn"].body

    address = path_of(link_in(by_address["trainee.2@police.mn"]))
    page = client.get(address)
    assert page.status_code == 200
    assert 'name="password"' in page.content.decode()
    assert "Set my password and start" in page.content.decode()
    answer = client.post(address, {"password": PASSWORD})
    course = course_for_key(cohort.course_key)
    assert answer.status_code == 302 and answer["Location"] == course.url
    trainee = User.objects.get(email="trainee.2@police.mn")
    assert trainee.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=trainee).verified  # the link proved the address
    assert client.get(reverse("my_learning")).status_code == 200  # signed in
    assert int(client.session["_auth_user_id"]) == trainee.pk
    assert CohortMembership.objects.get(cohort=cohort, learner=trainee).status == CohortMembership.Status.ACTIVE
    invitation = Invitation.objects.get(email="trainee.2@police.mn")
    assert invitation.accepted_by == trainee
    # Used once: the link cannot set the password again.
    client.logout()
    assert client.post(address, {"password": "Another-one-2026"}).status_code == 410
    assert User.objects.get(pk=trainee.pk).check_password(PASSWORD)


def test_a_weak_password_is_refused_with_a_reason_and_nothing_changes(client, cohort, import_file):
    mail.outbox.clear()
    import_file(csv_bytes([person(1, preferred_language="en")]))
    address = path_of(link_in(mail.outbox[0]))
    page = client.post(address, {"password": "12345678"})
    assert page.status_code == 200
    assert "too short" in page.content.decode() or "too common" in page.content.decode()
    assert not User.objects.get(email="trainee.1@police.mn").has_usable_password()
    assert "_auth_user_id" not in client.session


def test_importing_the_same_file_again_sends_nothing(cohort, import_file):
    data = csv_bytes([person(1), person(2)])
    import_file(data)
    mail.outbox.clear()
    again = import_file(data)
    assert again.already_members == 2
    assert mail.outbox == []
    assert Invitation.objects.filter(cohort=cohort).count() == 2


def test_a_resent_invitation_has_a_new_working_link_and_the_old_one_stops_working(
    client, cohort, import_file, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    import_file(csv_bytes([person(1, preferred_language="en")]))
    old = path_of(link_in(mail.outbox[0]))
    invitation = Invitation.objects.get(email="trainee.1@police.mn")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())  # it expired
    assert client.get(old).status_code == 410
    client.force_login(cohort.lead_trainer)
    page = client.get(reverse("cohort_invite", args=[cohort.pk])).content.decode()
    assert "trainee.1@police.mn" in page and "not accepted" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("cohort_invitation_resend", args=[cohort.pk, invitation.pk]))
    assert answer.status_code == 302
    assert [message.to[0] for message in mail.outbox] == ["trainee.1@police.mn"]
    new = path_of(link_in(mail.outbox[0]))
    assert new != old
    page = client.get(reverse("cohort_invite", args=[cohort.pk])).content.decode()
    assert "Invited, not yet accepted (sent" in page
    client.logout()
    assert client.get(old).status_code == 404
    assert client.post(old, {"password": PASSWORD}).status_code == 404
    assert client.post(new, {"password": PASSWORD}).status_code == 302
    assert User.objects.get(email="trainee.1@police.mn").check_password(PASSWORD)


def test_another_trainer_cannot_resend_and_a_get_resends_nothing(
    client, course, cohort, import_file, django_capture_on_commit_callbacks
):
    import_file(csv_bytes([person(1)]))
    invitation = Invitation.objects.get(email="trainee.1@police.mn")
    other = make_user(roles.TRAINER, organisation=cohort.organisation, email="trainer-b@example.mn")
    authorise(other, course)
    open_cohort(course, other)
    mail.outbox.clear()
    client.force_login(other)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("cohort_invitation_resend", args=[cohort.pk, invitation.pk])).status_code == 404
    client.force_login(cohort.lead_trainer)
    assert client.get(reverse("cohort_invitation_resend", args=[cohort.pk, invitation.pk])).status_code == 405
    assert mail.outbox == []
    assert Invitation.objects.get(pk=invitation.pk).token == invitation.token


def test_an_account_with_a_password_is_asked_to_sign_in_not_to_set_one(client, cohort, trainees, import_file):
    """The link can be forwarded: it never replaces a password someone already has."""
    mail.outbox.clear()
    import_file(csv_bytes([person(1, email=trainees[0].email)]))
    address = path_of(link_in(mail.outbox[0]))
    page = client.get(address).content.decode()
    assert 'name="password"' not in page
    before = User.objects.get(pk=trainees[0].pk).password
    client.post(address, {"password": PASSWORD})
    assert User.objects.get(pk=trainees[0].pk).password == before
