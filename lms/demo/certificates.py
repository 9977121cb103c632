"""The demo's certificates: a template and a rule for each of the two courses learners take, then
what the rules give the demo's people, rendered as the site renders them. ``learner2@demo.mn``
holds a valid certificate of the border course; of two trainees who completed the interviewing
course, one holds a certificate that has expired and one whose certificate the coordinator revoked.

Idempotent: the template and rules are found by name and course; certificates already recorded
are left as they are."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate, CertificateTemplate, CertificationRule
from certificates.services import certificate_revoke, certificates_due_sweep
from courses.models import CoursePage

TEMPLATE = {
    "name": "Хүүхэд хамгааллын сургалт",
    "issuer_mn": "Хүүхэд хамгааллын сургагч багш нарын хөтөлбөр",
    "issuer_en": "Child Protection Trainers' Programme",
    "signatories": [
        {
            "type": "signatory",
            "value": {
                "name_mn": "Б. Оюунчимэг",
                "name_en": "B. Oyunchimeg",
                "title_mn": "Хөтөлбөрийн зохицуулагч",
                "title_en": "Programme coordinator",
                "signature": None,
            },
        }
    ],
}
# Course slug → months a certificate of it is valid.
RULES = {"trafficking-at-the-border": 24, "trauma-informed-interviewing": 36}
EXPIRED_HOLDER = "trainee01@demo.mn"
REVOKED_HOLDER = "trainee02@demo.mn"
REVOKED_BY = "coordinator@demo.mn"
REVOKED_REASON = "Сургалтын ирцийн бүртгэлд алдаа гарсан тул хүчингүй болгов (туршилтын өгөгдөл)."


def seed_rules() -> None:
    template = CertificateTemplate.objects.filter(name=TEMPLATE["name"]).first()
    if template is None:
        template = CertificateTemplate(**TEMPLATE)
        template.save()
        template.save_revision()
    for slug, months in RULES.items():
        course = CoursePage.objects.get(locale__language_code="mn", slug=slug)
        if not CertificationRule.objects.filter(course_key=course.translation_key).exists():
            CertificationRule.objects.create(course=course, validity_months=months, template=template)


def seed_certificates() -> None:
    """Record what the rules give; the PDFs are rendered and e-mailed when the transaction commits."""
    with transaction.atomic():
        seed_rules()
        certificates_due_sweep()
        expired = Certificate.objects.filter(learner__email=EXPIRED_HOLDER).first()
        if expired and expired.rendered_at is None:  # just recorded: it was issued three years ago
            issued_on = timezone.localdate() - timedelta(days=3 * 365 + 40)
            Certificate.objects.filter(pk=expired.pk).update(
                completed_on=issued_on - timedelta(days=1),
                issued_on=issued_on,
                expires_on=issued_on + timedelta(days=3 * 365),
            )
    revoked = Certificate.objects.filter(learner__email=REVOKED_HOLDER).first()
    if revoked and revoked.state != Certificate.State.REVOKED:
        certificate_revoke(certificate=revoked, by=User.objects.get(email=REVOKED_BY), reason=REVOKED_REASON)


def demo_certificates() -> dict[str, Certificate | None]:
    """The three certificates the README and ``seed_demo`` point to, by what verification says."""
    return {
        "valid": Certificate.objects.filter(learner__email="learner2@demo.mn").first(),
        "expired": Certificate.objects.filter(learner__email=EXPIRED_HOLDER).first(),
        "revoked": Certificate.objects.filter(learner__email=REVOKED_HOLDER).first(),
    }
