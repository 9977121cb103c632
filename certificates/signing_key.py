"""The issuer's Ed25519 key that signs certificates' credentials and status lists: where it is kept,
the public keys published for verifiers (this one and retired ones), and its rotation.

The key comes from ``CASCADE_CREDENTIAL_KEY`` (read by the settings from the environment) when set,
otherwise from the private storage, made
once. Rotating it (``manage.py rotate_credential_key``) keeps the old key's public half published
as a retired key, so credentials signed with it still verify; withdrawing a retired key (a
compromised one) makes them fail."""

import base64
import contextlib
import hashlib
import json
import os
import re
import time as clock
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

KEY_ENVIRONMENT_VARIABLE = "CASCADE_CREDENTIAL_KEY"
KEY_PATH = "keys/credential-ed25519.pem"
# Public keys only: the halves of earlier keys that still verify what they signed.
RETIRED_ENVIRONMENT_VARIABLE = "CASCADE_CREDENTIAL_RETIRED_KEYS"
RETIRED_DIRECTORY = "keys/retired"
ALGORITHM = "EdDSA"
_PUBLIC_PEM = re.compile(rb"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


@cache
def private_key() -> Ed25519PrivateKey:
    """The issuer's signing key, read once per process (a process started before a rotation signs
    with the old key until it restarts; that key stays published, so what it signs verifies).

    From ``CASCADE_CREDENTIAL_KEY`` (PEM, PKCS8) when it is set: the way to keep it in a secret
    manager. Otherwise it is generated once and kept in the *private* storage, never under a
    public URL: every web and Celery process, on every machine, must sign with the same key, and
    the private storage is the one place they all share (a file per process, or a key per start,
    would make credentials signed elsewhere unverifiable against the published key)."""
    return configured_key() or _stored_key(create=True)


def configured_key() -> Ed25519PrivateKey | None:
    """The key set in ``CASCADE_CREDENTIAL_KEY``, if any. Raises ImproperlyConfigured when it is not
    an Ed25519 PKCS8 PEM private key (the start-up check ``cascade.E007`` says so first)."""
    pem = settings.CASCADE_CREDENTIAL_KEY.strip()
    if not pem:
        return None
    return _parse_key(_pem_from_environment(pem), KEY_ENVIRONMENT_VARIABLE)


def _pem_from_environment(value: str) -> bytes:
    return value.replace("\\n", "\n").encode()


def _stored_key(*, create: bool) -> Ed25519PrivateKey | None:
    storage = storages["private"]
    for attempt in range(5):
        try:
            with storage.open(KEY_PATH, "rb") as stored:
                return _parse_key(stored.read(), KEY_PATH)
        except FileNotFoundError:
            if not create:
                return None
            _store_new_key(storage)
        except ImproperlyConfigured:
            if attempt == 4:
                raise
            clock.sleep(0.1)  # another process is writing it at this moment
    raise ImproperlyConfigured(f"The credential key {KEY_PATH} cannot be read from the private storage.")


def _store_new_key(storage) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    saved = storage.save(KEY_PATH, ContentFile(pem))
    if saved != KEY_PATH:
        storage.delete(saved)  # another process stored its key first: everyone uses that one
        return
    with contextlib.suppress(NotImplementedError):  # not a local file system: its own access rules apply
        os.chmod(storage.path(saved), 0o600)


def _parse_key(pem: bytes, source: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(f"{source} is not an unencrypted PKCS8 PEM private key.") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{source} is not an Ed25519 key.")
    return key


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def thumbprint(key: Ed25519PublicKey | None = None) -> str:
    """The key's RFC 7638 thumbprint: SHA-256 of its required JWK members, in order, no spaces."""
    key = key or private_key().public_key()
    required = {"crv": "Ed25519", "kty": "OKP", "x": b64url(_public_bytes(key))}
    return b64url(hashlib.sha256(json.dumps(required, separators=(",", ":"), sort_keys=True).encode()).digest())


def public_jwk(key: Ed25519PublicKey | None = None) -> dict:
    """A public key (the signing key's unless given) as a JWK, never with ``d``, named by its thumbprint."""
    key = key or private_key().public_key()
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(_public_bytes(key)), "kid": thumbprint(key), "alg": ALGORITHM}


def published_keys() -> dict[str, Ed25519PublicKey]:
    """Every key a credential of this issuer may be signed with, by thumbprint: this process's,
    the one stored now (another process may have rotated it), and the retired ones. Read afresh
    each time: a rotation or a withdrawn key shows at once."""
    keys = [private_key().public_key()]
    if not settings.CASCADE_CREDENTIAL_KEY.strip() and (stored := _stored_key(create=False)):
        keys.append(stored.public_key())
    keys += _retired_keys()
    return {thumbprint(key): key for key in keys}


def configured_retired_keys() -> list[Ed25519PublicKey]:
    """The retired keys set in ``CASCADE_CREDENTIAL_RETIRED_KEYS``. Raises ImproperlyConfigured when
    it holds something other than Ed25519 PEM public keys (the start-up check ``cascade.E008``)."""
    return [_parse_public_key(pem) for pem in _configured_retired_pems()]


def _configured_retired_pems() -> list[bytes]:
    configured = _pem_from_environment(settings.CASCADE_CREDENTIAL_RETIRED_KEYS.strip())
    pems = _PUBLIC_PEM.findall(configured)
    if configured and not pems:
        raise ImproperlyConfigured(f"{RETIRED_ENVIRONMENT_VARIABLE} holds no PEM public key.")
    return pems


def _retired_keys() -> list[Ed25519PublicKey]:
    pems = _configured_retired_pems()
    storage = storages["private"]
    with contextlib.suppress(FileNotFoundError):
        for name in sorted(storage.listdir(RETIRED_DIRECTORY)[1]):
            with storage.open(f"{RETIRED_DIRECTORY}/{name}", "rb") as stored:
                pems.append(stored.read())
    return [_parse_public_key(pem) for pem in pems]


def _parse_public_key(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.strip() + b"\n")
    except ValueError as error:
        raise ImproperlyConfigured("A retired credential key is not a PEM public key.") from error
    if not isinstance(key, Ed25519PublicKey):
        raise ImproperlyConfigured("A retired credential key is not an Ed25519 key.")
    return key


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def rotate_stored_key() -> tuple[str, str]:
    """A new signing key in the private storage; the old one's public half is kept as a retired
    key. Returns the old and new thumbprints. Not for a key set in the environment: there the
    operator replaces it (``manage.py rotate_credential_key`` says how)."""
    if settings.CASCADE_CREDENTIAL_KEY.strip():
        raise ImproperlyConfigured(f"{KEY_ENVIRONMENT_VARIABLE} is set: the key is not kept in the storage.")
    storage = storages["private"]
    old = _stored_key(create=True).public_key()
    retired = f"{RETIRED_DIRECTORY}/{thumbprint(old)}.pem"
    if not storage.exists(retired):
        storage.save(retired, ContentFile(public_pem(old)))
    storage.delete(KEY_PATH)
    private_key.cache_clear()
    return thumbprint(old), thumbprint(private_key().public_key())
