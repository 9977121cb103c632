"""The codes printed beside each trainee on a session's roster, and reading them back.

A code is a signed token naming one trainee in one session: the phone's camera opens
``/<language>/attendance/scan/<token>/`` and a trainer who runs the session marks the trainee
present there. The signature (Django's signing, with a salt of its own so that no other signed
value of the site reads as one) makes tokens impossible to forge or to move to another session or
trainee; the token holds two numbers and nothing about the person. A token confers nothing by
itself: the page checks who is signed in as the attendance page does.

Under each QR code the roster prints a short code drawn from the same secret, so that the trainer
can see on the phone that the row they scanned is the row they meant.
"""

import base64
import hashlib

from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from core.outbound import absolute_url

SALT = "cascade.cohorts.attendance-scan"


def scan_token(*, session_id: int, learner_id: int) -> str:
    return signing.Signer(salt=SALT).sign_object([session_id, learner_id])


def read_scan_token(token: str) -> tuple[int, int] | None:
    """(session id, learner id) of a token this site signed, or None for anything else."""
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(type(part) is int for part in value)):
        return None
    return value[0], value[1]


def short_code(*, session_id: int, learner_id: int) -> str:
    """Eight letters and digits, as ``K7QM-2XHA``: easy to read aloud and compare."""
    digest = salted_hmac(SALT + ".short", f"{session_id}:{learner_id}", algorithm="sha256").digest()
    letters = base64.b32encode(hashlib.sha256(digest).digest()[:5]).decode()
    return f"{letters[:4]}-{letters[4:]}"


def scan_url(*, session_id: int, learner_id: int) -> str:
    """The code's address in the active language (the trainer's, as they print the roster)."""
    return absolute_url(reverse("attendance_scan", args=[scan_token(session_id=session_id, learner_id=learner_id)]))
