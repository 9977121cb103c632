"""A certificate as HTML and as PDF (A4 landscape), with a QR code to its verification page.

The PDF is made by ``core.pdf``: the shipped fonts, one font configuration and parsed stylesheet
per process (the budget: no slower than a bare WeasyPrint call on the same HTML, and flat memory
over 500 certificates, architecture §6), nothing fetched from outside — images come from storage
as data. The printed name is in the official short form and the dates are written out in words,
as Mongolian official papers write them (``core.formatting``)."""

import base64
import functools
import mimetypes
from datetime import date
from decimal import Decimal
from pathlib import Path

import segno
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse

from core.formatting import official_name
from core.outbound import absolute_url
from core.pdf import html_to_pdf, stylesheet

from .codes import display

STYLESHEET_PATH = Path(__file__).parent / "static" / "certificates" / "certificate.css"


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
        # As Mongolian official papers write a person: the family name's initial, the given name.
        "holder_name_official": official_name(fields["holder_name"]),
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


@functools.cache
def _stylesheet_text() -> str:
    # Read once per process: a worker renders hundreds of certificates with the same stylesheet.
    return STYLESHEET_PATH.read_text()


def certificate_pdf(certificate) -> bytes:
    return html_to_pdf(certificate_html(certificate, for_pdf=True), stylesheets=[stylesheet(_stylesheet_text())])
