"""A certificate as HTML and as PDF (A4 landscape), with a QR code to its verification page.

WeasyPrint is loaded by the first render, not by every web process. A worker keeps one font
configuration and the parsed stylesheet for all its renders (DESIGN budget: no slower than a bare
WeasyPrint call on the same HTML, and flat memory over 500 certificates). Nothing is fetched from
outside: images come from storage as data, and any other URL is refused."""

import base64
import mimetypes
from datetime import date
from decimal import Decimal
from pathlib import Path

import segno
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.outbound import absolute_url

from .codes import display

STYLESHEET_PATH = Path(__file__).parent / "static" / "certificates" / "certificate.css"
_weasy = {}  # the font configuration and parsed stylesheet of this process (no user data)


def verification_url(code: str) -> str:
    return absolute_url(reverse("certificate_verify_code", args=[display(code)]))


def qr_svg(url: str) -> str:
    """The QR code as an inline SVG: sharp at any size, and no image file to fetch."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", light=None)


def _image_data(name: str) -> str:
    if not name:
        return ""
    try:
        with default_storage.open(name, "rb") as image:
            data = image.read()
    except (FileNotFoundError, OSError):
        return ""  # a logo deleted since: the certificate prints without it
    kind = mimetypes.guess_type(name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def _context(fields: dict, template: dict) -> dict:
    return {
        **fields,
        "template": template,
        "side_by_side": template["layout"] == "side_by_side",
        "qr_svg": qr_svg(fields["verify_url"]),
        "logos": [{"src": _image_data(logo["file"]), "name": logo["name"]} for logo in template["logos"]],
        "signatories": [{**person, "src": _image_data(person["signature"])} for person in template["signatories"]],
        "stylesheet": "" if fields.get("for_pdf") else STYLESHEET_PATH.read_text(),
    }


def _replaced_code(certificate) -> str:
    """The code of the certificate this one corrects, printed on it; empty for a first issue."""
    replaced = type(certificate).objects.filter(replaced_by=certificate).values_list("code", flat=True).first()
    return display(replaced) if replaced else ""


def certificate_context(certificate, *, for_pdf: bool = False) -> dict:
    return _context(
        {
            "holder_name": certificate.holder_name,
            "holder_name_latin": certificate.holder_name_latin,
            "course_title": certificate.course_title,
            "hours": certificate.hours,
            "completed_on": certificate.completed_on,
            "issued_on": certificate.issued_on,
            "expires_on": certificate.expires_on,
            "code": certificate.display_code,
            "replaces": _replaced_code(certificate),
            "verify_url": verification_url(certificate.code),
            "for_pdf": for_pdf,
        },
        certificate.template,
    )


def sample_context(template: dict) -> dict:
    """For the template's preview in the admin: a made-up holder and course."""
    return _context(
        {
            "holder_name": "Батболд Дорж",
            "holder_name_latin": "Dorj Batbold",
            "course_title": {"mn": "Хүүхэдтэй ярилцлага хийх", "en": "Interviewing children"},
            "hours": Decimal("12.0"),
            "completed_on": date(2026, 1, 15),
            "issued_on": date(2026, 1, 16),
            "expires_on": date(2028, 1, 16),
            "code": "0000-0000-0000-00",
            "verify_url": absolute_url(reverse("certificate_verify")),
            "for_pdf": False,
        },
        template,
    )


def certificate_html(certificate, *, for_pdf: bool = False) -> str:
    return render_to_string("certificates/certificate.html", certificate_context(certificate, for_pdf=for_pdf))


def _refuse_fetch(url: str, *args, **kwargs):
    # Everything the certificate shows is inline; fetching a URL that slipped into a template
    # would let a template make the server call out (server-side request forgery).
    raise ValueError(f"A certificate fetches no resources: {url}")


def weasyprint_parts() -> dict:
    """The font configuration and the parsed stylesheet, made once per process."""
    if not _weasy:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        _weasy["fonts"] = fonts
        _weasy["css"] = CSS(string=STYLESHEET_PATH.read_text(), font_config=fonts)
    return _weasy


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    parts = weasyprint_parts()
    return HTML(string=html, base_url=None, url_fetcher=_refuse_fetch).write_pdf(
        stylesheets=[parts["css"]], font_config=parts["fonts"]
    )


def certificate_pdf(certificate) -> bytes:
    return html_to_pdf(certificate_html(certificate, for_pdf=True))
