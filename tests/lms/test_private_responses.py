"""Whatever answers a signed-in person is theirs alone: a shared cache (an office proxy, a CDN) or the
browser's back button must never hand a certificate, an export or a progress matrix to the next
person. Only what a view declares public (the verification key, the issuer, revocation lists) may
be kept by shared caches."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from certificates.bundles import bundle_build
from certificates.models import CertificateBundle
from certificates.status_list import status_entry
from cohorts.services import membership_add, session_create
from tests.factories import authorise, build_course, issued, make_rule, make_user, open_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course = build_course(modules=1, lessons=1, slug="private-responses", translate=False)
    rule = make_rule(course)
    trainer = make_user(roles.TRAINER, email="trainer-private@example.mn")
    authorise(trainer, course)
    cohort = open_cohort(course, trainer)
    learner = make_user(roles.LEARNER, email="learner-private@example.mn")
    membership_add(cohort=cohort, learner=learner, source="trainer")
    certificate = issued(learner, rule)
    session = session_create(cohort=cohort, starts_at=timezone.now() + timedelta(days=1), place="Дархан")
    bundle = bundle_build(CertificateBundle.objects.create(cohort=cohort, requested_by=trainer).pk)
    admin = make_user(roles.ADMIN, email="admin-private@example.mn")
    return {
        "course": course,
        "cohort": cohort,
        "certificate": certificate,
        "session": session,
        "bundle": bundle,
        "trainer": trainer,
        "learner": learner,
        "admin": admin,
    }


def personal_addresses(world) -> list[tuple[str, str]]:
    """(who asks, address): every download of personal data, then a sample of pages and the API."""
    cohort, certificate = world["cohort"], world["certificate"]
    return [
        ("learner", reverse("certificate_download", args=[certificate.pk])),
        ("learner", reverse("certificate_credential", args=[certificate.pk])),
        ("admin", reverse("certificate_export", args=["csv"])),
        ("admin", reverse("certificate_export", args=["xlsx"])),
        ("trainer", reverse("cohort_export", args=[cohort.pk, "csv"])),
        ("trainer", reverse("cohort_export", args=[cohort.pk, "xlsx"])),
        ("trainer", reverse("certificate_bundle_download", args=[world["bundle"].pk])),
        ("trainer", reverse("attendance_sheet", args=[cohort.pk, world["session"].pk])),
        ("learner", "/api/v1/me"),
        ("learner", "/api/v1/me/courses"),
        ("trainer", "/api/v1/cohorts"),
        ("trainer", f"/api/v1/cohorts/{cohort.pk}/progress"),
        ("learner", reverse("my_certificates")),
        ("trainer", reverse("cohort_dashboard", args=[cohort.pk])),
        ("learner", "/mn/"),
        ("learner", world["course"].url),
    ]


def test_every_personal_download_page_and_api_answer_forbids_any_cache_to_keep_it(client, world):
    for who, address in personal_addresses(world):
        client.force_login(world[who])
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
        directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, (address, response.get("Cache-Control"))
        assert "public" not in directives, address


def test_a_personal_token_on_the_api_is_answered_privately_too(client, world):
    from wagtail.models import APIToken

    _token, secret = APIToken.create_token(user=world["learner"], name="phone")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_what_is_public_for_verifiers_stays_cacheable_even_for_a_signed_in_person(client, world):
    client.force_login(world["learner"])
    status_list = status_entry(world["certificate"])["statusListCredential"].removeprefix(
        settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    )
    for address in (reverse("credential_issuer"), reverse("credential_jwks"), status_list):
        response = client.get(address)
        assert response.status_code == 200, address
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "public" in directives and "no-store" not in directives and "private" not in directives, address
