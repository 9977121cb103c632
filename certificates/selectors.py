"""Reads the verification page and the API share."""

from .codes import normalise
from .models import Certificate


def certificate_by_code(typed: str) -> Certificate | None:
    """The certificate a typed code names, or None: unknown, mistyped, or not issued yet all look
    the same from outside (DESIGN invariant 5)."""
    code = normalise(typed or "")
    if code is None:
        return None
    certificate = Certificate.objects.select_related("replaced_by").filter(code=code).first()
    if certificate is None or certificate.state not in Certificate.PUBLISHED_STATES:
        return None
    return certificate


def public_facts(certificate: Certificate) -> dict:
    """All that verification tells about a certificate: its status, holder's name, course and dates;
    and, for a corrected one, the code of the certificate that replaced it or that it replaces, so
    that whoever holds the old paper finds the current one."""
    replacement = certificate.replaced_by
    replaced = Certificate.objects.filter(replaced_by=certificate).only("code").first()
    return {
        "status": certificate.status(),
        "code": certificate.display_code,
        "holder_name": certificate.holder_name,
        "holder_name_latin": certificate.holder_name_latin,
        "course": certificate.course_title,
        "issued_on": certificate.issued_on.isoformat(),
        "expires_on": certificate.expires_on.isoformat() if certificate.expires_on else None,
        "revoked_on": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
        "replaced_by": replacement.display_code
        if replacement and replacement.state in Certificate.PUBLISHED_STATES
        else None,
        "replaces": replaced.display_code if replaced else None,
    }
