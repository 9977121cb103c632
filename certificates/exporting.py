"""The certificates list as a spreadsheet: who was certified, in what, and until when.

Coordinators keep their organisation's record of certified people and plan the refresher
training of those whose certificates lapse soon; the list on screen stops at 200 rows, the file
holds every certificate the filters select.

Small files are written while the browser waits; larger ones (``CASCADE_EXPORT_INLINE_ROWS``) are
prepared by a worker as a :mod:`core.downloads` kind. Both go through :func:`certificates_write`, a
row at a time from a database cursor, so neither holds more than a chunk of certificates in memory."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cohorts.permissions import cohorts_visible_to
from core.downloads import DownloadKind, download_request
from core.formatting import short_date
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, write_csv, write_xlsx

from .models import Certificate
from .permissions import can_list_certificates

KIND = "certificates"
FORMATS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}
# Rows fetched from the database at a time: memory stays flat whatever the number of certificates.
CHUNK = 2000


def _status_label(certificate: Certificate, today) -> str:
    if certificate.state == Certificate.State.AWAITING_APPROVAL:
        return certificate.get_state_display()
    return {
        "valid": _("Valid"),
        "expired": _("Expired"),
        "revoked": _("Revoked"),
    }.get(certificate.status(today), _("Being prepared"))


def certificate_rows(certificates):
    """The header, then one row per certificate, as they come."""
    today = timezone.localdate()
    language = get_language()
    yield [
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
    for certificate in certificates:
        organisation = certificate.learner.organisation
        titles = certificate.course_title or {}
        valid = certificate.state == Certificate.State.ISSUED and certificate.expires_on
        yield [
            certificate.display_code,
            certificate.holder_name,
            certificate.holder_name_latin,
            certificate.learner.email,
            organisation.name if organisation else "",
            titles.get(language) or titles.get("mn") or titles.get("en", ""),
            _status_label(certificate, today),
            short_date(certificate.completed_on),
            short_date(certificate.issued_on) if certificate.state in Certificate.PUBLISHED_STATES else "",
            short_date(certificate.expires_on),
            (certificate.expires_on - today).days if valid and certificate.expires_on >= today else "",
        ]


def certificates_write(certificates, file_format: str, out, progress=None) -> int:
    """Write the certificates ``certificates_listed`` selected to ``out``; return the rows written."""
    rows = certificate_rows(certificates.select_related("learner__organisation").iterator(chunk_size=CHUNK))
    if file_format == "csv":
        return write_csv(rows, out, progress=progress)
    return write_xlsx(rows, out, sheet_title=_("Certificates"), progress=progress)


def filename(ext: str) -> str:
    return f"certificates-{timezone.localdate():%Y-%m-%d}.{ext}"


# --- Prepared in the background ---------------------------------------------------------------


def export_request(*, by, file_format: str, state: str, cohort, total: int):
    """Record the export for a worker. What it holds is chosen again when it is built, through the
    same scoping as the list: a person who lost a cohort meanwhile does not get its certificates."""
    return download_request(
        kind=KIND,
        by=by,
        params={"format": file_format, "state": state, "cohort": cohort.pk if cohort else None},
        filename=filename(file_format),
        content_type=FORMATS[file_format],
        total=total,
    )


def _build(download, out, progress) -> int:
    from .selectors import certificates_listed

    params = download.params
    certificates, _cohort = certificates_listed(
        download.requested_by, state=params.get("state", ""), cohort_id=params.get("cohort")
    )
    return certificates_write(certificates, params["format"], out, progress=progress)


def _may_download(user, download) -> bool:
    cohort = download.params.get("cohort")
    return can_list_certificates(user) and (cohort is None or cohorts_visible_to(user).filter(pk=cohort).exists())


def _back_url(download) -> str:
    query = {key: value for key in ("state", "cohort") if (value := download.params.get(key))}
    url = reverse("certificate_list")
    return f"{url}?{urlencode(query)}" if query else url


DOWNLOAD_KIND = DownloadKind(
    name=KIND,
    title=gettext_lazy("Certificates as a spreadsheet"),
    build=_build,
    may_download=_may_download,
    back_url=_back_url,
)
