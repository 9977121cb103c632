"""Issuing (architecture §4.4): recorded once when the rule is met, rendered and e-mailed once."""

import subprocess

from django.core import mail

from certificates.models import Certificate
from certificates.services import certificate_issue_if_due, certificates_due_sweep
from certificates.tasks import render_certificate
from tests.factories import complete, pdf_text


def test_completing_the_course_issues_one_certificate_with_pdf_and_email(
    django_capture_on_commit_callbacks, rule, course, learner
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.state == Certificate.State.ISSUED and certificate.rendered_at and certificate.emailed_at
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email] and certificate.display_code in message.body
    assert message.attachments[0][2] == "application/pdf"
    text = pdf_text(certificate)
    # The Mongolian side prints the official short form (family initial, given name).
    assert "Д.Батболд" in text and "Batbold Dorj" in text and certificate.display_code in text


def test_the_same_task_twice_gives_one_pdf_and_one_email(django_capture_on_commit_callbacks, rule, course, learner):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get()
    mail.outbox.clear()
    name = certificate.pdf.name
    render_certificate(certificate.pk)
    render_certificate(certificate.pk)
    certificate.refresh_from_db()
    assert certificate.pdf.name == name and mail.outbox == []


def test_recording_again_records_nothing_more(django_capture_on_commit_callbacks, rule, course, learner):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    assert certificate_issue_if_due(learner=learner, course_key=course.translation_key) is None
    assert certificates_due_sweep() == 0
    assert Certificate.objects.count() == 1


def test_no_rule_no_certificate(course, learner):
    complete(learner, course)
    assert not Certificate.objects.exists()


def test_scanning_the_qr_code_of_the_pdf_lands_on_the_verification_page(
    django_capture_on_commit_callbacks, client, rule, course, learner, tmp_path
):
    import zxingcpp
    from PIL import Image

    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get()
    pdf = tmp_path / "certificate.pdf"
    with certificate.pdf.open("rb") as stored:
        pdf.write_bytes(stored.read())
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    [scanned] = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert scanned.format == zxingcpp.BarcodeFormat.QRCode
    url = scanned.text
    assert url.endswith(f"/verify/{certificate.display_code}/")
    response = client.get(url[url.index("/verify/") :])
    assert response.status_code == 200 and certificate.holder_name in response.content.decode()


def test_an_editor_sets_a_rule_and_previews_the_template_in_the_wagtail_admin(client, course):
    from django.template.loader import render_to_string
    from django.urls import reverse

    from certificates.models import CertificateTemplate, CertificationRule
    from certificates.rendering import sample_context
    from tests.factories import UserFactory, with_totp

    client.force_login(with_totp(UserFactory(roles=["editor"])))
    template_data = {
        "name": "Шинэ загвар", "layout": "page_per_language", "heading_mn": "ГЭРЧИЛГЭЭ", "heading_en": "CERTIFICATE",
        "statement_mn": "дүүргэв.", "statement_en": "has completed", "issuer_mn": "Газар", "issuer_en": "Agency",
        "accent_colour": "#123456", "logos-count": "0", "signatories-count": "0",
    }  # fmt: skip
    response = client.post(reverse("wagtailsnippets_certificates_certificatetemplate:add"), template_data)
    assert response.status_code == 302, response.content.decode()[:3000]
    template = CertificateTemplate.objects.get(name="Шинэ загвар")
    assert template.latest_revision is not None  # every save is a version
    rule_data = {"course": course.pk, "active": "on", "validity_months": "24", "template": template.pk}
    response = client.post(reverse("wagtailsnippets_certificates_certificationrule:add"), rule_data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert CertificationRule.objects.get().course_key == course.translation_key
    preview = render_to_string("certificates/certificate.html", sample_context(template.snapshot()))
    assert "Батболд Дорж" in preview and preview.count('class="certificate"') == 2  # a page per language
