"""A cohort's certificates as one ZIP file, built in the background for the person who asked."""

import io
import zipfile

from django.urls import reverse

from accounts import roles
from certificates.models import Certificate, CertificateBundle
from cohorts.services import membership_add
from tests.cohorts.conftest import authorise, open_cohort
from tests.conftest import make_user
from tests.factories import UserFactory

from .conftest import issued


def test_a_trainer_downloads_the_cohorts_certificates_as_one_zip(
    django_capture_on_commit_callbacks, client, course, rule, learner
):
    trainer = make_user(roles.TRAINER, email="zip-trainer@example.mn")
    authorise(trainer, course)
    cohort = open_cohort(course, trainer)
    others = [UserFactory(last_name=f"Суралцагч{n}") for n in range(3)]
    for person in [learner, *others]:
        membership_add(cohort=cohort, learner=person, source="trainer")
    mine = [issued(person, rule, pdf=f"%PDF {person.pk}".encode()) for person in [learner, *others[:2]]]
    issued(others[2], rule, state=Certificate.State.REVOKED)  # revoked: left out
    outsider = UserFactory()
    issued(outsider, rule)  # not in the cohort: left out

    client.force_login(trainer)
    page = client.get(reverse("certificate_list"), {"cohort": cohort.pk}).content.decode()
    assert reverse("certificate_bundle_create", args=[cohort.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificate_bundle_create", args=[cohort.pk]))
    bundle = CertificateBundle.objects.get()
    assert response["Location"] == reverse("certificate_bundle", args=[bundle.pk])
    assert bundle.count == 3 and bundle.finished_at
    download = client.get(reverse("certificate_bundle_download", args=[bundle.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == sorted(f"{c.holder_name} {c.display_code}.pdf" for c in mine)


def test_a_bundle_not_ready_yet_says_so_and_cannot_be_downloaded(client, course, rule):
    trainer = make_user(roles.TRAINER, email="waiting@example.mn")
    authorise(trainer, course)
    bundle = CertificateBundle.objects.create(cohort=open_cohort(course, trainer), requested_by=trainer)
    client.force_login(trainer)
    assert 'http-equiv="refresh"' in client.get(reverse("certificate_bundle", args=[bundle.pk])).content.decode()
    assert client.get(reverse("certificate_bundle_download", args=[bundle.pk])).status_code == 404
