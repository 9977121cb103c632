"""The e-mails a holder gets, in their language: the certificate itself (the PDF attached), and
reminders before it lapses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from core.outbound import absolute_url, templated_email

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


def certificate_message_id(certificate) -> str:
    """The same Message-ID every time this certificate is e-mailed: should it ever go out twice
    (sent again by hand after a crash), mail servers and clients can tell it is the same message."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "cascade.local"
    return f"<certificate-{certificate.code}@{host}>"


def send_certificate(certificate) -> None:
    language = _language(certificate)
    context = _context(certificate, language, verify_url=verification_url(certificate.code))
    message = templated_email(
        to=certificate.learner.email, language=language, template="certificates/email/issued", context=context
    )
    message.extra_headers["Message-ID"] = certificate_message_id(certificate)
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
