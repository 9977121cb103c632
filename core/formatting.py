"""Dates and names as each language writes them on paper, in one place.

Mongolian official documents write a date in words around its numbers — "2026 оны 12 дугаар сарын
3" — where the month's ordinal suffix follows the vowel harmony of the number's name (нэг → 1
дүгээр, хоёр → 2 дугаар), and a person as the initial of the family name (the father's or mother's
name) and the given name: "Г.Түвшинжаргал". English writes "3 December 2026" and the Latin name
as the passport does, given name first.

Below those: a date inside a sentence, dates and moments in tables and files, numbers,
percentages and scores, Latin names, and the Mongolian alphabetical order, each written one way
for the whole site (docs/glossary.md, "Dates, numbers and names").
"""

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import pgettext_lazy

# The months whose number's Mongolian name has front vowels: нэг (1), дөрөв (4), ес (9),
# арван нэг (11). The others take "дугаар".
_FRONT_VOWEL_MONTHS = {1, 4, 9, 11}
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: date, language: str) -> str:
    """``day`` as a certificate or a letter writes it in ``language``."""
    if language == "mn":
        suffix = "дүгээр" if day.month in _FRONT_VOWEL_MONTHS else "дугаар"
        return f"{day.year} оны {day.month} {suffix} сарын {day.day}"
    return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def long_month(day: date, language: str) -> str:
    """The month of ``day`` as a title or a subject names it: "2026 оны 11 дүгээр сар",
    "November 2026"."""
    if language == "mn":
        suffix = "дүгээр" if day.month in _FRONT_VOWEL_MONTHS else "дугаар"
        return f"{day.year} оны {day.month} {suffix} сар"
    return f"{_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def official_name(full_name: str) -> str:
    """A Cyrillic "family given" name in the official short form: "Гомбо Түвшинжаргал" →
    "Г.Түвшинжаргал". A single name, or one already in that form, is kept as it is."""
    family, _space, given = (full_name or "").strip().partition(" ")
    if not given or "." in family:
        return full_name.strip()
    return f"{family[0].upper()}.{given.strip()}"


# --- In sentences -------------------------------------------------------------------------------
# A Mongolian sentence puts its case ending on the date's last word, and a bare ISO date cannot
# take one ("2028-12-03-нд" reads as nothing). The sentence form ends the long date with the
# genitive of the day and the noun "өдөр" — "2028 оны 12 дугаар сарын 3-ны өдөр" — which every
# verb can follow as it is ("…-ны өдөр дуусна", "…-ны өдөр хүртэл"), so no translation ever
# glues a suffix to a number. The genitive follows the vowel harmony of the day's last spoken
# word: нэг (1), дөрөв (4), ес (9) are front ("1-ний", "14-ний", "21-ний"); арав, хорь, гуч and
# the rest are back ("10-ны", "20-ны", "3-ны").
_FRONT_VOWEL_LAST_DIGITS = {1, 4, 9}


def date_in_sentence(day: date, language: str) -> str:
    """``day`` as a sentence in ``language`` names it, ready for the words that follow it."""
    if language == "mn":
        genitive = "ний" if day.day % 10 in _FRONT_VOWEL_LAST_DIGITS else "ны"
        return f"{long_date(day, 'mn')}-{genitive} өдөр"
    return long_date(day, language)


# --- In tables and files ------------------------------------------------------------------------
# A table, a spreadsheet or an export writes a date as "2026-11-30" and a moment as
# "2026-11-30 19:30" in both languages: sortable, read the same in Ulaanbaatar and elsewhere, and
# in the local time of the site (Asia/Ulaanbaatar) with no offset, which nobody reading a sheet
# wants ("T19:30+08:00").


def local_day(value: date | datetime | None) -> date | None:
    """The day ``value`` falls on where the site is: a date as it is, a moment in local time."""
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def short_date(day: date | datetime | None) -> str:
    day = local_day(day)
    return day.isoformat() if day else ""


def short_datetime(moment: datetime | None) -> str:
    if not moment:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%Y-%m-%d %H:%M}"


def time_on(moment: datetime | None, day: date | None = None) -> str:
    """A moment as a sentence about ``day`` names it: "10:05" on that day (local time), the date
    and time on any other ("2026-12-03 10:05"), so that a time is never read on the wrong day."""
    if not moment:
        return ""
    if day is not None and local_day(moment) != day:
        return short_datetime(moment)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%H:%M}"


# --- Numbers ------------------------------------------------------------------------------------
# One way to write a number in both languages: a decimal point, as Mongolia's statistics office
# and its spreadsheets write it, and no trailing zeros. A percentage has at most one decimal
# ("87.5%", "100%"); a score is the marks over the possible ones with up to two ("0.5 / 2").


def number(value, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals, without trailing zeros: 1.000 → "1", 0.50 → "0.5"."""
    if value is None:
        return ""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(value) -> str:
    """A percentage as every page and file shows it: "87.5%", "100%"."""
    return "" if value is None else f"{number(value, 1)}%"


def score(marks, out_of) -> str:
    """Marks over the possible marks: "1 / 1", "0.5 / 2"."""
    return f"{number(marks)} / {number(out_of)}"


# --- Names --------------------------------------------------------------------------------------


def latin_name(given: str, family: str) -> str:
    """A Latin name as the passport and the certificate print it, given name first, everywhere:
    exports, the attendance sheet and certificates agree."""
    return f"{(given or '').strip()} {(family or '').strip()}".strip()


# The Mongolian Cyrillic alphabet: Ө after О and Ү after У, where code point order (and a
# collation that does not know Mongolian) puts them after Я.
MONGOLIAN_ALPHABET = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ"
_RANK = {letter: rank for rank, letter in enumerate(MONGOLIAN_ALPHABET)}
# The name of the database collation that sorts by that alphabet: PostgreSQL's ICU collation for
# Mongolian (created by core's migration if the server lacks it), and on SQLite a Python function
# registered under the same name when a connection opens (core.apps), so that
# ``order_by(Collate("last_name", MONGOLIAN_COLLATION))`` reads the same on both.
MONGOLIAN_COLLATION = "mn-x-icu"


def mongolian_sort_key(text: str) -> tuple:
    """A key that sorts Cyrillic text by the Mongolian alphabet, ignoring case. As in the ICU
    collation, digits and signs come first and Latin letters after the Cyrillic ones."""
    key = []
    for char in unicodedata.normalize("NFC", text or "").upper():
        rank = _RANK.get(char)
        if rank is not None:
            key.append((1, rank))
        else:
            key.append((2 if char.isalpha() else 0, ord(char)))
    return tuple(key)


def mongolian_collate(left: str, right: str) -> int:
    """The SQLite collation function: -1, 0 or 1 as ``left`` sorts before, with or after ``right``."""
    a, b = mongolian_sort_key(left), mongolian_sort_key(right)
    return (a > b) - (a < b)


def by_name(path: str = "") -> list:
    """The ``order_by`` of a list of people as they read it: family name, then given name, by the
    Mongolian alphabet, in the database (so a paged list is ordered across its pages), then e-mail
    to break ties. ``path`` leads to the person: ``by_name("learner__")``."""
    from django.db.models.functions import Collate

    return [
        Collate(f"{path}last_name", MONGOLIAN_COLLATION),
        Collate(f"{path}first_name", MONGOLIAN_COLLATION),
        f"{path}email",
    ]


# A language named inside a sentence: "англи хэл рүү", "монгол хэлээр", never the autonym the
# language switcher shows ("English хэлээр").
_LANGUAGES_IN_SENTENCES = {
    "mn": pgettext_lazy("a language, inside a sentence", "Mongolian"),
    "en": pgettext_lazy("a language, inside a sentence", "English"),
}


def language_in_sentence(code: str) -> str:
    return str(_LANGUAGES_IN_SENTENCES.get(code, code))
