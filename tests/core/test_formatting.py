"""One way to write dates, numbers and names, in both languages (core.formatting)."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db.models.functions import Collate

from core.formatting import (
    MONGOLIAN_COLLATION,
    by_name,
    date_in_sentence,
    latin_name,
    mongolian_sort_key,
    number,
    percent,
    score,
    short_date,
    short_datetime,
)

# Twenty family names as a Mongolian class list orders them: Ө after О, Ү after У, where code
# point order puts both after Я.
IN_ALPHABETICAL_ORDER = [
    "Алтанцэцэг", "Баатар", "Батболд", "Ганбаатар", "Дорж", "Ёндон", "Жаргал", "Золзаяа",
    "Отгонбаяр", "Оюунчимэг", "Өлзийбаяр", "Өнөржаргал", "Пүрэвдорж", "Сарнай", "Төмөр",
    "Ундрах", "Үнэнбат", "Үүрцайх", "Хулан", "Энхтуяа",
]  # fmt: skip


@pytest.mark.parametrize(
    ("day", "mn", "en"),
    [
        (date(2028, 12, 3), "2028 оны 12 дугаар сарын 3-ны өдөр", "3 December 2028"),
        (date(2027, 1, 21), "2027 оны 1 дүгээр сарын 21-ний өдөр", "21 January 2027"),
        (date(2026, 4, 14), "2026 оны 4 дүгээр сарын 14-ний өдөр", "14 April 2026"),
        (date(2026, 9, 30), "2026 оны 9 дүгээр сарын 30-ны өдөр", "30 September 2026"),
    ],
)
def test_a_date_in_a_sentence_ends_in_a_word_not_a_number_glued_to_a_suffix(day, mn, en):
    assert date_in_sentence(day, "mn") == mn
    assert date_in_sentence(day, "en") == en


def test_tables_and_files_show_local_time_without_an_offset():
    moment = datetime(2026, 11, 30, 11, 30, tzinfo=ZoneInfo("UTC"))  # 19:30 in Ulaanbaatar
    assert short_datetime(moment) == "2026-11-30 19:30"
    assert short_date(moment) == "2026-11-30"
    assert short_date(date(2026, 1, 2)) == "2026-01-02"
    assert short_date(None) == short_datetime(None) == ""


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Decimal("100.00"), "100%"), (Decimal("87.50"), "87.5%"), (Decimal("66.67"), "66.7%"), (0, "0%")],
)
def test_a_percentage_has_at_most_one_decimal_and_no_trailing_zero(value, shown):
    assert percent(value) == shown


def test_a_score_drops_trailing_zeros_on_both_sides():
    assert score(Decimal("1.000"), Decimal("1.00")) == "1 / 1"
    assert score(Decimal("0.50"), 2) == "0.5 / 2"
    assert number(Decimal("-0.001")) == "0"


def test_a_latin_name_is_given_name_first():
    assert latin_name("Batbold", "Dorj") == "Batbold Dorj"
    assert latin_name("", "Dorj") == "Dorj"


def test_the_python_sort_key_follows_the_mongolian_alphabet():
    shuffled = sorted(IN_ALPHABETICAL_ORDER)  # code point order: Ө and Ү last
    assert shuffled != IN_ALPHABETICAL_ORDER
    assert sorted(shuffled, key=mongolian_sort_key) == IN_ALPHABETICAL_ORDER
    assert sorted(["бат", "Бат", "Zorig", "Өлзий"], key=mongolian_sort_key)[-1] == "Zorig"


@pytest.mark.django_db
def test_the_database_orders_people_by_the_mongolian_alphabet(django_user_model):
    """Both on SQLite (a function registered per connection) and PostgreSQL (ICU), whichever the run uses."""
    for n, family in enumerate(sorted(IN_ALPHABETICAL_ORDER, reverse=True)):
        django_user_model.objects.create(email=f"p{n}@example.mn", last_name=family, first_name="Нэр")
    ordered = list(django_user_model.objects.order_by(*by_name()).values_list("last_name", flat=True))
    assert ordered == IN_ALPHABETICAL_ORDER
    only_collated = django_user_model.objects.order_by(Collate("last_name", MONGOLIAN_COLLATION))
    assert only_collated.first().last_name == "Алтанцэцэг" and only_collated.last().last_name == "Энхтуяа"
