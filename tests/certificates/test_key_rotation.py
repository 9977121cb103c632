"""Rotating the key that signs credentials: credentials signed before still verify against the
published keys, new ones are signed with the new key; withdrawing a retired (compromised) key
makes what it signed fail. With the key in the environment the command only says what to set."""

import io
import re

import pytest
from django.core.files.storage import storages
from django.core.management import call_command

from certificates import credentials, signing_key
from certificates.credentials import signed_credential, signed_status_list, verify
from tests.factories import issued

from .test_credentials import parts, published_key, refused


@pytest.fixture(autouse=True)
def _keys_of_this_test(settings, tmp_path):
    """A private storage of this test's own, so that rotating touches no other test's key."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    assert storages["private"].location == str(tmp_path)
    signing_key.private_key.cache_clear()
    yield
    signing_key.private_key.cache_clear()


@pytest.fixture
def certificate(learner, rule):
    return issued(learner, rule)


def rotate() -> str:
    output = io.StringIO()
    call_command("rotate_credential_key", stdout=output)
    return output.getvalue()


def test_after_a_rotation_old_and_new_credentials_both_verify_with_the_published_keys(client, certificate):
    before = signed_credential(certificate)
    old_list = signed_status_list(0)
    said = rotate()
    after = signed_credential(certificate)

    assert parts(before)[0]["kid"] != parts(after)[0]["kid"]
    assert parts(after)[0]["kid"].rpartition("#")[2] in said and "Restart" in said
    for token in (before, after, old_list):
        verify(token, public_key=published_key(client, parts(token)[0]["kid"]))  # as an outside verifier
        verify(token)  # and as Cascade's own check
    jwks = client.get("/credentials/issuer/jwks.json").json()["keys"]
    assert len(jwks) == 2 and not any("d" in key for key in jwks)
    profile = client.get("/credentials/issuer").json()
    assert {method["id"] for method in profile["verificationMethod"]} == {
        parts(before)[0]["kid"],
        parts(after)[0]["kid"],
    }


def test_a_withdrawn_retired_key_no_longer_verifies_what_it_signed(client, certificate):
    before = signed_credential(certificate)
    rotate()
    storage = storages["private"]
    for name in storage.listdir(signing_key.RETIRED_DIRECTORY)[1]:
        storage.delete(f"{signing_key.RETIRED_DIRECTORY}/{name}")
    refused(before, "unknown_key")
    verify(signed_credential(certificate))
    assert len(client.get("/credentials/issuer/jwks.json").json()["keys"]) == 1


def test_a_process_started_before_the_rotation_signs_with_the_old_key_and_is_believed(certificate, monkeypatch):
    """Web and Celery processes read the key once; until they restart they sign with the old one."""
    old_key = signing_key.private_key()
    rotate()
    new_token = signed_credential(certificate)
    monkeypatch.setattr(credentials, "private_key", lambda: old_key)
    old_token = signed_credential(certificate)
    monkeypatch.undo()
    assert parts(old_token)[0]["kid"] != parts(new_token)[0]["kid"]
    verify(old_token)
    verify(new_token)


def test_with_the_key_in_the_environment_the_command_says_what_to_set_and_changes_nothing(
    client, certificate, settings
):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    settings.CASCADE_CREDENTIAL_KEY = pem.decode().replace("\n", "\\n")
    signing_key.private_key.cache_clear()
    before = signed_credential(certificate)
    said = rotate()
    assert signed_credential(certificate) == before  # nothing changed by itself

    values = dict(re.findall(r"^(CASCADE_CREDENTIAL_(?:KEY|RETIRED_KEYS))=(.+)$", said, re.MULTILINE))
    settings.CASCADE_CREDENTIAL_KEY = values["CASCADE_CREDENTIAL_KEY"]
    settings.CASCADE_CREDENTIAL_RETIRED_KEYS = values["CASCADE_CREDENTIAL_RETIRED_KEYS"]
    signing_key.private_key.cache_clear()
    after = signed_credential(certificate)
    assert parts(after)[0]["kid"] != parts(before)[0]["kid"]
    verify(before, public_key=published_key(client, parts(before)[0]["kid"]))
    verify(after, public_key=published_key(client, parts(after)[0]["kid"]))
