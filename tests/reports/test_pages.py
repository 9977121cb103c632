"""The report page and its exports, as the people who read them see them."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts import roles
from accounts.models import AuditEvent
from tests.reports.conftest import YEAR

pytestmark = pytest.mark.django_db


def page(client, viewer, **params):
    client.force_login(viewer)
    return client.get(reverse("reports"), {**YEAR, **params})


def facts(html: str) -> dict[str, str]:
    dl = re.search(r'<dl class="facts">(.*?)</dl>', html, re.S).group(1)
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", dl))


def test_the_coordinator_reads_the_headline_and_the_funnel(client, known):
    response = page(client, known.staff[roles.COORDINATOR])
    assert response.status_code == 200
    html = response.content.decode()
    shown = facts(html)
    assert len(shown) == 13
    assert "8" in shown.values()  # enrolled
    assert "&lt;5" in html  # one revoked certificate: a broad view hides it
    assert 'class="table-scroll" tabindex="0" role="region"' in html
    # No name of any learner anywhere on the page.
    for person in known.people.values():
        assert person.email not in html and person.last_name + " " + person.first_name not in html


def test_a_trainer_sees_their_own_cohorts_small_figures(client, known):
    html = page(client, known.staff[roles.TRAINER]).content.decode()
    assert "&lt;5" not in html


def test_the_grouped_table_has_a_row_per_gender(client, known):
    html = page(client, known.staff[roles.COORDINATOR], group_by="gender").content.decode()
    assert '<th scope="row">Эмэгтэй</th>' in html and '<th scope="row">Эрэгтэй</th>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-12-31", "date_to": "2026-01-01"},
        {"date_from": "not a date"},
        {"group_by": "favourite colour"},
        {"course": "00000000-0000-0000-0000-000000000000"},
    ],
)
def test_bad_filters_show_a_translated_error_and_no_figures(client, known, params):
    response = page(client, known.staff[roles.COORDINATOR], **params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert '<dl class="facts">' not in html
    assert not re.search(r"errorlist[^>]*><li>[A-Z][a-z]", html), "the error is in English"


def test_a_coordinator_cannot_filter_on_another_organisation(client, known):
    html = page(client, known.staff[roles.COORDINATOR], organisation=known.other_org.pk).content.decode()
    assert 'class="errorlist' in html and '<dl class="facts">' not in html


def test_a_learner_gets_404(client, known):
    client.force_login(known.people["u1"])
    assert client.get(reverse("reports")).status_code == 404
    assert client.get(reverse("reports_export", args=["csv"])).status_code == 404


def _csv(client, viewer, **params):
    client.force_login(viewer)
    response = client.get(reverse("reports_export", args=["csv"]), {**YEAR, **params})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _small(value) -> bool:
    return str(value).strip() in {"1", "2", "3", "4"}


@pytest.mark.parametrize(
    "group_by", ["none", "gender", "region", "region_gender", "organisation", "course", "month", "position"]
)
def test_the_csv_export_holds_the_filters_no_name_and_no_small_cell(client, known, group_by):
    # Even the trainer's own-cohort export hides small cells: a file leaves the organisation.
    rows = _csv(client, known.staff[roles.TRAINER], group_by=group_by)
    assert rows[1][1] == "2026-01-01 – 2026-12-31"
    text = "\n".join(",".join(row) for row in rows)
    for person in known.people.values():
        assert person.email not in text and person.first_name not in text
    table = rows[rows.index([""] * len(rows[0])) + 2 :]
    assert not any(_small(cell) for row in table for cell in row[1:]), table
    assert AuditEvent.objects.filter(action="report_exported").count() == 1


def test_the_xlsx_export_keeps_counts_as_numbers_and_hides_small_cells(client, known):
    client.force_login(known.staff[roles.ADMIN])
    response = client.get(reverse("reports_export", args=["xlsx"]), {**YEAR, "group_by": "gender"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=10, values_only=True) for cell in row[1:]]
    assert "<5" in cells
    assert not any(isinstance(cell, int) and 0 < cell < 5 for cell in cells)


def test_a_bad_filter_exports_nothing(client, known):
    client.force_login(known.staff[roles.COORDINATOR])
    response = client.get(reverse("reports_export", args=["csv"]), {"date_from": "2026-12-31", "date_to": "2026-01-01"})
    assert response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action="report_exported").exists()


def test_rates_and_averages_are_written_as_every_page_writes_them(client, known):
    shown = facts(page(client, known.staff[roles.TRAINER]).content.decode())
    assert shown["Сорилд тэнцсэн хувь"] == "40%"
    assert shown["Ирцийн хувь"] == "83.3%"
    assert (shown["Өмнөх сорилын дундаж оноо"], shown["Дараах сорилын дундаж оноо"]) == ("45%", "65%")
    assert (shown["Дундаж ахиц"], shown["Өмнөх болон дараах сорилын хос"]) == ("20", "4")


def test_the_page_reads_in_english_under_the_english_prefix(client, known):
    client.force_login(known.staff[roles.TRAINER])
    response = client.get("/en/reports/", YEAR)
    assert response.status_code == 200
    assert "Attendance rate" in facts(response.content.decode())


def test_an_unknown_export_format_is_404(client, known):
    client.force_login(known.staff[roles.ADMIN])
    assert client.get(reverse("reports_export", args=["pdf"])).status_code == 404


def test_a_course_filter_offers_the_courses_in_the_viewers_language_and_counts_that_course(client, known):
    html = page(client, known.staff[roles.ADMIN], course=str(known.course.translation_key)).content.decode()
    assert f'<option value="{known.course.translation_key}" selected>{known.course.title}</option>' in html
    assert facts(html)["Бүртгүүлсэн"] == "10"


def test_an_export_names_its_filters_and_the_audit_log_keeps_them(client, known):
    rows = _csv(client, known.staff[roles.COORDINATOR], organisation=known.unit.pk, gender="female")
    described = dict(row[:2] for row in rows[1:8])
    assert described["Байгууллага"] == "А нэгж" and described["Хүйс"] == "Эмэгтэй"
    event = AuditEvent.objects.get(action="report_exported")
    assert event.actor == known.staff[roles.COORDINATOR] and event.data["format"] == "csv"


def test_the_funnel_is_drawn_with_its_figures_written_and_summarised(client, known):
    html = page(client, known.staff[roles.COORDINATOR]).content.decode()
    figure = re.search(r'<figure class="chart">(.*?)</figure>', html, re.S).group(1)
    assert "<svg" in figure and "<title" in figure and 'role="img"' in figure
    words = re.sub(r"<[^>]+>", " ", figure)
    assert "Бүртгүүлсэн" in words and re.search(r"\b8\b", words)  # the eight enrolled, written in the picture
    assert re.search(r"<figcaption>[^<]+</figcaption>", figure)  # a sentence for who cannot see it


def charts_on(html: str) -> list[str]:
    return re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)


def test_by_month_the_page_draws_the_trend_of_completions_and_certificates(client, known):
    html = page(client, known.staff[roles.ADMIN], group_by="month").content.decode()
    drawn = charts_on(html)
    assert len(drawn) == 4  # the funnel, then completions and certificates by month, then the cascade
    words = re.sub(r"<[^>]+>", " ", drawn[1])
    assert "6-р сар" in words and re.search(r"\b5\b", words)  # five completed in June


def test_by_region_the_page_draws_the_map_of_completions_and_certificates(client, known):
    html = page(client, known.staff[roles.ADMIN], group_by="region").content.decode()
    drawn = charts_on(html)
    assert len(drawn) == 4  # the funnel, then completions and certificates by region, then the cascade
    assert "<title" in drawn[1] and "Архангай" in drawn[1]
