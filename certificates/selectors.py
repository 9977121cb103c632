"""Reads the verification page and the API share."""

from .codes import normalise
from .models import Certificate


def certificate_by_code(typed: str) -> Certificate | None:
    """The certificate a typed code names, or None: unknown, mistyped, or not issued yet all look
    the same from outside (DESIGN invariant 5)."""
    code = normalise(typed or "")
    if code is None:
        return None
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None or certificate.state not in (Certificate.State.ISSUED, Certificate.State.REVOKED):
        return None
    return certificate


def public_facts(certificate: Certificate) -> dict:
    """All that verification tells about a certificate: its status, holder's name, course and dates."""
    return {
        "status": certificate.status(),
        "code": certificate.display_code,
        "holder_name": certificate.holder_name,
        "holder_name_latin": certificate.holder_name_latin,
        "course": certificate.course_title,
        "issued_on": certificate.issued_on.isoformat(),
        "expires_on": certificate.expires_on.isoformat() if certificate.expires_on else None,
        "revoked_on": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
    }
