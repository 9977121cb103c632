"""Passwords are stored with Argon2id at the recommended parameters; passwords stored before with
PBKDF2 still sign in, and are stored again with Argon2id when they do.

The test settings hash with MD5 to keep the suite fast: these tests put the settings of every
other run mode back (read from lms/settings/base.py, not copied)."""

import pytest
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from lms.settings import base
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_hashers():
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        yield


def test_new_passwords_are_stored_with_argon2id_at_19_mib_2_passes_1_lane():
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$"), encoded
    assert check_password(PASSWORD, encoded)
    assert not check_password("wrong-password-123", encoded)


def test_a_pbkdf2_password_from_before_signs_in_and_is_stored_again_with_argon2id(client):
    person = UserFactory(email="learner@demo.mn")
    person.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    person.save(update_fields=["password"])

    response = client.post(reverse("account_login"), {"login": "learner@demo.mn", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)
    person.refresh_from_db()
    assert identify_hasher(person.password).algorithm == "argon2"
    assert person.check_password(PASSWORD)


def test_a_wrong_password_leaves_a_pbkdf2_hash_as_it_was(client):
    person = UserFactory(email="learner@demo.mn")
    person.password = stored = make_password(PASSWORD, hasher="pbkdf2_sha256")
    person.save(update_fields=["password"])

    client.post(reverse("account_login"), {"login": "learner@demo.mn", "password": "wrong-password-123"})

    person.refresh_from_db()
    assert person.password == stored
