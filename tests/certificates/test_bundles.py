"""A cohort's certificates as one ZIP file, built in the background for the person who asked."""

import io
import unicodedata
import zipfile

from django.urls import reverse

from accounts import roles
from certificates.models import Certificate, CertificateBundle
from cohorts.services import membership_add
from tests.factories import UserFactory, authorise, issued, make_user, open_cohort


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


HOSTILE_NAMES = [
    ("..\\..\\..\\Windows\\System32", "Дорж"),
    ("../../etc", "passwd"),
    # Control characters (no NUL: forms refuse it and PostgreSQL cannot store it) and a
    # right-to-left override that would show "exe.jpg".
    ("Бат\x01\x07\x1b[31m", "Болд\u202egpj.exe"),
    ("CON", ""),
    ("Дорж", "Бат"),  # twice: both certificates must be in the ZIP
    ("Дорж", "Бат"),
    ("Б" * 150, "Сүхбаатар" * 16),  # as long as the fields hold: 2 bytes a letter in UTF-8
    ("....", "..."),
]


def test_a_cohorts_zip_names_every_certificate_by_a_plain_file_name_whatever_the_holders_name(
    django_capture_on_commit_callbacks, client, course, rule
):
    """Holders' names are what people typed: as ZIP entry names they could climb out of the folder
    the ZIP is unpacked into, overwrite a file, or hide their real extension."""
    trainer = make_user(roles.TRAINER, email="zip-hostile@example.mn")
    authorise(trainer, course)
    cohort = open_cohort(course, trainer)
    holders = [UserFactory(last_name=last, first_name=first) for last, first in HOSTILE_NAMES]
    for person in holders:
        membership_add(cohort=cohort, learner=person, source="trainer")
        issued(person, rule)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificate_bundle_create", args=[cohort.pk]))
    download = client.get(reverse("certificate_bundle_download", args=[CertificateBundle.objects.get().pk]))
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert len(names) == len(HOSTILE_NAMES)
    assert len({name.casefold() for name in names}) == len(names), names
    for name in names:
        assert "/" not in name and "\\" not in name and ".." not in name, name
        assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in name), repr(name)
        assert name.endswith(".pdf") and not name.startswith(".") and len(name.encode()) <= 150, name
        assert name.split(".")[0].strip().upper() not in ("CON", "PRN", "AUX", "NUL"), name
    assert any("Дорж" in name and "Windows" in name for name in names), names
    # However long the name, the certificate's code stays in its file name.
    codes = {certificate.display_code for certificate in Certificate.objects.all()}
    assert {name.removesuffix(".pdf").rsplit(" ", 1)[-1] for name in names} == codes


def test_the_certificate_still_prints_the_holders_name_as_written(django_capture_on_commit_callbacks, course, rule):
    from tests.factories import complete, pdf_text

    holder = UserFactory(last_name="..\\..\\Дорж", first_name="Бат/Эрдэнэ", email="odd-name@example.mn")
    trainer = make_user(roles.TRAINER, email="t-odd@example.mn")
    authorise(trainer, course)
    membership_add(cohort=open_cohort(course, trainer), learner=holder, source="trainer")
    with django_capture_on_commit_callbacks(execute=True):
        complete(holder, course)
    assert "..\\..\\Дорж Бат/Эрдэнэ" in pdf_text(Certificate.objects.get(learner=holder))
