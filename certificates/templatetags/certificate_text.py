"""Texts a certificate prints in each of its two languages, whatever language the page is in."""

from datetime import date

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.formatting import long_date

register = template.Library()

# The labels the public pages show through ``{% both %}``, marked here so that makemessages finds them.
PUBLIC_LABELS = (
    gettext_noop("Check a certificate"),
    gettext_noop("Valid"),
    gettext_noop("Expired"),
    gettext_noop("Revoked"),
    gettext_noop("Holder"),
    gettext_noop("Course"),
    gettext_noop("Issued on"),
    gettext_noop("Valid until"),
    gettext_noop("Does not expire"),
    gettext_noop("Revoked on"),
    gettext_noop("Expired on"),
    gettext_noop("Code"),
    gettext_noop("Corrects"),
    gettext_noop("This certificate was corrected and replaced by another one."),
    gettext_noop("Check the corrected certificate"),
    gettext_noop("No certificate has this code."),
    gettext_noop(
        "Check the code on the certificate and type it again: letters and digits, dashes and spaces do not matter."
    ),
    gettext_noop("Verification code"),
    gettext_noop("Check"),
    gettext_noop("Seal"),
)


@register.filter
def in_language(texts: dict, language: str) -> str:
    return texts.get(language) or next(iter(texts.values()), "")


@register.simple_tag(takes_context=True)
def certificate_facts(context, language: str) -> str:
    with translation.override(language):
        parts = [_("Completed on %(date)s") % {"date": long_date(context["completed_on"], language)}]
        if context.get("hours"):
            hours = context["hours"].normalize()  # 12.0 → 12, 1.5 stays
            parts.append(_("%(hours)s hours") % {"hours": f"{hours:f}"})
        parts.append(_("Issued on %(date)s") % {"date": long_date(context["issued_on"], language)})
        if context.get("expires_on"):
            parts.append(_("Valid until %(date)s") % {"date": long_date(context["expires_on"], language)})
        return " · ".join(parts)


@register.simple_tag(takes_context=True)
def certificate_replaces_line(context) -> str:
    """On a corrected certificate, in both languages: the code of the one it replaces."""
    if not context.get("replaces"):
        return ""
    lines = []
    for language in ("mn", "en"):
        with translation.override(language):
            lines.append(_("Corrected; replaces certificate %(code)s") % {"code": context["replaces"]})
    return format_html('<span class="replaces">{} / {}</span><br>', lines[0], lines[1])


@register.simple_tag
def in_both(text: str) -> str:
    """A label printed on a certificate in Mongolian and English: "Баталгаажуулах код / Verification code"."""
    lines = []
    for language in ("mn", "en"):
        with translation.override(language):
            lines.append(_(text))
    return " / ".join(lines)


@register.simple_tag(takes_context=True)
def certificate_verify_line(context) -> str:
    lines = []
    for language in ("mn", "en"):
        with translation.override(language):
            lines.append(_("Check this certificate at"))
    return format_html("{} / {}<br>{}", lines[0], lines[1], context["verify_url"])


@register.simple_tag
def both_dates(iso_date: str | None) -> str:
    """A date (as the public facts give it, ISO) written out in Mongolian and in English."""
    if not iso_date:
        return ""
    day = date.fromisoformat(iso_date)
    return format_html(
        '<span lang="mn">{}</span> / <span lang="en">{}</span>', long_date(day, "mn"), long_date(day, "en")
    )


@register.simple_tag
def both(text: str) -> str:
    """A label in Mongolian and in English, each marked with its language, for the public pages."""
    parts = []
    for language in ("mn", "en"):
        with translation.override(language):
            parts.append(format_html('<span lang="{}">{}</span>', language, _(text)))
    return format_html("{} / {}", parts[0], parts[1])
