"""The region column of a trainee file: a real spreadsheet says the capital, "Улаанбаатар", as
often as a district, and a misspelt region gets the nearest name as a suggestion."""

import pytest

from accounts.models import Region
from cohorts import importing

from .test_import import check, csv_bytes, located, person

pytestmark = pytest.mark.django_db


def test_the_regions_are_the_21_aimags_the_9_districts_and_the_capital_itself():
    kinds = dict.fromkeys(Region.Kind.values, 0)
    for kind in Region.objects.values_list("kind", flat=True):
        kinds[kind] += 1
    assert kinds == {"aimag": 21, "capital": 1, "district": 9}
    capital = Region.objects.get(kind=Region.Kind.CAPITAL)
    assert (capital.code, capital.name_mn, capital.name_en) == ("ulaanbaatar", "Улаанбаатар хот", "Ulaanbaatar city")


@pytest.mark.parametrize(
    "written",
    ["Ulaanbaatar", "Улаанбаатар", "улаанбаатар хот", "Ulaanbaatar city", "УБ", "Ulan Bator", "ulaanbaatar"],
)
def test_the_capital_without_a_district_is_accepted_as_the_capital(cohort, imported_row, written):
    assert imported_row(cohort, written).region.code == "ulaanbaatar"


@pytest.mark.parametrize(
    ("written", "code"),
    [("Улаанбаатар, Баянзүрх дүүрэг", "ub-bayanzurkh"), ("УБ Хан-Уул", "ub-khan-uul"),
     ("Ulaanbaatar, Chingeltei district", "ub-chingeltei"), ("УБ Сүхбаатар", "ub-sukhbaatar")],
)  # fmt: skip
def test_the_capital_followed_by_a_district_is_the_district(cohort, imported_row, written, code):
    assert imported_row(cohort, written).region.code == code


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("Улаанбатар", "Улаанбаатар хот"), ("Баянзурх", "Баянзүрх дүүрэг"), ("Darkhan Ul", "Darkhan-Uul aimag"),
     ("Ovorhangai", "Övörkhangai aimag"), ("Сэлэнгээ", "Сэлэнгэ аймаг")],
)  # fmt: skip
def test_a_misspelt_region_is_refused_with_the_nearest_name(cohort, written, suggested):
    trainee_import = check(cohort, csv_bytes([person(1, region=written)]))
    assert located(trainee_import) == {(2, "region")}
    reason = trainee_import.errors[0]["reason"]
    assert f"Did you mean “{suggested}”?" in reason


def test_a_region_like_no_other_gets_no_suggestion(cohort):
    trainee_import = check(cohort, csv_bytes([person(1, region="Атлантис")]))
    reason = trainee_import.errors[0]["reason"]
    assert "Атлантис" in reason and "Did you mean" not in reason


@pytest.fixture
def imported_row():
    def do(cohort, written):
        from django.contrib.auth import get_user_model

        trainee_import = check(cohort, csv_bytes([person(1, region=written)]))
        assert trainee_import.errors == []
        importing.run(trainee_import=trainee_import)
        return get_user_model().objects.get(email="trainee.1@police.mn")

    return do
