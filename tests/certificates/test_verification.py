"""Public verification (architecture §4.5): valid, expired or revoked at a glance; a code typed
loosely still resolves; an unknown code gets the same not-found page whatever the cause; lookups are
rate-limited per address; nothing about the holder beyond name, course and dates."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from certificates import codes
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke
from certificates.throttle import LOOKUPS_ALLOWED
from core.formatting import long_date
from tests.factories import issued


@pytest.fixture
def certificate(rule, learner):
    return issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=300))


def page(client, code: str):
    return client.get(reverse("certificate_verify_code", args=[code]))


def test_codes_are_long_typeable_and_self_checking():
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    for code in made:
        assert len(code) == 14 and set(code) <= set(codes.ALPHABET)
        assert codes.normalise(code) == code
    code = made.pop()
    typed = " " + codes.display(code).lower().replace("0", "o").replace("1", "l") + " "
    assert codes.normalise(typed) == code
    # Any one symbol typed wrong is caught by the check symbol.
    for position in range(len(code)):
        for other in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            if other != code[position]:
                assert codes.normalise(code[:position] + other + code[position + 1 :]) is None


def test_a_valid_certificate_says_so_with_the_holder_course_and_dates(client, certificate, learner):
    response = page(client, certificate.display_code)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Хүчинтэй" in body and "Valid" in body
    assert certificate.holder_name in body and "Баталгаат сургалт" in body
    assert long_date(certificate.expires_on, "mn") in body and long_date(certificate.expires_on, "en") in body
    assert learner.email not in body  # nothing more about the holder


def _state_first(body: str) -> str:
    """The page's first heading, where the state must be, and the facts after it."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    assert heading and body.index("</h1>") < body.index("Эзэмшигч")  # the state before the holder
    return " ".join(re.sub(r"<[^>]+>", " ", heading.group(1)).split())


def test_expired_and_revoked_say_so_first_and_show_no_valid_until(client, rule, learner, admin_user):
    expired = issued(learner, rule, expires_on=date(2025, 1, 1))
    body = page(client, expired.code).content.decode()
    assert "Хугацаа дууссан" in _state_first(body) and "Expired" in _state_first(body)
    assert 'class="verification verification-expired"' in body
    assert "Valid until" not in body and "Хүчинтэй хугацаа" not in body
    assert "Expired on" in body and "2025 оны 1 дүгээр сарын 1" in body

    other = issued(learner, rule, cycle=2, expires_on=date(2029, 5, 4))
    certificate_revoke(certificate=other, by=admin_user, reason="Шалгалтад хууран мэхэлсэн.")
    body = page(client, other.code).content.decode()
    assert "Хүчингүй болсон" in _state_first(body) and "Revoked" in _state_first(body)
    assert 'class="verification verification-revoked"' in body
    assert "хууран" not in body  # the reason stays inside
    # A revoked certificate is valid until nothing: neither the words nor the old date.
    assert "Valid until" not in body and "2029" not in body and "Revoked on" in body


def test_a_valid_certificate_says_so_first(client, certificate):
    body = page(client, certificate.display_code).content.decode()
    assert "Хүчинтэй" in _state_first(body) and 'class="verification verification-valid"' in body


def test_each_state_has_its_own_colour_and_icon_in_the_stylesheet():
    """Valid, expired and revoked must not look the same: each state class is styled, differently."""
    css = (Path(settings.BASE_DIR) / "lms" / "static" / "css" / "cascade.css").read_text()
    colours = {
        state: re.search(rf"\.verification-{state}[^{{]*\{{ border-color: ([^;]+);", css).group(1)
        for state in ("valid", "expired", "revoked")
    }
    assert len(set(colours.values())) == 3, colours
    for state in colours:
        assert f".verification-{state} .verification-icon" in css


def test_a_code_typed_loosely_resolves(client, certificate):
    loose = " ".join(certificate.code.lower())
    response = client.get(reverse("certificate_verify"), {"code": loose})
    assert response.status_code == 302 and response["Location"] == reverse(
        "certificate_verify_code", args=[certificate.display_code]
    )
    assert page(client, certificate.code.lower()).status_code == 200


def test_unknown_mistyped_and_unissued_codes_get_the_same_not_found_page(client, rule, learner, certificate):
    pending = issued(learner, rule, cycle=3, state=Certificate.State.PENDING, pdf=None)
    mistyped = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    answers = [page(client, code) for code in (codes.new_code(), mistyped, pending.code, "nonsense")]
    assert {answer.status_code for answer in answers} == {404}
    # The same page: only the header's own links (back to this address) differ.
    mains = {answer.content.decode().split("<main", 1)[1].split("</main>", 1)[0] for answer in answers}
    assert len(mains) == 1


def test_lookups_are_rate_limited_per_address(client, certificate):
    for _ in range(LOOKUPS_ALLOWED):
        assert page(client, codes.new_code()).status_code == 404
    assert page(client, certificate.code).status_code == 429
    assert client.get(f"/api/v1/certificates/verify/{certificate.code}").status_code == 429
    # Another address is not held back.
    assert (
        client.get(reverse("certificate_verify_code", args=[certificate.code]), REMOTE_ADDR="10.0.0.9").status_code
        == 200
    )


def test_machines_get_the_same_answer_as_json(client, certificate, rule, learner, admin_user):
    answer = client.get(f"/api/v1/certificates/verify/{certificate.display_code.lower()}")
    assert answer.status_code == 200
    assert answer.json()["status"] == "valid" and answer.json()["holder_name"] == certificate.holder_name
    assert "email" not in answer.content.decode()
    certificate_revoke(certificate=certificate, by=admin_user, reason="Алдаатай олгосон.")
    assert client.get(f"/api/v1/certificates/verify/{certificate.code}").json()["status"] == "revoked"
    assert client.get(f"/api/v1/certificates/verify/{codes.new_code()}").status_code == 404


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(client, certificate, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    url = reverse("certificate_verify_code", args=[certificate.code])
    for _ in range(LOOKUPS_ALLOWED):
        client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1")
    assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1").status_code == 429
    assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.6", REMOTE_ADDR="127.0.0.1").status_code == 200


def test_a_corrected_certificate_and_the_one_it_replaced_point_to_each_other(client, certificate, admin_user):
    """Whoever holds the old paper is sent to the corrected certificate, and back."""
    corrected = certificate_reissue(certificate=certificate, by=admin_user, reason="Нэрний үсгийн алдаа.")
    # Until the corrected one is rendered and issued there is nothing to send anyone to.
    old = page(client, certificate.code).content.decode()
    assert "Хүчингүй болсон" in old and corrected.display_code not in old
    Certificate.objects.filter(pk=corrected.pk).update(state=Certificate.State.ISSUED)

    old = page(client, certificate.code).content.decode()
    assert "Хүчингүй болсон" in old and "replaced by another one" in old
    assert reverse("certificate_verify_code", args=[corrected.display_code]) in old
    new = page(client, corrected.code).content.decode()
    assert "Хүчинтэй" in new and reverse("certificate_verify_code", args=[certificate.display_code]) in new
    assert "Нэрний" not in old + new  # the reason stays inside

    answer = client.get(f"/api/v1/certificates/verify/{certificate.code}").json()
    assert (answer["status"], answer["replaced_by"], answer["replaces"]) == ("revoked", corrected.display_code, None)
    answer = client.get(f"/api/v1/certificates/verify/{corrected.code}").json()
    assert (answer["status"], answer["replaced_by"], answer["replaces"]) == ("valid", None, certificate.display_code)
