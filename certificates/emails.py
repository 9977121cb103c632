"""The e-mails a holder gets, in their language: the certificate itself (the PDF attached), and
reminders before it lapses."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.outbound import absolute_url, templated_email

from .rendering import verification_url


def _language(certificate) -> str:
    return certificate.learner.preferred_language or settings.LANGUAGE_CODE


def _context(certificate, language: str, **more) -> dict:
    """What every e-mail about a certificate says: to whom, of which course, and where theirs are."""
    learner = certificate.learner
    with translation.override(language):
        return {
            "certificate": certificate,
            "holder": learner.get_full_name() or learner.email,
            "course": certificate.course_title.get(language) or certificate.course_title.get("mn", ""),
            "mine_url": absolute_url(reverse("my_certificates")),
            **more,
        }


def send_certificate(certificate) -> None:
    language = _language(certificate)
    context = _context(certificate, language, verify_url=verification_url(certificate.code))
    message = templated_email(
        to=certificate.learner.email, language=language, template="certificates/email/issued", context=context
    )
    certificate.pdf.open("rb")
    try:
        message.attach(f"certificate-{certificate.display_code}.pdf", certificate.pdf.read(), "application/pdf")
    finally:
        certificate.pdf.close()
    message.send()


def send_expiry_reminder(certificate, *, days_left: int) -> None:
    language = _language(certificate)
    refresher = certificate.rule.refresher_course
    if refresher is not None:
        refresher = refresher.get_translation_or_none(Locale.objects.get(language_code=language)) or refresher
    with translation.override(language):
        refresher_url = absolute_url(refresher.url) if refresher else ""
    context = _context(certificate, language, days_left=days_left, refresher=refresher, refresher_url=refresher_url)
    templated_email(
        to=certificate.learner.email, language=language, template="certificates/email/expiring", context=context
    ).send()
