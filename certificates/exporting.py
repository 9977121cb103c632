"""The certificates list as a spreadsheet: who was certified, in what, and until when.

Coordinators keep their organisation's record of certified people and plan the refresher
training of those whose certificates lapse soon; the list on screen stops at 200 rows, the file
holds every certificate the filters select."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cohorts.spreadsheets import rows_csv, rows_xlsx

from .models import Certificate


def _status_label(certificate: Certificate, today) -> str:
    if certificate.state == Certificate.State.AWAITING_APPROVAL:
        return certificate.get_state_display()
    return {
        "valid": _("Valid"),
        "expired": _("Expired"),
        "revoked": _("Revoked"),
    }.get(certificate.status(today), _("Being prepared"))


def certificate_rows(certificates) -> list[list]:
    """The header, then one row per certificate. ``certificates`` must select ``learner__organisation``."""
    today = timezone.localdate()
    language = get_language()
    rows = [
        [
            _("Verification code"),
            _("Holder"),
            _("Name in Latin letters"),
            _("E-mail address"),
            _("Organisation"),
            _("Course"),
            _("State"),
            _("Completed on"),
            _("Issued on"),
            _("Valid until"),
            _("Days until it lapses"),
        ]
    ]
    for certificate in certificates:
        organisation = certificate.learner.organisation
        titles = certificate.course_title or {}
        valid = certificate.state == Certificate.State.ISSUED and certificate.expires_on
        rows.append(
            [
                certificate.display_code,
                certificate.holder_name,
                certificate.holder_name_latin,
                certificate.learner.email,
                organisation.name if organisation else "",
                titles.get(language) or titles.get("mn") or titles.get("en", ""),
                _status_label(certificate, today),
                certificate.completed_on.isoformat(),
                certificate.issued_on.isoformat() if certificate.state in Certificate.PUBLISHED_STATES else "",
                certificate.expires_on.isoformat() if certificate.expires_on else "",
                (certificate.expires_on - today).days if valid and certificate.expires_on >= today else "",
            ]
        )
    return rows


def certificates_csv(certificates) -> bytes:
    return rows_csv(certificate_rows(certificates))


def certificates_xlsx(certificates) -> bytes:
    return rows_xlsx(certificate_rows(certificates), sheet_title=_("Certificates"))


def filename(ext: str) -> str:
    return f"certificates-{timezone.localdate():%Y-%m-%d}.{ext}"
