"""The demo's certificates: learner2@ holds a valid one, one trainee an expired one and another a
revoked one; each verification page says so, and the PDF carries the holder's Cyrillic name."""

from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from core.formatting import official_name
from lms.demo.certificates import demo_certificates
from lms.demo.seed import seed_demo
from tests.factories import pdf_text


def test_the_demo_certificates_verify_as_valid_expired_and_revoked(db, client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        seed_demo()
    shown = demo_certificates()
    words = {"valid": "Хүчинтэй", "expired": "Хугацаа дууссан", "revoked": "Хүчингүй болсон"}
    for status, certificate in shown.items():
        assert certificate is not None and certificate.status() == status, status
        page = client.get(reverse("certificate_verify_code", args=[certificate.display_code]))
        assert page.status_code == 200 and words[status] in page.content.decode(), status
    valid = shown["valid"]
    assert valid.learner.email == "learner2@demo.mn"
    assert official_name(valid.holder_name) in pdf_text(valid) and not valid.holder_name.isascii()
    # Every certificate that stands was rendered and e-mailed, once. (Here the renders run when the
    # whole demo is built, after the revocation; on the demo site it was rendered before it.)
    standing = Certificate.objects.exclude(state=Certificate.State.REVOKED)
    assert standing.filter(rendered_at=None).count() == 0
    assert len(mail.outbox) == standing.count()
