"""The report URLs in the scoping matrix (architecture §4.2): every role, on its own scope and with a
filter on another organisation's; and a trainer never counts another trainer's trainees."""

import pytest
from django.urls import reverse

from accounts import roles
from reports.permissions import REPORT_ROLES
from tests.scoping import Route, build_world, check, matrix, matrix_ids

pytestmark = pytest.mark.django_db


def _url(name, *args):
    def build(world, viewer, target):
        query = f"?organisation={world.org_b.pk}" if target == "others" else ""
        return reverse(name, args=args) + query

    return build


def _reads(role, target):
    return role in REPORT_ROLES


# "others": the filter names an organisation outside the viewer's; the page answers (with a field
# error and no figures, see test_pages) rather than confirming or counting anything.
TARGETS = ("own", "others")
ROUTES = [
    Route("reports", _url("reports"), targets=TARGETS, visible=_reads),
    Route("reports_csv", _url("reports_export", "csv"), targets=TARGETS, visible=_reads),
    Route("reports_xlsx", _url("reports_export", "xlsx"), targets=TARGETS, visible=_reads),
    Route("reports_summary", _url("reports_summary"), targets=TARGETS, visible=_reads),
    Route("api_reports", lambda w, v, t: "/api/v1/reports/indicators", targets=("own",), visible=_reads, api=True),
]


@pytest.fixture
def world():
    return build_world()


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_matrix(client, world, route, role, target):
    check(client, world, route, role, target)


def test_reports_outside_ones_scope_never_count(client, world):
    """Another organisation's filter gives the coordinator no figures, whatever it holds."""
    client.force_login(world.people[roles.COORDINATOR])
    html = client.get(reverse("reports"), {"organisation": world.org_b.pk}).content.decode()
    assert '<dl class="facts">' not in html


def test_the_api_refuses_a_filter_on_an_organisation_outside_ones_scope(client, world):
    client.force_login(world.people[roles.COORDINATOR])
    response = client.get("/api/v1/reports/indicators", {"organisation": world.org_b.pk})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_filters"
    assert [error["loc"] for error in response.json()["errors"]] == [["query", "organisation"]]
