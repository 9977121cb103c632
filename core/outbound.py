"""What leaves the site for a person: addresses that work outside it (in e-mails, on paper, in
signed credentials) and e-mails written from templates in the reader's language. At the bottom of
the apps so that every app writes them the same way."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    """``path`` (from ``reverse`` or a page's ``url``) on the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def templated_email(*, to: str, language: str, template: str, context: dict) -> EmailMultiAlternatives:
    """An e-mail from ``<template>_subject.txt`` and ``<template>.txt``, written in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[to])
