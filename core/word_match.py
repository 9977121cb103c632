"""Finding a word of a search in a text whatever its ending, in Mongolian as in English.

Mongolian inflects by suffixes: a course about "хүүхэд худалдаалах" must be found by "худалдаа",
"хилийн боомт" by "боомтод", "гэмтэл" by "гэмтлийн". Whole-word matching (a full-text index with
no Mongolian dictionary) finds none of these. So each word of the search is cut back to a stem —
its case, plural and possessive endings taken off, never leaving fewer than ``MIN_STEM`` letters —
and a word of the text matches when it begins with that stem.

One more rule covers the vowel a Mongolian stem drops before an ending (гэмтэл → гэмтлийн,
ажил → ажлын, хүүхэд → хүүхдийн): a stem ending in two consonants also matches a word that begins
alike and has the same consonants in the same order (гэмтл finds гэмтэл, хэрэг finds хэргийн).

Matching is done on the texts themselves, in Python: the same on SQLite (whose LIKE folds the case
of ASCII letters only) and on PostgreSQL, and cheap for a catalogue of courses.
"""

import re

MIN_STEM = 3

# Case endings (one is taken off), then plural endings (one more: хүүхд-үүд-ийн).
_CASE_ENDINGS = (
    # genitive, accusative
    "гийн", "ийн", "ын", "ний", "ны", "ийг", "ыг",
    # dative-locative
    "ад", "эд", "од", "өд",
    # ablative, instrumental
    "гаас", "гээс", "гоос", "гөөс", "аас", "ээс", "оос", "өөс", "иас", "иос",
    "гаар", "гээр", "гоор", "гөөр", "аар", "ээр", "оор", "өөр", "иар", "иор",
    # comitative, directional
    "тай", "тэй", "той", "руу", "рүү", "луу", "лүү",
    # the verbal noun of a verb made from a noun (худалдаа → худалдаалах)
    "лах", "лэх", "лох", "лөх",
    # English
    "ing", "es", "ed", "s",
)  # fmt: skip
_PLURAL_ENDINGS = ("нууд", "нүүд", "чууд", "чүүд", "ууд", "үүд", "нар")
# One letter is an ending only after a long vowel (худалдаа-г, худалдаа-д): elsewhere it is as
# likely the stem's own last letter (хүүхэд, хэрэг).
_SHORT_ENDINGS = ("г", "н", "д")
_LONG_VOWELS = ("аа", "ээ", "оо", "өө", "уу", "үү", "ий", "иа", "иу")
_VOWELS = set("аэиоуөүыяеёюaeiouy")
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").casefold())


def _is_consonant(letter: str) -> bool:
    return letter.isalpha() and letter not in _VOWELS and letter not in "ьъй"


def _skeleton(word: str) -> str:
    return "".join(letter for letter in word if _is_consonant(letter))


def _without(word: str, endings) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def stem(word: str) -> str:
    """``word`` without its case and plural endings, keeping at least ``MIN_STEM`` letters."""
    word = word.casefold()
    shorter = _without(word, _CASE_ENDINGS)
    if shorter == word and word[:-1].endswith(_LONG_VOWELS):
        shorter = _without(word, _SHORT_ENDINGS)
    return _without(shorter, _PLURAL_ENDINGS)


def _word_matches(query_stem: str, word: str) -> bool:
    if word.startswith(query_stem):
        return True
    # A vowel dropped or kept before an ending: гэмтлийн finds гэмтэл, хэрэг finds хэргийн. The
    # stem and the word begin alike and have the same consonants in the same order.
    skeleton = _skeleton(query_stem)
    return len(skeleton) >= MIN_STEM and word[:2] == query_stem[:2] and _skeleton(word).startswith(skeleton)


def matches(query: str, *texts: str) -> bool:
    """Whether every word of ``query`` is found, by its stem, in ``texts`` taken together."""
    stems = [stem(word) for word in words(query)]
    if not stems:
        return True
    found = {word for text in texts for word in words(text)}
    return all(any(_word_matches(query_stem, word) for word in found) for query_stem in stems)
