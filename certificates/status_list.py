"""Revocation published as a W3C Bitstring Status List (v1.0): the facts of the lists. A verifier
holding only a credential, not the verification page, can tell from it whether it was revoked
(``credentials.status_list_credential`` builds and signs the list a credential points to).

Every certificate has a bit: list ``pk // LIST_SIZE``, bit ``pk % LIST_SIZE``; a set bit means
revoked (a corrected certificate's predecessor is revoked too). Lists are of the specification's
minimum length, 131,072 bits, so that fetching one tells little about which credential a verifier
is checking. Positions follow the order certificates were recorded in, which the specification
permits; it recommends random positions for more privacy, which would need one stored per
certificate."""

import base64
import gzip
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Min
from django.urls import reverse

from core.outbound import absolute_url

from .models import Certificate
from .signing_key import b64url

LIST_SIZE = 131_072
PURPOSE = "revocation"


def list_url(number: int) -> str:
    return absolute_url(reverse("credential_status_list", args=[number]))


def status_entry(certificate: Certificate) -> dict:
    """The ``credentialStatus`` of a certificate's credential: which bit of which list to read."""
    number, index = divmod(certificate.pk, LIST_SIZE)
    url = list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


@dataclass(frozen=True)
class Revocations:
    revoked: list[int]  # the set bits
    changed_at: datetime  # the last revocation, or when the list's first certificate was recorded


def revocations(number: int) -> Revocations | None:
    """What list ``number`` says, or None when no certificate issued so far has a bit in it."""
    first, last = number * LIST_SIZE, (number + 1) * LIST_SIZE
    in_list = Certificate.objects.filter(pk__gte=first, pk__lt=last)
    published = in_list.filter(state__in=Certificate.PUBLISHED_STATES)
    dates = published.aggregate(recorded=Min("created_at"), revoked=Max("revoked_at"))
    if dates["recorded"] is None:
        return None
    revoked = in_list.filter(state=Certificate.State.REVOKED).values_list("pk", flat=True)
    return Revocations(revoked=[pk - first for pk in revoked], changed_at=dates["revoked"] or dates["recorded"])


def encode(revoked: list[int]) -> str:
    """The specification's ``encodedList``: the bitstring (bit 0 is the first byte's highest bit),
    GZIP-compressed, base64url without padding, behind the multibase prefix ``u``."""
    bits = bytearray(LIST_SIZE // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)  # no timestamp: the same list, the same bytes
    return "u" + b64url(compressed)


def decode(encoded: str) -> bytes:
    """The bitstring an ``encodedList`` holds, as a verifier reads it."""
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))
