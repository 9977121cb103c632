"""The ways into a cohort a trainee meets: an invitation e-mail, a join code; and a trainer's reminder."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from cohorts.models import CohortMembership, Invitation, Reminder
from cohorts.services import membership_add
from cohorts.tasks import send_reminder
from courses.models import Enrolment
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def commit_sends_mail(monkeypatch):
    """The e-mails go out after commit, which a test's transaction never reaches: send them at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda callback, *args, **kwargs: callback())


def invite(client, trainer, cohort, emails, language="mn"):
    client.force_login(trainer)
    return client.post(reverse("cohort_invite", args=[cohort.pk]), {"emails": emails, "language": language})


def link_in(message) -> str:
    path = message.body.split("/invitations/")[1].split()[0]
    return f"/mn/invitations/{path}"


def test_an_invitation_creates_the_account_and_enrols(client, trainer, cohort, course):
    invite(client, trainer, cohort, "New.Person@Example.mn")
    [message] = mail.outbox
    assert message.to == ["new.person@example.mn"]
    assert course.title in message.subject  # in Mongolian, the language chosen
    client.logout()
    response = client.post(
        link_in(message),
        {"family_name": "Шинэ", "given_name": "Хүн", "password": "a-long-and-new-password-42"},
    )
    assert response.status_code == 302
    person = User.objects.get(email="new.person@example.mn")
    assert person.last_name == "Шинэ"
    assert CohortMembership.objects.get(cohort=cohort, learner=person).source == CohortMembership.Source.INVITATION
    assert Enrolment.objects.get(learner=person).source == Enrolment.Source.COHORT
    assert client.get(link_in(message)).status_code == 200  # the holder sees it accepted, not an error


def test_an_existing_account_signs_in_and_only_the_invited_address_accepts(client, trainer, cohort, organisation):
    invited = UserFactory(email="known@example.mn", last_name="Хуучин", organisation=organisation)
    invite(client, trainer, cohort, "known@example.mn")
    link = link_in(mail.outbox[0])
    client.logout()
    assert "/accounts/login/" in client.get(link).content.decode()
    someone_else = UserFactory(email="someone@example.mn")
    client.force_login(someone_else)
    client.post(link)
    assert not CohortMembership.objects.filter(cohort=cohort).exists()
    client.force_login(invited)
    client.post(link)
    assert CohortMembership.objects.filter(cohort=cohort, learner=invited).exists()
    invited.refresh_from_db()
    assert invited.last_name == "Хуучин" and invited.organisation == organisation  # linked, not altered


def test_an_expired_invitation_is_refused(client, trainer, cohort):
    invite(client, trainer, cohort, "late@example.mn")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.post(
        link_in(mail.outbox[0]), {"family_name": "А", "given_name": "Б", "password": "x-long-pass-123"}
    )
    assert response.status_code == 410
    assert not User.objects.filter(email="late@example.mn").exists()


def test_bad_addresses_get_a_clear_error_and_nothing_is_sent(client, trainer, cohort):
    response = invite(client, trainer, cohort, "good@example.mn not-an-address")
    assert response.status_code == 200
    assert "not-an-address" in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox


def test_joining_with_a_code_from_the_page(client, cohort, trainees, course):
    client.force_login(trainees[0])
    response = client.post(reverse("cohort_join"), {"code": cohort.join_code.lower()})
    assert response.status_code == 302
    assert CohortMembership.objects.filter(cohort=cohort, learner=trainees[0]).exists()
    client.force_login(trainees[1])
    wrong = client.post(reverse("cohort_join"), {"code": "NOPE1234"})
    assert wrong.status_code == 200 and "errorlist" in wrong.content.decode()
    assert not CohortMembership.objects.filter(learner=trainees[1]).exists()


def test_a_reminder_reaches_only_the_chosen_trainees_in_their_language(client, trainer, cohort, trainees):
    for person in trainees:
        membership_add(cohort=cohort, learner=person, source="trainer")
    trainees[1].preferred_language = "en"
    trainees[1].save()
    client.force_login(trainer)
    response = client.post(
        reverse("cohort_remind", args=[cohort.pk]),
        {"learner": [trainees[0].pk, trainees[1].pk], "message": "Маргааш 10 цагт уулзана."},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([trainees[0].email, trainees[1].email])
    english = next(m for m in mail.outbox if m.to == [trainees[1].email])
    assert "A message from your trainer" in english.subject
    assert "Маргааш 10 цагт уулзана." in english.body
    reminder = Reminder.objects.get()
    assert reminder.sent_at is not None
    send_reminder(reminder.pk)  # delivered twice: sends nothing more
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("message", ["", "   "])
def test_an_empty_reminder_is_refused(client, trainer, cohort, trainees, message):
    membership_add(cohort=cohort, learner=trainees[0], source="trainer")
    client.force_login(trainer)
    response = client.post(
        reverse("cohort_remind", args=[cohort.pk]), {"learner": [trainees[0].pk], "message": message}
    )
    assert response.status_code == 200
    assert not Reminder.objects.exists() and not mail.outbox


def test_guessing_join_codes_is_stopped(client, cohort, trainees):
    client.force_login(trainees[0])
    for n in range(10):
        assert client.post(reverse("cohort_join"), {"code": f"WRONG{n:03d}"}).status_code == 200
    blocked = client.post(reverse("cohort_join"), {"code": cohort.join_code})  # even the right one, for now
    assert blocked.status_code == 429
    assert not CohortMembership.objects.filter(learner=trainees[0]).exists()
    client.force_login(trainees[1])  # someone else is not held back
    assert client.post(reverse("cohort_join"), {"code": cohort.join_code}).status_code == 302
