"""The start-up checks of what a deployment's environment can get wrong (lms/checks.py): each one
stays quiet on a good setting and names the setting, with its documented id, on a bad one."""

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key

from lms import checks


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def one_line(pem: bytes) -> str:
    return pem.decode().strip().replace("\n", "\\n")


def ed25519_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize("key", sorted(checks.KNOWN_SECRET_KEYS))
def test_a_secret_key_copied_from_the_code_is_refused(settings, key):
    settings.SECRET_KEY = key
    assert ids(checks.secret_key_not_from_the_repository(None)) == ["cascade.E003"]
    settings.SECRET_KEY = "a-new-random-key-" + "x7Qp" * 12
    assert checks.secret_key_not_from_the_repository(None) == []


@pytest.mark.parametrize(
    "address",
    [
        "http://cascade.example.mn",  # plain http: links and QR codes would not be https
        "cascade.example.mn",  # no scheme
        "https://",  # no host
        "https://cascade.example.mn/mn/",  # a path: every link would get it twice
        "https://cascade.example.mn:port",  # a port that is not a number
        "",
    ],
)
def test_a_base_url_that_is_not_the_sites_https_address_is_refused(settings, address):
    settings.BASE_URL = address
    messages = checks.base_url_is_https(None)
    assert ids(messages) == ["cascade.E004"] and "BASE_URL" in messages[0].msg


@pytest.mark.parametrize("address", ["https://cascade.example.mn", "https://cascade.example.mn/", "https://x.mn:8443"])
def test_an_https_base_url_passes(settings, address):
    settings.BASE_URL = address
    assert checks.base_url_is_https(None) == []


def test_a_base_url_whose_host_is_not_allowed_is_refused(settings):
    settings.BASE_URL = "https://cascade.example.mn"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    messages = checks.base_url_host_is_allowed(None)
    assert ids(messages) == ["cascade.E005"] and "cascade.example.mn" in messages[0].hint
    for allowed in (["cascade.example.mn"], [".example.mn"], ["*"]):
        settings.ALLOWED_HOSTS = allowed
        assert checks.base_url_host_is_allowed(None) == []


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:6379/0", "does not start with redis://"),
        ("127.0.0.1:6379", "does not start with redis://"),
        ("redis://:6379/0", "names no host"),
        ("redis://127.0.0.1:63a9/0", "port is not a number"),
        ("redis://127.0.0.1:6379/cache", "not a database number"),
        ("unix://", "names no socket"),
    ],
)
def test_a_malformed_redis_url_is_refused(settings, url, reason):
    settings.REDIS_URL = url
    messages = checks.redis_url_well_formed(None)
    assert ids(messages) == ["cascade.E006"] and reason in messages[0].msg


@pytest.mark.parametrize(
    "url",
    ["", "redis://127.0.0.1:6379/0", "rediss://:secret@redis.example.mn:6380/2", "redis://redis", "unix:///run/r.sock"],
)
def test_a_good_redis_url_passes(settings, url):
    settings.REDIS_URL = url
    assert checks.redis_url_well_formed(None) == []


def test_a_credential_key_that_cannot_sign_is_refused_at_start_up(settings):
    rsa = generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for bad, reason in (("not a key", "not an unencrypted PKCS8 PEM"), (one_line(rsa), "not an Ed25519 key")):
        settings.CASCADE_CREDENTIAL_KEY = bad
        messages = checks.credential_keys_readable(None)
        assert ids(messages) == ["cascade.E007"] and reason in messages[0].msg
    settings.CASCADE_CREDENTIAL_KEY = one_line(ed25519_pem())
    assert checks.credential_keys_readable(None) == []


def test_retired_keys_that_cannot_verify_are_refused_at_start_up(settings):
    settings.CASCADE_CREDENTIAL_RETIRED_KEYS = "-----BEGIN PRIVATE KEY-----"
    assert ids(checks.credential_keys_readable(None)) == ["cascade.E008"]
    public = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    settings.CASCADE_CREDENTIAL_RETIRED_KEYS = one_line(public)
    assert checks.credential_keys_readable(None) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("SESSION_IDLE_MINUTES", 0),
        ("CASCADE_EXPORT_INLINE_ROWS", -1),
        ("CASCADE_DOWNLOAD_KEEP", timedelta(0)),
        ("ALLAUTH_TRUSTED_PROXY_COUNT", -1),
    ],
)
def test_a_number_out_of_its_range_is_refused(settings, name, value):
    setattr(settings, name, value)
    messages = checks.numbers_in_range(None)
    assert ids(messages) == ["cascade.E009"] and "must be at least" in messages[0].msg


def test_the_default_numbers_pass():
    assert checks.numbers_in_range(None) == []


def test_an_environment_number_that_is_not_a_number_is_named(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from lms.settings.base import env_int

    monkeypatch.setenv("SESSION_IDLE_MINUTES", "30m")
    with pytest.raises(ImproperlyConfigured, match="SESSION_IDLE_MINUTES must be a whole number, not '30m'"):
        env_int("SESSION_IDLE_MINUTES", 30)


def test_smtp_on_port_465_with_starttls_is_refused(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = 465
    assert ids(checks.smtp_port_matches_tls(None)) == ["cascade.E010"]
    settings.EMAIL_PORT = 587
    assert checks.smtp_port_matches_tls(None) == []


@pytest.mark.parametrize("sender", ["Cascade <no-reply@cascade.local>", "no-reply", "Cascade <a@b.invalid>"])
def test_a_sender_address_of_no_real_domain_is_warned_about(settings, sender):
    settings.DEFAULT_FROM_EMAIL = sender
    assert ids(checks.sender_address_deliverable(None)) == ["cascade.W002"]


def test_a_sender_address_of_a_real_domain_passes(settings):
    settings.DEFAULT_FROM_EMAIL = "Cascade <cascade@example.mn>"
    assert checks.sender_address_deliverable(None) == []
