"""Every issued certificate is also a signed Open Badges 3.0 credential (VC-JWT, EdDSA): the untouched
credential verifies with the key the issuer publishes, a changed or foreign one does not; it carries
no e-mail address; only those who may see the certificate download it."""

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.files.storage import storages
from django.urls import resolve, reverse

from certificates import signing_key
from certificates.credentials import (
    CredentialError,
    credential,
    public_key_from_jwk,
    signed_credential,
    verify,
)
from certificates.models import Certificate
from certificates.rendering import verification_url
from tests.factories import UserFactory, complete, make_rule


@pytest.fixture
def rule(course):
    return make_rule(course, validity_months=24)


@pytest.fixture
def certificate(django_capture_on_commit_callbacks, rule, course, learner):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.state == Certificate.State.ISSUED and certificate.expires_on
    return certificate


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def refused(token: str, code: str, **kwargs) -> None:
    with pytest.raises(CredentialError) as raised:
        verify(token, **kwargs)
    assert raised.value.code == code, raised.value.message


def parts(token: str) -> tuple[dict, dict, str]:
    header, payload, signature = token.split(".")
    return json.loads(b64decode(header)), json.loads(b64decode(payload)), signature


def published_key(client, kid: str):
    """The key as a verifier finds it: the JWKS the ``kid`` names, and the key its fragment names."""
    address, _, name = kid.partition("#")
    assert address == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/credentials/issuer/jwks.json"
    response = client.get("/credentials/issuer/jwks.json")
    assert response.status_code == 200
    (jwk,) = [key for key in response.json()["keys"] if key["kid"] == name]
    assert "d" not in jwk
    return public_key_from_jwk(jwk)


def test_the_untouched_credential_verifies_with_the_published_key(client, certificate):
    token = signed_credential(certificate)
    header, _payload, _signature = parts(token)
    assert header == {"alg": "EdDSA", "typ": "JWT", "kid": header["kid"]}

    payload = verify(token, public_key=published_key(client, header["kid"]))

    assert payload == verify(token)
    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["id"].startswith("urn:uuid:") and payload["jti"] == payload["id"]
    assert (
        payload["iss"] == payload["issuer"]["id"] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/credentials/issuer"
    )
    assert payload["issuer"]["type"] == ["Profile"]
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and payload["sub"] == subject["id"]
    assert subject["name"] == "Дорж Батболд" == certificate.holder_name
    assert [entry["identityHash"] for entry in subject["identifier"]] == ["Дорж Батболд", "Batbold Dorj"]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"] and achievement["id"] == f"urn:uuid:{certificate.course_key}"
    assert certificate.course_title["mn"] in achievement["name"] and achievement["criteria"]["narrative"]
    assert payload["validFrom"] < payload["validUntil"] and payload["nbf"] < payload["exp"]
    assert payload["url"] == verification_url(certificate.code)


def test_changing_one_character_of_the_payload_fails(certificate):
    token = signed_credential(certificate)
    header, payload, signature = token.split(".")
    content = b64decode(payload).decode()
    assert content.count("Батболд") == 2  # the name and its identifier
    forged = b64encode(content.replace("Батболд", "Батбилд").encode())
    refused(f"{header}.{forged}.{signature}", "signature")
    # And one character of the encoded token itself.
    flipped = payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:]
    refused(f"{header}.{flipped}.{signature}", "signature")


def test_a_token_signed_by_another_key_fails(client, certificate):
    token = signed_credential(certificate)
    header, payload, _signature = token.split(".")
    other = Ed25519PrivateKey.generate()
    forged = f"{header}.{payload}.{b64encode(other.sign(f'{header}.{payload}'.encode()))}"
    refused(forged, "signature")
    refused(forged, "signature", public_key=published_key(client, parts(token)[0]["kid"]))
    # The forger's own key vouches only for the forger.
    refused(token, "signature", public_key=other.public_key())


@pytest.mark.parametrize(
    "token",
    ["", "not a token", "a.b", "a.b.c.d", "e30.e30.", "!!.e30.e30", "W10.e30.e30", "e30=.e30.e30"],
)
def test_malformed_tokens_fail_clearly(db, token):
    refused(token, "malformed")


def test_a_token_that_chooses_another_algorithm_fails(certificate):
    token = signed_credential(certificate)
    _header, payload, signature = token.split(".")
    for header in ({"alg": "none"}, {"alg": "HS256", "kid": parts(token)[0]["kid"]}):
        refused(f"{b64encode(json.dumps(header).encode())}.{payload}.{signature}", "algorithm")


def test_a_token_naming_another_key_or_with_claims_that_disagree_fails(certificate):
    token = signed_credential(certificate)
    header, payload, _signature = parts(token)

    def signed(header: dict, payload: dict) -> str:
        signing_input = f"{b64encode(json.dumps(header).encode())}.{b64encode(json.dumps(payload).encode())}"
        return f"{signing_input}.{b64encode(signing_key.private_key().sign(signing_input.encode()))}"

    refused(signed({**header, "kid": header["kid"].partition("#")[0] + "#another"}, payload), "unknown_key")
    refused(signed(header, {**payload, "iss": "https://elsewhere.example/issuer"}), "claims")
    refused(signed(header, {**payload, "exp": payload["exp"] + 3600 * 24 * 365}), "claims")
    assert verify(signed(header, payload)) == payload


def test_the_credential_carries_no_email_address(certificate, learner):
    text = json.dumps(verify(signed_credential(certificate)), ensure_ascii=False)
    assert learner.email not in text and "@example" not in text and "email" not in text.lower()
    assert learner.email not in json.dumps(credential(certificate), ensure_ascii=False)


def test_the_same_certificate_gives_the_same_token(certificate):
    first = signed_credential(certificate)
    certificate.refresh_from_db()
    assert signed_credential(certificate) == first


def test_the_learner_downloads_their_own_credential_and_nobody_else_does(client, certificate, learner):
    address = reverse("certificate_credential", args=[certificate.pk])
    assert resolve(address).url_name == "certificate_credential"
    assert client.get(address).status_code == 302  # sign in first

    client.force_login(learner)
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwt"
    assert f'filename="certificate-{certificate.display_code}.jwt"' in response["Content-Disposition"]
    assert response.content.decode() == signed_credential(certificate)

    client.force_login(UserFactory())
    assert client.get(address).status_code == 404


def test_a_revoked_certificate_has_no_credential_to_download(client, certificate, learner):
    Certificate.objects.filter(pk=certificate.pk).update(state=Certificate.State.REVOKED)
    client.force_login(learner)
    assert client.get(reverse("certificate_credential", args=[certificate.pk])).status_code == 404


def test_my_certificates_links_to_the_credential(client, certificate, learner):
    client.force_login(learner)
    page = client.get(reverse("my_certificates")).content.decode()
    assert reverse("certificate_credential", args=[certificate.pk]) in page


def test_the_issuer_profile_is_public_and_names_the_key(client, certificate):
    response = client.get("/credentials/issuer")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    profile = response.json()
    assert profile["id"] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/credentials/issuer"
    assert profile["type"] == ["Profile"] and profile["name"].startswith("Cascade")
    (method,) = profile["verificationMethod"]
    kid = parts(signed_credential(certificate))[0]["kid"]
    assert method["id"] == kid and profile["assertionMethod"] == [kid]
    assert method["publicKeyJwk"] == client.get("/credentials/issuer/jwks.json").json()["keys"][0]
    assert "d" not in method["publicKeyJwk"]
    # The credential names the same issuer.
    assert verify(signed_credential(certificate))["issuer"]["id"] == profile["id"]


def test_the_key_is_kept_in_the_private_storage(db):
    signing_key.public_jwk()
    storage = storages["private"]
    assert storage.exists(signing_key.KEY_PATH)
    with storage.open(signing_key.KEY_PATH, "rb") as stored:
        key = serialization.load_pem_private_key(stored.read(), password=None)
    assert signing_key.thumbprint(key.public_key()) == signing_key.public_jwk()["kid"]


def test_a_key_from_the_environment_comes_first(db, settings):
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    settings.CASCADE_CREDENTIAL_KEY = pem
    signing_key.private_key.cache_clear()
    try:
        assert signing_key.public_jwk()["kid"] == signing_key.thumbprint(key.public_key())
    finally:
        settings.CASCADE_CREDENTIAL_KEY = ""
        signing_key.private_key.cache_clear()
    assert signing_key.public_jwk()["kid"] != signing_key.thumbprint(key.public_key())


def test_the_thumbprint_follows_rfc_7638():
    # RFC 8037, appendix A.3: the thumbprint of the example Ed25519 key.
    x = b64decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
    public = Ed25519PrivateKey.from_private_bytes(b64decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")).public_key()
    assert public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw) == x
    assert signing_key.thumbprint(public) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
