"""Every figure of the report equals a count made by hand from the known data set (conftest)."""

from datetime import date
from decimal import Decimal

import pytest

from accounts import roles
from reports.filters import ReportFilterForm
from reports.indicators import indicators
from tests.reports.conftest import YEAR, at

pytestmark = pytest.mark.django_db


def figures(viewer, **filters):
    form = ReportFilterForm({**YEAR, **filters}, user=viewer)
    assert form.is_valid(), form.errors
    return indicators(viewer, form.filters())


def values(cells):
    return {name: cell.value for name, cell in cells.items()}


def test_the_coordinators_headline_equals_a_count_by_hand(known):
    found = values(figures(known.staff[roles.COORDINATOR]).headline)
    # u1–u6, o1, o2 enrolled this year (o3 in 2025; x1, x2 are elsewhere).
    assert found["enrolled"] == 8
    assert found["completed"] == 6  # u1–u5 and o1
    assert found["active"] == 6  # u1–u6: attempts or attendance this year; o1, o2 did nothing recorded
    assert found["certified_valid"] == 4  # u1–u3 and o1
    assert found["certified_revoked"] == 1  # u4
    assert found["certified_expired"] == 0  # o3's expired, but was issued in 2025
    assert found["expiring"] == 1  # o1
    # Submitted attempts: 5 pre-tests, 5 post-tests; passed: pre 60 (u3), post 90, 70, 60.
    assert found["pass_rate"] == Decimal(100) * 4 / 10
    # Pairs (by the highest post-test): u1 40→90, u2 50→70, u3 60→60, u4 30→40.
    assert found["pairs"] == 4
    assert found["pre_test"] == Decimal(180) / 4
    assert found["post_test"] == Decimal(260) / 4
    assert found["gain"] == Decimal(80) / 4
    assert found["attendance_rate"] == Decimal(100) * 5 / 6


def test_the_administrator_counts_everyone(known):
    found = values(figures(known.staff[roles.ADMIN]).headline)
    assert found["enrolled"] == 10


def test_an_organisation_filter_takes_in_its_units(known):
    coordinator = known.staff[roles.COORDINATOR]
    assert figures(coordinator, organisation=known.org.pk).headline["enrolled"].value == 8
    assert figures(coordinator, organisation=known.unit.pk).headline["enrolled"].value == 6


def test_grouped_by_gender(known):
    raw = figures(known.staff[roles.COORDINATOR], group_by="gender").rows
    rows = {label: values(cells) for label, cells in raw}
    assert set(rows) == {"Эрэгтэй", "Эмэгтэй"}
    assert rows["Эмэгтэй"]["enrolled"] == 4 and rows["Эрэгтэй"]["enrolled"] == 4  # u1–u4; u5, u6, o1, o2
    assert rows["Эмэгтэй"]["pairs"] == 4 and rows["Эрэгтэй"]["pairs"] == 0


def test_grouped_by_region_falls_back_to_none_when_unstated(known):
    rows = {label: values(cells) for label, cells in figures(known.staff[roles.ADMIN], group_by="region").rows}
    assert rows["Архангай аймаг"]["enrolled"] == 6
    assert rows["Булган аймаг"]["enrolled"] == 2
    assert rows["Тодорхойгүй"]["enrolled"] == 2  # x1, x2: neither they nor their organisation has a region


def test_a_trainer_counts_only_their_own_trainees(known):
    found = figures(known.staff[roles.TRAINER]).headline
    assert found["enrolled"].value == 6  # u1–u6, never x1, x2 of the other trainer's cohort
    assert figures(known.staff["other_trainer"]).headline["enrolled"].value == 2


def test_small_cells_are_hidden_for_a_broad_view_only(known):
    coordinator_view = figures(known.staff[roles.COORDINATOR]).headline
    assert coordinator_view["certified_revoked"].shown(hide_small=True) == "<5"
    assert coordinator_view["enrolled"].shown(hide_small=True) == "8"
    assert coordinator_view["certified_revoked"].shown(hide_small=False) == "1"


def test_a_master_trainer_counts_the_trainees_of_their_cascade(known):
    """The master trainer trained the unit's trainer: they count that trainer's trainees, and not
    those of the trainer they never trained."""
    found = figures(known.staff[roles.MASTER_TRAINER])
    assert found.headline["enrolled"].value == 6  # u1–u6; never x1, x2
    assert found.headline["certified_revoked"].shown(hide_small=True) == "<5"  # broader than own cohorts


def test_grouped_by_month_and_course(known):
    admin = known.staff[roles.ADMIN]
    months = {label: values(cells) for label, cells in figures(admin, group_by="month").rows}
    assert months["2026-03"]["enrolled"] == 10
    assert months["2026-06"]["completed"] == 5 and months["2026-07"]["completed"] == 1
    assert months["2026-06"]["certified_valid"] == 3 and months["2026-06"]["pairs"] == 4
    courses = figures(admin, group_by="course").rows
    assert [label for label, _cells in courses] == [known.course.title]
    assert courses[0][1]["enrolled"].value == 10


def test_a_filter_on_position_and_region_narrows_the_people(known):
    admin = known.staff[roles.ADMIN]
    assert figures(admin, position="Байцаагч").headline["enrolled"].value == 2  # o1, o2
    assert figures(admin, region=known.people["o1"].region_id).headline["enrolled"].value == 2


def test_a_trainer_counts_only_what_was_done_while_in_their_cohort(known):
    """Attempts made before the trainee joined the trainer's cohort are not the trainer's to count."""
    from cohorts.models import CohortMembership

    trainer = known.staff[roles.TRAINER]
    CohortMembership.objects.filter(learner=known.people["u1"]).update(joined_at=at(date(2026, 5, 15)))
    found = figures(trainer).headline
    assert found["pairs"].value == 3  # u1's pre-test (March) came before joining
    assert figures(known.staff[roles.COORDINATOR]).headline["pairs"].value == 4


def test_the_monthly_table_leaves_activity_out_rather_than_show_zero(known):
    rows = figures(known.staff[roles.ADMIN], group_by="month").rows
    assert all(cells["active"].shown(hide_small=True) == "–" for _label, cells in rows)


def test_the_charts_figures_are_keyed_by_month_and_by_region_code(known):
    admin = known.staff[roles.ADMIN]
    by_region = figures(admin, group_by="region").by_region
    assert set(by_region) == {"arkhangai", "bulgan"}  # the people of no region are in the table only
    assert by_region["arkhangai"]["enrolled"].value == 6 and by_region["bulgan"]["enrolled"].value == 2
    by_month = figures(admin, group_by="month").by_month
    assert by_month[date(2026, 6, 1)]["completed"].value == 5
