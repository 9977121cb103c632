"""One term for one thing in the Mongolian catalogue (docs/glossary.md), and no date with a case
ending glued to it (core.formatting, "Dates, numbers and names")."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO_FILE = ROOT / "locale" / "mn" / "LC_MESSAGES" / "django.po"

# Spellings and terms the glossary replaced, and what it says instead.
NOT_IN_THE_GLOSSARY = {
    "и-мэйл": "имэйл",
    "имейл": "имэйл",
    "хүчин зүйлийн": "хоёр шатлалт",
    "бүс нутаг": "аймаг, дүүрэг",
    "санал хүсэлт": "хариу тайлбар",
    "баталгааны бичиг": "цахим гэрчилгээ",
    "хичээллэлт": "сургалтын уулзалт",
    "“": "«",
    "”": "»",
}


@pytest.fixture(scope="module")
def translations() -> list[tuple[str, str]]:
    entries = [e for e in polib.pofile(str(PO_FILE)) if not e.obsolete]
    return [(e.msgid, text) for e in entries for text in [e.msgstr, *e.msgstr_plural.values()] if text]


@pytest.mark.parametrize("replaced", NOT_IN_THE_GLOSSARY)
def test_the_catalogue_uses_the_glossarys_term(translations, replaced):
    found = [msgid for msgid, text in translations if replaced in text.casefold()]
    assert not found, f"write {NOT_IN_THE_GLOSSARY[replaced]!r} instead of {replaced!r} in: {found}"


def test_no_translation_glues_a_case_ending_to_a_date(translations):
    # "%(date)s-нд" turns "2028-12-03" into "2028-12-03-нд"; the sentence form of a date ends in a
    # word that takes what follows it as it is.
    glued = [msgid for msgid, text in translations if re.search(r"%\((date|when|day)\)s-\w", text)]
    assert not glued


def test_e_mails_write_dates_through_the_formatting_filters():
    templates = [*ROOT.glob("*/templates/*/email/*.txt"), *ROOT.glob("lms/templates/*/email/*.txt")]
    assert len(templates) > 10
    raw = [str(t.relative_to(ROOT)) for t in templates if '|date:"Y-m-d' in t.read_text()]
    assert not raw
