"""A certificate reads as a Mongolian certificate: the name in the official short form, dates
written out, the code labelled, room for the seal, and the statement following the course title.
It prints in the fonts shipped with Cascade, whatever fonts the server has."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core import mail

from certificates.models import Certificate
from tests.factories import complete, pdf_text

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
# The shipped fonts (core/fonts), as WeasyPrint names them in a PDF.
SHIPPED = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Serif", "Noto-Serif-Bold"}


def printed_fonts(pdf: bytes) -> set[str]:
    """The fonts a PDF embeds, as pdffonts names them, without the subset prefix (ABCDEF+)."""
    listing = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}


@pytest.fixture
def certificate(django_capture_on_commit_callbacks, rule, course, learner):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    mail.outbox.clear()
    return Certificate.objects.get(learner=learner)


def test_the_mongolian_side_prints_the_official_name_long_dates_a_labelled_code_and_a_seal(certificate):
    text = " ".join(pdf_text(certificate).split())
    issued = certificate.issued_on
    suffix = "дүгээр" if issued.month in (1, 4, 9, 11) else "дугаар"
    assert "Д.Батболд" in text and "Дорж Батболд" not in text
    assert f"{issued.year} оны {issued.month} {suffix} сарын {issued.day}" in text
    assert issued.isoformat() not in text
    assert "Шалгах код / Verification code" in text and certificate.display_code in text
    assert "Тамга / Seal" in text
    # The statement follows the course title, so it must not point at "the following" course.
    assert "дараах" not in text and "сургалтыг амжилттай дүүргэсэн болохыг гэрчилнэ" in text
    assert "Дуусгасан" not in text  # one word for completing the course: дүүргэсэн


def test_the_english_side_writes_its_dates_in_english(certificate):
    text = " ".join(pdf_text(certificate).split())
    issued = certificate.issued_on
    assert f"Issued on {issued.day} {issued.strftime('%B')} {issued.year}" in text


def test_a_certificate_embeds_only_the_fonts_shipped_with_cascade(certificate):
    with certificate.pdf.open("rb") as stored:
        fonts = printed_fonts(stored.read())
    assert fonts == SHIPPED


RENDER = """
import sys
from core.pdf import html_to_pdf
html = '''<html><body>
<p style="font-family: 'Noto Serif'">Өлзийбаяр Түвшинжаргал</p>
<p style="font-family: 'Noto Serif'; font-weight: 700">ГЭРЧИЛГЭЭ</p>
<p style="font-family: 'Noto Sans'">Шалгах код</p>
<p style="font-family: 'Noto Sans'; font-weight: 700">7K3M-9QXT-2HVB-DW</p>
</body></html>'''
sys.stdout.buffer.write(html_to_pdf(html))
"""


def _render_with_system_fonts(fontconfig_file: str | None) -> bytes:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    if fontconfig_file:
        environment["FONTCONFIG_FILE"] = fontconfig_file
    return subprocess.run(
        [sys.executable, "-c", RENDER], capture_output=True, check=True, env=environment, cwd=REPO
    ).stdout


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # fontconfig's own dependency on Debian


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs a second set of system fonts (fonts-dejavu-core)")
def test_two_servers_with_different_system_fonts_print_the_same_fonts(tmp_path):
    """One server as this one (Noto and DejaVu), the other with DejaVu alone: the same four fonts."""
    dejavu_only = tmp_path / "fonts.conf"
    dejavu_only.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    here, other_server = (printed_fonts(_render_with_system_fonts(conf)) for conf in (None, str(dejavu_only)))
    assert here == other_server == SHIPPED


@pytest.mark.parametrize(
    "day, mn, en",
    [
        (date(2026, 12, 3), "2026 оны 12 дугаар сарын 3", "3 December 2026"),
        (date(2027, 1, 15), "2027 оны 1 дүгээр сарын 15", "15 January 2027"),
        (date(2027, 4, 1), "2027 оны 4 дүгээр сарын 1", "1 April 2027"),
        (date(2027, 9, 30), "2027 оны 9 дүгээр сарын 30", "30 September 2027"),
        (date(2027, 11, 11), "2027 оны 11 дүгээр сарын 11", "11 November 2027"),
        (date(2027, 2, 28), "2027 оны 2 дугаар сарын 28", "28 February 2027"),
    ],
)
def test_long_dates_follow_the_vowel_harmony_of_the_month(day, mn, en):
    from core.formatting import long_date

    assert long_date(day, "mn") == mn and long_date(day, "en") == en


@pytest.mark.parametrize(
    "full, short",
    [
        ("Гомбо Түвшинжаргал", "Г.Түвшинжаргал"),
        ("Өлзий Нямдорж", "Ө.Нямдорж"),
        ("Болд", "Болд"),
        ("Г.Түвшинжаргал", "Г.Түвшинжаргал"),
    ],
)
def test_the_official_name_is_the_family_initial_and_the_given_name(full, short):
    from core.formatting import official_name

    assert official_name(full) == short


def test_a_pdf_fetches_nothing_but_its_fonts_and_inline_images(tmp_path):
    """A URL that slipped into a template must not make the server call out; a logo inlined as data prints."""
    import base64
    import http.server
    import io
    import threading

    from PIL import Image

    from core.pdf import html_to_pdf

    asked = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the pdf")
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    pixel = base64.b64encode(buffer.getvalue()).decode()
    try:
        pdf = html_to_pdf(
            f'<img src="http://127.0.0.1:{server.server_port}/logo.png"><img src="{secret.as_uri()}">'
            f'<img src="data:image/png;base64,{pixel}">'
        )
    finally:
        server.shutdown()
    assert asked == []
    images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert len(images.strip().splitlines()[2:]) == 1
