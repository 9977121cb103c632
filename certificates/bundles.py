"""A cohort's certificates as one ZIP file: asked for on a page, built by a Celery task (a cohort
of a hundred is a few megabytes of PDFs), then downloaded by the person who asked."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from cohorts.models import Cohort, CohortMembership
from cohorts.services import CURRENT
from core.enqueue import enqueue_on_commit
from core.text import safe_filename, unique_filename

from .models import Certificate, CertificateBundle


def certificates_of_cohort(cohort: Cohort):
    """The issued certificates of the cohort's current trainees, for the cohort's course."""
    members = CohortMembership.objects.filter(cohort=cohort, status__in=CURRENT).values("learner")
    return (
        Certificate.objects.filter(course_key=cohort.course_key, learner__in=members, state=Certificate.State.ISSUED)
        .exclude(pdf="")
        .order_by("holder_name", "pk")
    )


def bundle_request(*, cohort: Cohort, by) -> CertificateBundle:
    bundle = CertificateBundle.objects.create(cohort=cohort, requested_by=by)
    from .tasks import build_bundle

    enqueue_on_commit(build_bundle, bundle.pk)
    return bundle


def bundle_build(bundle_id: int) -> CertificateBundle | None:
    """Write the ZIP; a no-op once it is written."""
    with transaction.atomic():
        bundle = CertificateBundle.objects.select_for_update(skip_locked=True).filter(pk=bundle_id).first()
        if bundle is None or bundle.finished_at:
            return bundle
        buffer = io.BytesIO()
        count = 0
        taken: set[str] = set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # PDFs are compressed already
            for certificate in certificates_of_cohort(bundle.cohort):
                # The holder's name as typed could climb out of the folder the ZIP is unpacked in;
                # the entry gets a plain file name, the PDF inside keeps the name as written.
                holder = safe_filename(certificate.holder_name, max_bytes=120, fallback="certificate")
                name = f"{holder} {certificate.display_code}.pdf"
                with certificate.pdf.open("rb") as pdf:
                    archive.writestr(unique_filename(name, taken), pdf.read())
                count += 1
        bundle.file.save(f"certificates-{bundle.cohort_id}.zip", ContentFile(buffer.getvalue()), save=False)
        bundle.count, bundle.finished_at = count, timezone.now()
        bundle.save(update_fields=["file", "count", "finished_at"])
        return bundle
