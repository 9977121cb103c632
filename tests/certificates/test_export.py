"""The certificates list as a spreadsheet: a coordinator's record of who is certified and who must
renew soon, every certificate the filters select, never a formula, and audited."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from accounts import roles
from accounts.models import AuditEvent
from certificates.models import Certificate
from tests.factories import UserFactory, issued, with_totp

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x","y")'
EXPORT_QUERIES = 12


@pytest.fixture
def coordinator(learner):
    """The coordinator of the learner's organisation."""
    return with_totp(UserFactory(roles=[roles.COORDINATOR], organisation=learner.organisation))


def holder(learner, **fields):
    return UserFactory(organisation=learner.organisation, **fields)


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def export(client, file_format="csv", **filters):
    return client.get(reverse("certificate_export", args=[file_format]), filters)


def test_a_coordinator_exports_who_must_renew_soonest_first(client, coordinator, learner, rule):
    today = timezone.localdate()
    soon = issued(learner, rule, expires_on=today + timedelta(days=30))
    sooner = issued(holder(learner, last_name="Сүхбаатар"), rule, expires_on=today + timedelta(days=7))
    issued(holder(learner), rule, expires_on=today + timedelta(days=400))  # not due
    issued(holder(learner), rule, expires_on=today - timedelta(days=1))  # already lapsed
    issued(UserFactory(), rule, expires_on=today + timedelta(days=10))  # another organisation's
    client.force_login(coordinator)

    header, *rows = csv_rows(export(client, state="expiring"))

    with translation.override("mn"):  # the address is under /mn/: the sheet speaks Mongolian
        assert header[0] == translation.gettext("Verification code") != "Verification code"
    assert [row[0] for row in rows] == [sooner.display_code, soon.display_code]
    assert rows[1][1] == "Дорж Батболд" and rows[1][2] == "Batbold Dorj"
    assert [row[-1] for row in rows] == ["7", "30"]  # days until it lapses


def test_the_spreadsheet_holds_every_certificate_beyond_the_page(client, coordinator, learner, rule):
    for _ in range(203):
        issued(holder(learner), rule, pdf=None)
    client.force_login(coordinator)
    page = client.get(reverse("certificate_list")).content.decode()
    assert page.count("<tr>") == 201  # the header row and 200
    assert len(csv_rows(export(client))) == 204


def test_the_xlsx_opens_with_dates_and_numbers_and_no_formula(client, coordinator, learner, rule):
    today = timezone.localdate()
    issued(holder(learner, last_name=HOSTILE, first_name=""), rule, expires_on=today + timedelta(days=12))
    client.force_login(coordinator)
    response = export(client, "xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="certificates-{today:%Y-%m-%d}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "'" + HOSTILE
    assert rows[1][-1] == 12
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert csv_rows(export(client))[1][1] == "'" + HOSTILE


def test_filters_of_the_list_carry_to_the_export(client, coordinator, learner, rule):
    revoked = issued(learner, rule, state=Certificate.State.REVOKED)
    issued(holder(learner), rule)
    client.force_login(coordinator)
    page = client.get(reverse("certificate_list"), {"state": "revoked"}).content.decode()
    assert f"{reverse('certificate_export', args=['xlsx'])}?state=revoked" in page
    assert [row[0] for row in csv_rows(export(client, state="revoked"))[1:]] == [revoked.display_code]


def test_an_export_is_audited(client, coordinator, learner, rule):
    issued(learner, rule)
    client.force_login(coordinator)
    export(client, "xlsx", state="issued")
    event = AuditEvent.objects.get(action=AuditEvent.Action.DATA_EXPORTED)
    assert event.actor == coordinator
    assert event.data == {"what": "certificates", "format": "xlsx", "rows": 1, "state": "issued", "cohort": None}


def test_a_learner_and_an_unknown_format_get_nothing(client, coordinator, learner, rule):
    issued(learner, rule)
    client.force_login(learner)
    assert export(client).status_code == 404
    client.force_login(coordinator)
    assert export(client, "pdf").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DATA_EXPORTED).exists()


def test_the_export_costs_the_same_queries_for_5_and_50_certificates(
    client, coordinator, learner, rule, django_assert_max_num_queries
):
    client.force_login(coordinator)
    export(client)  # sessions, roles and the like are warm
    for count in (5, 50):
        while Certificate.objects.count() < count:
            issued(holder(learner), rule, pdf=None)
        with django_assert_max_num_queries(EXPORT_QUERIES):
            assert len(csv_rows(export(client))) == count + 1
