"""An employer's or an agency's office checks the certificates of everyone it hires, from one
address: the lookup limit must let an office work, while a guesser past it is refused at no cost
to the database."""

import pytest
from django.urls import reverse

from certificates import codes
from certificates.throttle import LOOKUPS_ALLOWED
from tests.factories import issued

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.50"


def test_an_office_checks_a_hundred_certificates_in_a_row(client, rule, learner):
    certificates = [issued(learner, rule, cycle=number, pdf=None) for number in range(1, 101)]
    for certificate in certificates:
        page = client.get(reverse("certificate_verify_code", args=[certificate.display_code]), REMOTE_ADDR=OFFICE)
        assert page.status_code == 200, certificate.display_code
        answer = client.get(f"/api/v1/certificates/verify/{certificate.code}", REMOTE_ADDR=OFFICE)
        assert answer.status_code == 200 and answer.json()["status"] == "valid"


def test_a_guesser_past_the_limit_is_refused_without_a_database_query(client, rule, learner, django_assert_num_queries):
    certificate = issued(learner, rule, pdf=None)
    for _ in range(LOOKUPS_ALLOWED):
        # Random codes, most of which the check symbol already refuses: what a guesser sends.
        client.get(reverse("certificate_verify_code", args=[codes.new_code()[:-1] + "0"]), REMOTE_ADDR=OFFICE)
    with django_assert_num_queries(0):
        page = client.get(reverse("certificate_verify_code", args=[certificate.code]), REMOTE_ADDR=OFFICE)
        answer = client.get(f"/api/v1/certificates/verify/{certificate.code}", REMOTE_ADDR=OFFICE)
    assert page.status_code == 429 and "Хэт олон оролдлого" in page.content.decode()
    assert answer.status_code == 429 and answer.json()["code"] == "throttled"
    # Another office is not held back.
    assert client.get(f"/api/v1/certificates/verify/{certificate.code}", REMOTE_ADDR="203.0.113.51").status_code == 200
