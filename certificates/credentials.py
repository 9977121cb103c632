"""Every issued certificate is also an Open Badges 3.0 credential (a W3C Verifiable Credential),
signed by Cascade as a VC-JWT: a compact JWS with the EdDSA (Ed25519) algorithm.

Nothing is stored: the credential is computed from the certificate, and Ed25519 signatures are
deterministic, so the same certificate always gives the same credential. Anyone can check it with
the public key published at ``/credentials/issuer/jwks.json`` (the JOSE header's ``kid`` points
there, as Open Badges 3.0 asks); the issuer's profile is at ``/credentials/issuer``.

The key, the public keys published beside it and its rotation are ``signing_key``'s.

A credential says the certificate was issued; whether it is still valid today (expired, revoked)
is what the public verification page it links to answers, and, for revocation, the signed
Bitstring Status List its ``credentialStatus`` points to (``status_list``), which a verifier can
read without a person looking."""

import base64
import binascii
import json
import re
import uuid
from datetime import UTC, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.errors import CascadeError
from core.outbound import absolute_url

from .rendering import verification_url
from .signing_key import ALGORITHM, b64url, private_key, public_jwk, published_keys, thumbprint
from .status_list import PURPOSE, encode, list_url, revocations, status_entry

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
# Credential and subject identifiers are UUIDs derived from the certificate's code in this
# namespace (a constant: changing it would change every credential).
NAMESPACE = uuid.UUID("fd3b199a-97b8-4e6a-a717-6e67fc214b08")
# Open Badges 3.0 (JSON Web Token Proof Format): "typ", if present, MUST be "JWT".
JWS_TYPE = "JWT"
_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")


class CredentialError(CascadeError):
    """A token that is malformed, or whose signature or claims do not hold. Its ``code``: malformed,
    algorithm, unknown_key, signature, claims or not_a_key."""


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


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
    organisation = settings.CASCADE_ORGANISATION_NAME
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
    key = private_key()
    header = {"alg": ALGORITHM, "typ": JWS_TYPE, "kid": key_id(key.public_key())}
    signing_input = f"{b64url(_json(header))}.{b64url(_json(_claims(document)))}"
    return f"{signing_input}.{b64url(key.sign(signing_input.encode('ascii')))}"


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
