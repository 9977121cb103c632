"""The e-mails a holder gets, in their language: the certificate itself (the PDF attached), and
reminders before it lapses."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from .rendering import verification_url


def send_certificate(certificate) -> None:
    learner = certificate.learner
    language = learner.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "holder": learner.get_full_name() or learner.email,
            "course": certificate.course_title.get(language) or certificate.course_title.get("mn", ""),
            "verify_url": verification_url(certificate.code),
            "mine_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("my_certificates"),
        }
        subject = render_to_string("certificates/email/issued_subject.txt", context).strip()
        body = render_to_string("certificates/email/issued.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[learner.email])
    certificate.pdf.open("rb")
    try:
        message.attach(f"certificate-{certificate.display_code}.pdf", certificate.pdf.read(), "application/pdf")
    finally:
        certificate.pdf.close()
    message.send()


def send_expiry_reminder(certificate, *, days_left: int) -> None:
    learner = certificate.learner
    language = learner.preferred_language or settings.LANGUAGE_CODE
    refresher = certificate.rule.refresher_course
    with translation.override(language):
        if refresher is not None:
            refresher = refresher.get_translation_or_none(Locale.objects.get(language_code=language)) or refresher
        context = {
            "certificate": certificate,
            "holder": learner.get_full_name() or learner.email,
            "course": certificate.course_title.get(language) or certificate.course_title.get("mn", ""),
            "days_left": days_left,
            "refresher": refresher,
            "refresher_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + refresher.url if refresher else "",
            "mine_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("my_certificates"),
        }
        subject = render_to_string("certificates/email/expiring_subject.txt", context).strip()
        body = render_to_string("certificates/email/expiring.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
