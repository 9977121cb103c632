"""The API at /api/v1/: no language prefix; the language comes from ?lang= or Accept-Language."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    user = UserFactory(first_name="Батболд", last_name="Дорж", latin_first_name="Batbold", latin_last_name="Dorj")
    client.force_login(user)
    return user


def test_me_describes_the_signed_in_user(client, signed_in):
    body = client.get("/api/v1/me").json()
    assert body["email"] == signed_in.email
    assert body["roles"] == ["learner"]
    assert body["organisation"]["id"] == signed_in.organisation_id


def test_me_needs_a_signed_in_user(client):
    assert client.get("/api/v1/me").status_code == 401


def test_the_language_comes_from_accept_language(client, signed_in):
    body = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").json()
    assert body["language"] == "en"
    assert body["full_name"] == "Batbold Dorj"


def test_lang_parameter_wins_over_accept_language(client, signed_in):
    body = client.get("/api/v1/me?lang=mn", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["language"] == "mn"
    assert body["full_name"] == "Дорж Батболд"


def test_the_openapi_schema_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in schema["paths"]


def test_writes_need_the_csrf_token(signed_in, db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(signed_in)
    assert strict.post("/api/v1/me").status_code in (403, 405)
