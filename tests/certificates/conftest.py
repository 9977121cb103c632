"""A course with a certification rule, and a learner who can complete it."""

import pytest

from certificates.models import CertificateTemplate, CertificationRule
from courses.services import enrolment_create, lesson_complete
from tests.courses.conftest import lessons_of
from tests.factories import UserFactory, build_course


def make_template(**fields) -> CertificateTemplate:
    fields.setdefault("name", "Үндсэн загвар")
    fields.setdefault("issuer_mn", "Цагдаагийн ерөнхий газар")
    fields.setdefault("issuer_en", "General Police Department")
    return CertificateTemplate.objects.create(**fields)


def make_rule(course, **fields) -> CertificationRule:
    fields.setdefault("template", make_template(name=f"Загвар {course.slug}"))
    return CertificationRule.objects.create(course=course, **fields)


def pdf_text(certificate) -> str:
    """The text of a certificate's stored PDF, as pdftotext reads it."""
    import subprocess

    with certificate.pdf.open("rb") as pdf:
        data = pdf.read()
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def complete(learner, course) -> None:
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)


@pytest.fixture
def course(db):
    return build_course(modules=1, lessons=2, slug="certified")


@pytest.fixture
def rule(course):
    return make_rule(course)


@pytest.fixture
def learner(course):
    person = UserFactory(
        first_name="Батболд", last_name="Дорж", latin_first_name="Batbold", latin_last_name="Dorj",
        email="inspector@example.mn", preferred_language="mn",
    )  # fmt: skip
    enrolment_create(learner=person, course=course)
    return person


def issued(learner, rule, *, state=None, pdf=b"%PDF-1.4 test", **fields):
    """A certificate recorded and issued at once, without rendering (for pages that only list or serve it)."""
    from datetime import date

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from certificates.codes import new_code
    from certificates.models import Certificate

    fields.setdefault("completed_on", date(2026, 10, 1))
    fields.setdefault("issued_on", date(2026, 10, 2))
    certificate = Certificate.objects.create(
        learner=learner, rule=rule, course_key=rule.course_key, code=new_code(),
        state=state or Certificate.State.ISSUED,
        holder_name=f"{learner.last_name} {learner.first_name}".strip(),
        holder_name_latin=f"{learner.latin_first_name} {learner.latin_last_name}".strip(),
        course_title={"mn": "Баталгаат сургалт", "en": "Certified course"}, hours=12,
        template=rule.template.snapshot(), rendered_at=timezone.now(), **fields,
    )  # fmt: skip
    if pdf:
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf))
    return certificate
