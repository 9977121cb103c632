"""A training hall, or an agency behind one NAT, signs in from one address: the limits per address
must let a hall of a hundred in at once, while the limits per account still stop anyone guessing
one person's password, from however many addresses."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
HALL = "203.0.113.40"


def sign_in(login, password=PASSWORD, address=HALL) -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("account_login"), {"login": login, "password": password})
    return client, response


def signed_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


def held_back(response) -> bool:
    """Refused by a limit: a 429 from the sign-in page's own limit, or the form's "too many
    attempts" when the failed-attempt limit holds."""
    if response.status_code == 429:
        return True
    form = response.context["form"] if response.context and "form" in response.context else None
    return bool(form) and any(
        error.code == "too_many_login_attempts" for error in form.errors.as_data().get("__all__", [])
    )


def test_a_hall_of_a_hundred_trainees_signs_in_from_one_address_within_a_minute():
    trainees = UserFactory.create_batch(100)
    started = time.monotonic()
    refused = []
    for trainee in trainees:
        client, response = sign_in(trainee.email)
        if response.status_code != 302 or signed_in_as(client) != str(trainee.pk):
            refused.append((trainee.email, response.status_code))
    assert time.monotonic() - started < 60  # within the minute the limit counts
    assert refused == []


def test_trainees_in_a_hall_who_mistype_their_password_once_still_get_in():
    trainees = UserFactory.create_batch(40)
    for trainee in trainees:
        _, response = sign_in(trainee.email, "mistyped-password-1")
        assert response.status_code == 200 and not held_back(response)
    for trainee in trainees:
        client, response = sign_in(trainee.email)
        assert response.status_code == 302 and signed_in_as(client) == str(trainee.pk), trainee.email


def test_six_wrong_passwords_from_changing_addresses_lock_the_account_even_against_the_right_one():
    person = UserFactory(email="target@demo.mn")
    for attempt in range(5):
        _, response = sign_in(person.email, f"guess-{attempt}-password", address=f"198.51.100.{attempt + 1}")
        assert not held_back(response)
    # The sixth try is refused whatever it is, from wherever it comes.
    _, response = sign_in(person.email, "guess-6-password", address="198.51.100.77")
    assert held_back(response)
    client, response = sign_in(person.email, address="198.51.100.78")
    assert held_back(response) and signed_in_as(client) is None
    # Other people at the guesser's address are not held back.
    other = UserFactory()
    client, response = sign_in(other.email, address="198.51.100.1")
    assert signed_in_as(client) == str(other.pk)


def test_the_lock_on_an_account_opens_again_after_five_minutes(monkeypatch):
    person = UserFactory(email="target@demo.mn")
    for attempt in range(5):
        sign_in(person.email, f"guess-{attempt}-password")
    client, response = sign_in(person.email)
    assert held_back(response) and signed_in_as(client) is None

    later = time.time() + 5 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    client, response = sign_in(person.email)
    assert signed_in_as(client) == str(person.pk)


def test_one_address_cannot_try_passwords_on_a_whole_organisation_without_end(monkeypatch):
    """A hall's allowance is not a guesser's: past the failures a hall could make in a minute, the
    address is held back for everyone."""
    people = UserFactory.create_batch(101)
    # All within the same minute, however slow the machine running the test (on a busy one, 101
    # sign-ins took longer than the limit's minute, and the first ones no longer counted).
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    outcomes = [held_back(sign_in(person.email, "spray-password-1")[1]) for person in people]
    assert not any(outcomes[:100])
    assert outcomes[100]
