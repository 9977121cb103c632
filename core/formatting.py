"""Dates and names as each language writes them on paper, in one place.

Mongolian official documents write a date in words around its numbers — "2026 оны 12 дугаар сарын
3" — where the month's ordinal suffix follows the vowel harmony of the number's name (нэг → 1
дүгээр, хоёр → 2 дугаар), and a person as the initial of the family name (the father's or mother's
name) and the given name: "Г.Түвшинжаргал". English writes "3 December 2026" and the Latin name
as the passport does, given name first.
"""

from datetime import date

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


def official_name(full_name: str) -> str:
    """A Cyrillic "family given" name in the official short form: "Гомбо Түвшинжаргал" →
    "Г.Түвшинжаргал". A single name, or one already in that form, is kept as it is."""
    family, _space, given = (full_name or "").strip().partition(" ")
    if not given or "." in family:
        return full_name.strip()
    return f"{family[0].upper()}.{given.strip()}"
