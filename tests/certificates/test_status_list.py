"""Revocation as a W3C Bitstring Status List: a verifier holding only a credential follows its
``credentialStatus`` to a list signed with the issuer's published key and reads one bit: set when
the certificate was revoked (a corrected certificate's predecessor included), clear otherwise."""

from datetime import UTC

import pytest
from django.conf import settings

from certificates.credentials import signed_credential, verify
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke
from certificates.status_list import LIST_SIZE, decode, encode, is_set
from tests.factories import UserFactory, issued

from .test_credentials import parts, published_key


def status_of(client, certificate: Certificate) -> bool:
    """What a verifier concludes from the certificate's credential alone: revoked or not."""
    _header, payload, _signature = parts(signed_credential(certificate))
    entry = payload["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry" and entry["statusPurpose"] == "revocation"
    response = client.get(entry["statusListCredential"].removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/")))
    assert response.status_code == 200
    token = response.content.decode()
    header, _payload, _signature = parts(token)
    status_list = verify(token, public_key=published_key(client, header["kid"]))
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = status_list["credentialSubject"]
    assert subject["statusPurpose"] == "revocation" and status_list["id"] == entry["statusListCredential"]
    bits = decode(subject["encodedList"])
    assert len(bits) * 8 == LIST_SIZE
    return is_set(bits, int(entry["statusListIndex"]))


def set_bits(client, number: int = 0) -> int:
    _header, payload, _signature = parts(client.get(f"/credentials/status/{number}").content.decode())
    return sum(bin(byte).count("1") for byte in decode(payload["credentialSubject"]["encodedList"]))


@pytest.fixture
def another(rule):
    person = UserFactory(first_name="Сараа", last_name="Бат")
    return issued(person, rule)


def test_a_valid_certificates_credential_reads_as_not_revoked(client, learner, rule):
    assert status_of(client, issued(learner, rule)) is False


def test_revoking_sets_that_certificates_bit_and_no_other(client, learner, rule, another, coordinator):
    certificate = issued(learner, rule)
    certificate_revoke(certificate=certificate, by=coordinator, reason="Ирцийн бүртгэлд алдаа гарсан")
    certificate.refresh_from_db()
    assert status_of(client, certificate) is True
    assert status_of(client, another) is False
    assert set_bits(client) == 1


def test_a_corrected_certificate_replaces_a_revoked_one_in_the_list(client, learner, rule, coordinator):
    old = issued(learner, rule)
    new = certificate_reissue(certificate=old, by=coordinator, reason="Нэрний алдаа засав")
    old.refresh_from_db()
    assert status_of(client, old) is True
    assert status_of(client, new) is False


def test_the_list_is_dated_by_its_last_change_and_signed_the_same_until_then(
    client, learner, rule, another, coordinator
):
    first = client.get("/credentials/status/0")
    assert first.content == client.get("/credentials/status/0").content
    assert first["Cache-Control"] == "public, max-age=300" and first["Access-Control-Allow-Origin"] == "*"
    certificate_revoke(certificate=issued(learner, rule), by=coordinator, reason="Алдаа")
    changed = client.get("/credentials/status/0")
    assert changed.content != first.content
    revoked_at = Certificate.objects.get(learner=learner).revoked_at
    assert parts(changed.content.decode())[1]["validFrom"] == revoked_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_list_no_issued_certificate_falls_in_is_not_found(client, learner, rule):
    issued(learner, rule, state=Certificate.State.PENDING)  # not issued yet: no list to publish
    assert client.get("/credentials/status/0").status_code == 404
    assert client.get("/credentials/status/1").status_code == 404
    assert client.get("/credentials/status/x").status_code == 404


def test_bits_are_counted_from_the_first_bytes_highest_bit():
    """As the specification orders them, so other verifiers read the same bit."""
    bits = decode(encode([0, 9, LIST_SIZE - 1]))
    assert (bits[0], bits[1], bits[-1]) == (0x80, 0x40, 0x01)
    assert sum(bin(byte).count("1") for byte in bits) == 3


@pytest.mark.parametrize("size", [2, 20])
def test_the_list_costs_the_same_queries_however_many_certificates(
    client, rule, coordinator, size, django_assert_max_num_queries
):
    for n in range(size):
        certificate = issued(UserFactory(), rule)
        if n % 2:
            certificate_revoke(certificate=certificate, by=coordinator, reason="Алдаа")
    with django_assert_max_num_queries(2):
        assert client.get("/credentials/status/0").status_code == 200
