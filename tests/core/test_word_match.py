"""Search words are found in whatever form Mongolian (or English) gives them."""

import pytest

from core.word_match import matches, stem

BORDER = "Хилийн боомтод хүүхэд худалдаалах гэмт хэргийн шинж тэмдгийг таних"
TRAUMA = "Хүүхэдтэй сэтгэл зүйн гэмтэлд мэдрэмжтэй ярилцлага хийх. Сэтгэл зүйн гэмтэл"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("худалдааг", "худалдаа"),  # accusative after a long vowel
        ("хилийн", "хил"),  # genitive
        ("боомтод", "боомт"),  # dative
        ("боомтоор", "боомт"),  # instrumental
        ("хүүхдүүдийн", "хүүхд"),  # plural, then genitive
        ("хэрэг", "хэрэг"),  # a final г of the stem stays
        ("Interviewing", "interview"),
    ],
)
def test_endings_come_off_and_the_stem_stays(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    "query, text",
    [
        ("худалдаа", BORDER),  # a prefix of худалдаалах
        ("хилийн боомт", BORDER),
        ("гэмтлийн", TRAUMA),  # the vowel dropped before the ending: гэмтэл
        ("гэмт хэрэг", BORDER),  # the vowel kept in the search, dropped in the text: хэргийн
        ("ярилцлагын", TRAUMA),
        ("хүүхдүүдийн", TRAUMA),
        ("ХИЛИЙН", BORDER),  # case does not matter
        ("interviews", "Trauma-informed interviewing of children"),
    ],
)
def test_an_inflected_word_finds_its_text(query, text):
    assert matches(query, text)


@pytest.mark.parametrize(
    "query, text",
    [
        ("гэмтлийн", BORDER),  # гэмт (crime) is not гэмтэл (trauma)
        ("худалдаа", TRAUMA),
        ("хилийн ярилцлага", BORDER),  # every word must be found
        ("police", BORDER),
    ],
)
def test_a_word_not_in_the_text_finds_nothing(query, text):
    assert not matches(query, text)


def test_an_empty_search_matches_everything():
    assert matches("  ", BORDER)
