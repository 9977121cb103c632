"""Verification for machines: employers' and agencies' own systems ask whether a certificate is
valid. Public (no sign-in), rate-limited per address like the page, and as sparing about the holder."""

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from core.api import errors, refusal

from .selectors import certificate_by_code, public_facts
from .throttle import lookup_allowed

router = Router(tags=["certificates"])


class CourseTitle(Schema):
    mn: str
    en: str


class VerificationOut(Schema):
    status: str  # "valid", "expired" or "revoked"
    code: str
    holder_name: str
    holder_name_latin: str
    course: CourseTitle
    issued_on: str
    expires_on: str | None
    revoked_on: str | None
    replaced_by: str | None  # the code of the corrected certificate that replaced a revoked one
    replaces: str | None  # the code of the certificate a corrected one replaced


@router.get(
    "/certificates/verify/{code}",
    auth=None,
    # 403: a signed-in member of staff who has not set up two-factor authentication yet is stopped
    # before any page or API answers, this one included.
    response={200: VerificationOut, **errors(403, 404, 429)},
    summary="Whether a certificate is valid, expired or revoked",
)
def verify(request, code: str):
    if not lookup_allowed(request):
        return refusal(429, _("Too many lookups from this address; try again in a few minutes."), "throttled")
    certificate = certificate_by_code(code)
    if certificate is None:
        return refusal(404, _("No certificate has this code."), "not_found")
    return Status(200, public_facts(certificate))
