"""Every issued certificate is also an Open Badges 3.0 credential (a W3C Verifiable Credential),
signed by Cascade as a VC-JWT: a compact JWS with the EdDSA (Ed25519) algorithm.

Nothing is stored: the credential is computed from the certificate, and Ed25519 signatures are
deterministic, so the same certificate always gives the same credential. Anyone can check it with
the public key published at ``/credentials/issuer/jwks.json`` (the JOSE header's ``kid`` points
there, as Open Badges 3.0 asks); the issuer's profile is at ``/credentials/issuer``.

The key can be rotated (``manage.py rotate_credential_key``): the old key's public half stays
published as a retired key, so credentials signed with it still verify; withdrawing a retired key
(a compromised one) makes them fail.

A credential says the certificate was issued; whether it is still valid today (expired, revoked)
is what the public verification page it links to answers, and, for revocation, the signed
Bitstring Status List its ``credentialStatus`` points to (``status_list``), which a verifier can
read without a person looking."""

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import time as clock
import uuid
from datetime import UTC, datetime, time
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.outbound import absolute_url

from .rendering import verification_url
from .status_list import PURPOSE, encode, list_url, revocations, status_entry

KEY_ENVIRONMENT_VARIABLE = "CASCADE_CREDENTIAL_KEY"
KEY_PATH = "keys/credential-ed25519.pem"
# Public keys only: the halves of earlier keys that still verify what they signed.
RETIRED_ENVIRONMENT_VARIABLE = "CASCADE_CREDENTIAL_RETIRED_KEYS"
RETIRED_DIRECTORY = "keys/retired"
CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
# Credential and subject identifiers are UUIDs derived from the certificate's code in this
# namespace (a constant: changing it would change every credential).
NAMESPACE = uuid.UUID("fd3b199a-97b8-4e6a-a717-6e67fc214b08")
ALGORITHM = "EdDSA"
# Open Badges 3.0 (JSON Web Token Proof Format): "typ", if present, MUST be "JWT".
JWS_TYPE = "JWT"
_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_PUBLIC_PEM = re.compile(rb"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


class CredentialError(Exception):
    """A token that is malformed, or whose signature or claims do not hold."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code  # malformed, algorithm, unknown_key, signature, claims or not_a_key


# --- The issuer's key ----------------------------------------------------------------------------


@cache
def private_key() -> Ed25519PrivateKey:
    """The issuer's signing key, read once per process (a process started before a rotation signs
    with the old key until it restarts; that key stays published, so what it signs verifies).

    From ``CASCADE_CREDENTIAL_KEY`` (PEM, PKCS8) when it is set: the way to keep it in a secret
    manager. Otherwise it is generated once and kept in the *private* storage, never under a
    public URL: every web and Celery process, on every machine, must sign with the same key, and
    the private storage is the one place they all share (a file per process, or a key per start,
    would make credentials signed elsewhere unverifiable against the published key)."""
    pem = os.environ.get(KEY_ENVIRONMENT_VARIABLE, "").strip()
    if pem:
        return _parse_key(_pem_from_environment(pem), KEY_ENVIRONMENT_VARIABLE)
    return _stored_key(create=True)


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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def thumbprint(key: Ed25519PublicKey | None = None) -> str:
    """The key's RFC 7638 thumbprint: SHA-256 of its required JWK members, in order, no spaces."""
    key = key or private_key().public_key()
    required = {"crv": "Ed25519", "kty": "OKP", "x": _b64(_public_bytes(key))}
    return _b64(hashlib.sha256(json.dumps(required, separators=(",", ":"), sort_keys=True).encode()).digest())


def public_jwk(key: Ed25519PublicKey | None = None) -> dict:
    """A public key (the signing key's unless given) as a JWK, never with ``d``, named by its thumbprint."""
    key = key or private_key().public_key()
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64(_public_bytes(key)), "kid": thumbprint(key), "alg": ALGORITHM}


def published_keys() -> dict[str, Ed25519PublicKey]:
    """Every key a credential of this issuer may be signed with, by thumbprint: this process's,
    the one stored now (another process may have rotated it), and the retired ones. Read afresh
    each time: a rotation or a withdrawn key shows at once."""
    keys = [private_key().public_key()]
    if not os.environ.get(KEY_ENVIRONMENT_VARIABLE, "").strip() and (stored := _stored_key(create=False)):
        keys.append(stored.public_key())
    keys += _retired_keys()
    return {thumbprint(key): key for key in keys}


def _retired_keys() -> list[Ed25519PublicKey]:
    configured = _pem_from_environment(os.environ.get(RETIRED_ENVIRONMENT_VARIABLE, "").strip())
    pems = _PUBLIC_PEM.findall(configured)
    if configured and not pems:
        raise ImproperlyConfigured(f"{RETIRED_ENVIRONMENT_VARIABLE} holds no PEM public key.")
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
    if os.environ.get(KEY_ENVIRONMENT_VARIABLE, "").strip():
        raise ImproperlyConfigured(f"{KEY_ENVIRONMENT_VARIABLE} is set: the key is not kept in the storage.")
    storage = storages["private"]
    old = _stored_key(create=True).public_key()
    retired = f"{RETIRED_DIRECTORY}/{thumbprint(old)}.pem"
    if not storage.exists(retired):
        storage.save(retired, ContentFile(public_pem(old)))
    storage.delete(KEY_PATH)
    private_key.cache_clear()
    return thumbprint(old), thumbprint(private_key().public_key())


def public_key_from_jwk(jwk: dict) -> Ed25519PublicKey:
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or "d" in jwk:
        raise CredentialError(_("This is not an Ed25519 public key."), "not_a_key")
    try:
        return Ed25519PublicKey.from_public_bytes(_unb64(jwk.get("x", "")))
    except ValueError as error:
        raise CredentialError(_("This is not an Ed25519 public key."), "not_a_key") from error


# --- Addresses --------------------------------------------------------------------------------


def _absolute(name: str) -> str:
    return absolute_url(reverse(name))


def issuer_id() -> str:
    return _absolute("credential_issuer")


def key_id(key: Ed25519PublicKey | None = None) -> str:
    """The JOSE ``kid``: a URL that dereferences to the key (the signing key's unless given), as
    Open Badges 3.0 asks; the JWKS published there, and the key in it named by the fragment."""
    return f"{_absolute('credential_jwks')}#{thumbprint(key)}"


def _issuer_name() -> str:
    organisation = getattr(settings, "CASCADE_ORGANISATION_NAME", "")
    return f"Cascade · {organisation}" if organisation else "Cascade"


def _issuer() -> dict:
    return {"id": issuer_id(), "type": ["Profile"], "name": _issuer_name()}


def issuer_profile() -> dict:
    """The Open Badges Profile of the issuer, with its public keys."""
    profile = issuer_id()
    keys = published_keys().values()
    return {
        "@context": CONTEXT,
        "id": profile,
        "type": ["Profile"],
        "name": _issuer_name(),
        "url": absolute_url("/"),
        # Retired keys too: what they signed before a rotation still stands.
        "verificationMethod": [
            {"id": key_id(key), "type": "JsonWebKey", "controller": profile, "publicKeyJwk": public_jwk(key)}
            for key in keys
        ],
        "assertionMethod": [key_id(key) for key in keys],
    }


# --- The credential ----------------------------------------------------------------------------


def _instant(day, at: time) -> datetime:
    """The certificate's dates are days in the installation's time zone; credentials carry instants."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(settings.TIME_ZONE)).astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _in_each_language(make, separator: str = "\n") -> str:
    """The text in every language of the site, each once. A credential does not follow the
    language of whoever downloads it: that would change the signed bytes."""
    texts = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            text = make(code)
        if text and text not in texts:
            texts.append(text)
    return separator.join(texts)


def credential(certificate) -> dict:
    """The unsigned OpenBadgeCredential of an issued certificate: names, course and dates, as
    printed on it; no e-mail address or other personal data."""
    titles = certificate.course_title or {}
    issuers = (certificate.template or {}).get("issuer") or {}

    def title(code: str) -> str:
        return titles.get(code) or titles.get(settings.LANGUAGE_CODE) or next(iter(titles.values()), "")

    def described(code: str) -> str:
        # Translators: signed into every certificate's Open Badges credential, in each language of the site.
        return _("A certificate of completing the course “%(course)s”, issued by %(issuer)s.") % {
            "course": title(code),
            "issuer": issuers.get(code) or _issuer_name(),
        }

    def criteria(code: str) -> str:
        if certificate.hours:
            # Translators: signed into every certificate's Open Badges credential, in each language of the site.
            return _("Complete the course “%(course)s” (%(hours)s hours) as its certification rule requires.") % {
                "course": title(code),
                "hours": f"{Decimal(str(certificate.hours)).normalize():f}",  # 12, not 12.0
            }
        # Translators: signed into every certificate's Open Badges credential, in each language of the site.
        return _("Complete the course “%(course)s” as its certification rule requires.") % {"course": title(code)}

    names = [name for name in (certificate.holder_name, certificate.holder_name_latin) if name]
    name = _in_each_language(title, " / ")
    document = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(NAMESPACE, certificate.code)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": _issuer(),
        "validFrom": _iso(_instant(certificate.issued_on, time.min)),
        "credentialSubject": {
            "id": f"urn:uuid:{uuid.uuid5(NAMESPACE, 'subject:' + certificate.code)}",
            "type": ["AchievementSubject"],
            "name": certificate.holder_name,
            "identifier": [
                {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": holder}
                for holder in names
            ],
            "achievement": {
                "id": f"urn:uuid:{certificate.course_key}",
                "type": ["Achievement"],
                "achievementType": "CertificateOfCompletion",
                "name": name,
                "description": _in_each_language(described),
                "criteria": {"narrative": _in_each_language(criteria)},
            },
        },
        # Where anyone can see whether it is still valid (expired, revoked) today.
        "url": verification_url(certificate.code),
        "credentialSchema": [{"id": SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        # Whether it was revoked, for verifiers that read it without the page.
        "credentialStatus": status_entry(certificate),
    }
    if certificate.expires_on:
        # Valid through its last day, as on the verification page.
        document["validUntil"] = _iso(_instant(certificate.expires_on, time(23, 59, 59)))
    return document


def _claims(document: dict) -> dict:
    """The JWT claims Open Badges 3.0 asks for, mirroring the credential, then the credential."""
    claims = {
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "sub": document["credentialSubject"]["id"],
        "nbf": _numeric_date(document["validFrom"]),
    }
    if "validUntil" in document:
        claims["exp"] = _numeric_date(document["validUntil"])
    return {**claims, **document}


def _numeric_date(moment: str) -> int:
    return int(datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def _sign(document: dict) -> str:
    """A VC-JWT (compact JWS, EdDSA): the same bytes every time for the same document."""
    header = {"alg": ALGORITHM, "typ": JWS_TYPE, "kid": key_id()}
    signing_input = f"{_b64(_json(header))}.{_b64(_json(_claims(document)))}"
    return f"{signing_input}.{_b64(private_key().sign(signing_input.encode('ascii')))}"


def signed_credential(certificate) -> str:
    return _sign(credential(certificate))


def status_list_credential(number: int) -> dict | None:
    """The BitstringStatusListCredential of list ``number`` (None when no certificate issued so
    far has a bit in it), dated when it last changed: the same revocations, the same bytes."""
    facts = revocations(number)
    if facts is None:
        return None
    url = list_url(number)
    return {
        "@context": CONTEXT[:1],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": _issuer(),
        "validFrom": _iso(facts.changed_at.astimezone(UTC)),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(facts.revoked),
        },
    }


def signed_status_list(number: int) -> str | None:
    document = status_list_credential(number)
    return _sign(document) if document else None


# --- Verifying ----------------------------------------------------------------------------------


def _unb64(part: str) -> bytes:
    if not isinstance(part, str) or not _BASE64URL.match(part):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except binascii.Error as error:
        raise ValueError("not base64url") from error


def _no_duplicates(pairs):
    keys = [key for key, _value in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a member appears twice")
    return dict(pairs)


def _json_object(part: str) -> dict:
    try:
        value = json.loads(_unb64(part).decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError) as error:
        raise CredentialError(
            _("The credential is malformed: its header or content is not readable."), "malformed"
        ) from error
    if not isinstance(value, dict):
        raise CredentialError(_("The credential is malformed: its header or content is not readable."), "malformed")
    return value


def verify(token: str, public_key: Ed25519PublicKey | None = None) -> dict:
    """The credential's payload (a certificate's or a status list's) when its signature holds, by
    ``public_key`` or else this issuer's key; raises CredentialError when the token is malformed,
    changed, or signed by another key. It does not judge whether the certificate is still valid
    today."""
    parts = token.strip().split(".") if isinstance(token, str) else []
    if len(parts) != 3 or not all(parts):
        raise CredentialError(_("The credential is malformed: it is not a compact JWS of three parts."), "malformed")
    header = _json_object(parts[0])
    # Only EdDSA: never let the token choose how it is checked ("none", HMAC with the public key).
    if header.get("alg") != ALGORITHM or "crit" in header:
        raise CredentialError(_("The credential is not signed with EdDSA (Ed25519)."), "algorithm")
    if public_key is None:
        public_key = published_keys().get(str(header.get("kid", "")).rpartition("#")[2])
        if public_key is None:
            raise CredentialError(_("The credential is signed by a key this issuer does not publish."), "unknown_key")
    try:
        signature = _unb64(parts[2])
        public_key.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except (ValueError, InvalidSignature) as error:
        raise CredentialError(
            _("The signature does not match: the credential was changed, or not signed with this key."),
            "signature",
        ) from error
    payload = _json_object(parts[1])
    _check_claims(payload)
    return payload


def _check_claims(payload: dict) -> None:
    """Open Badges 3.0: iss, jti, sub and nbf must mirror the credential they carry."""
    try:
        consistent = (
            "VerifiableCredential" in payload["type"]
            and payload["iss"] == payload["issuer"]["id"]
            and payload["jti"] == payload["id"]
            and payload["sub"] == payload["credentialSubject"]["id"]
            and payload["nbf"] == _numeric_date(payload["validFrom"])
            and payload.get("exp") == (_numeric_date(payload["validUntil"]) if "validUntil" in payload else None)
        )
    except (KeyError, TypeError, ValueError):
        consistent = False
    if not consistent:
        raise CredentialError(_("The credential's claims do not match its contents."), "claims")
