"""Reads that several views, the API and the background exports share."""

from datetime import timedelta

from django.utils import timezone

from cohorts.permissions import cohorts_visible_to

from .bundles import certificates_of_cohort
from .codes import normalise
from .models import Certificate
from .permissions import certificates_visible_to

# The list's "state" filter beyond the stored states: who must renew soon.
EXPIRING = "expiring"


def certificates_listed(user, *, state: str = "", cohort_id: str | int | None = None):
    """The certificates of the list and its exports: those ``user`` may see, except their own, as
    filtered by state and cohort; newest first or, when expiring, the soonest to lapse first.
    Returns the queryset and the cohort the filter names (None when it names none ``user`` sees)."""
    certificates = certificates_visible_to(user).exclude(learner=user).order_by("-pk")
    if state in Certificate.State.values:
        certificates = certificates.filter(state=state)
    elif state == EXPIRING:  # who must renew soon: coordinators follow this
        today = timezone.localdate()
        certificates = certificates.filter(
            state=Certificate.State.ISSUED, expires_on__gte=today, expires_on__lte=today + timedelta(days=90)
        ).order_by("expires_on", "pk")
    cohort = None
    if str(cohort_id or "").isdigit():
        cohort = cohorts_visible_to(user).filter(pk=cohort_id).first()
    if cohort is not None:
        certificates = certificates.filter(pk__in=certificates_of_cohort(cohort).values("pk"))
    return certificates, cohort


def certificate_by_code(typed: str) -> Certificate | None:
    """The certificate a typed code names, or None: unknown, mistyped, or not issued yet all look
    the same from outside (architecture §4.5)."""
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
