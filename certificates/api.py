"""Verification for machines: employers' and agencies' own systems ask whether a certificate is
valid. Public (no sign-in), rate-limited per address like the page, and as sparing about the holder."""

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

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


class NotFoundOut(Schema):
    detail: str


@router.get(
    "/certificates/verify/{code}",
    auth=None,
    response={200: VerificationOut, 404: NotFoundOut, 429: NotFoundOut},
    summary="Whether a certificate is valid, expired or revoked",
)
def verify(request, code: str):
    if not lookup_allowed(request):
        return Status(429, {"detail": _("Too many lookups from this address; try again in a few minutes.")})
    certificate = certificate_by_code(code)
    if certificate is None:
        return Status(404, {"detail": _("No certificate has this code.")})
    return Status(200, public_facts(certificate))
