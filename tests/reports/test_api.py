"""The indicators API gives the figures of the report page, for the same filters and scope."""

import pytest

from accounts import roles
from tests.reports.conftest import YEAR

pytestmark = pytest.mark.django_db

URL = "/api/v1/reports/indicators"


def figures(entries) -> dict[str, dict]:
    return {entry["name"]: entry for entry in entries}


def test_the_coordinator_gets_the_headline_with_small_cells_hidden(client, known):
    client.force_login(known.staff[roles.COORDINATOR])
    body = client.get(URL, YEAR).json()
    headline = figures(body["headline"])
    assert body["small_cells_hidden"] is True
    assert headline["enrolled"]["value"] == 8 and headline["enrolled"]["shown"] == "8"
    revoked = headline["certified_revoked"]  # one revoked certificate: a broad view hides it
    assert revoked["suppressed"] is True and revoked["value"] is None and revoked["shown"] == "<5"


def test_grouped_by_gender_gives_a_group_per_gender_in_the_request_language(client, known):
    client.force_login(known.staff[roles.ADMIN])
    body = client.get(URL, {**YEAR, "group_by": "gender"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert {group["group"] for group in body["groups"]} == {"Female", "Male"}


def test_a_period_ending_before_it_starts_is_refused_with_the_field_named(client, known):
    client.force_login(known.staff[roles.COORDINATOR])
    response = client.get(URL, {"date_from": "2026-12-31", "date_to": "2026-01-01"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "date_to"]


def test_a_learner_gets_404_and_an_anonymous_caller_401(client, known):
    assert client.get(URL).status_code == 401
    client.force_login(known.people["u1"])
    assert client.get(URL).status_code == 404
