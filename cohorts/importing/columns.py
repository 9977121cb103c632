"""The columns of a trainee spreadsheet, and how two spellings of a header or a value are compared."""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from core.text import normalise_text

# The downloadable template's example row uses this address, so a template sent back with the
# example still in it is refused instead of creating an account for a person who does not exist.
EXAMPLE_EMAIL = "jishee@example.mn"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False
    user_field: str = ""  # the User field a text column fills, for its length limit
    script: str = ""  # the only alphabet a name column may use
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("email", gettext_lazy("E-mail address"), required=True, user_field="email",
           aliases=("e-mail", "email address", "e-mail address", "и-мэйл", "имэйл", "и-мейл", "имейл",
                    "цахим шуудан", "цахим шуудангийн хаяг")),
    Column("family_name", gettext_lazy("Family name"), required=True, user_field="last_name", script="cyrillic",
           aliases=("last name", "surname", "овог")),
    Column("given_name", gettext_lazy("Given name"), required=True, user_field="first_name", script="cyrillic",
           aliases=("first name", "нэр")),
    Column("latin_family_name", gettext_lazy("Family name in Latin letters"), user_field="latin_last_name",
           script="latin", aliases=("latin last name", "латин овог", "овог латинаар")),
    Column("latin_given_name", gettext_lazy("Given name in Latin letters"), user_field="latin_first_name",
           script="latin", aliases=("latin first name", "латин нэр", "нэр латинаар")),
    Column("organisation", gettext_lazy("Organisation"), aliases=("organization", "байгууллага")),
    Column("position", gettext_lazy("Position or rank"), user_field="position",
           aliases=("position or rank", "rank", "албан тушаал")),
    Column("region", gettext_lazy("Region"),
           aliases=("aimag", "district", "аймаг", "дүүрэг", "аймаг/дүүрэг", "аймаг, дүүрэг", "бүс")),
    Column("gender", gettext_lazy("Gender"), aliases=("sex", "хүйс")),
    Column("preferred_language", gettext_lazy("Preferred language"), aliases=("language", "хэл", "сонгосон хэл")),
)  # fmt: skip
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


def spelling_key(value: str) -> str:
    """How two spellings of a header or of a listed value are compared: after NFC, without case,
    extra spaces, ``_``, ``-``, ``*`` or ``:`` ("Family_name *" is "family name")."""
    text = normalise_text(value).casefold()
    for char in "_-":
        text = text.replace(char, " ")
    return " ".join(text.replace("*", "").replace(":", "").split())


def unaccented(key: str) -> str:
    """A second chance for names typed without diacritics: "Bayan-Olgii" for "Bayan-Ölgii"."""
    return "".join(char for char in unicodedata.normalize("NFD", key) if not unicodedata.combining(char))


HEADERS = {spelling_key(alias): column.key for column in COLUMNS for alias in (column.key, *column.aliases)}
