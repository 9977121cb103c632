"""Marking rules, as pure functions over a served question: the same answer always gets the same mark."""

from decimal import Decimal

import pytest

from assessments.grading import ResponseError, mark, normalise_text, validate_response

D = Decimal


def single():
    return {
        "qtype": "single_choice",
        "answers": [
            {"id": "a", "text": "A", "fraction": "1", "feedback": "<p>Тийм</p>"},
            {"id": "b", "text": "B", "fraction": "0", "feedback": ""},
        ],
    }


def test_single_choice_gives_the_chosen_answers_mark_and_feedback():
    assert mark(single(), {"choice": "a"}).fraction == D(1)
    assert mark(single(), {"choice": "a"}).feedback == ["<p>Тийм</p>"]
    assert mark(single(), {"choice": "b"}).fraction == D(0)
    assert mark(single(), None).fraction == D(0)


def test_multiple_response_adds_marks_and_never_goes_below_zero_or_above_one():
    entry = {
        "qtype": "multiple_response",
        "answers": [
            {"id": "a", "text": "", "fraction": "0.5"},
            {"id": "b", "text": "", "fraction": "0.5"},
            {"id": "c", "text": "", "fraction": "-1"},
        ],
    }
    assert mark(entry, {"choices": ["a"]}).fraction == D("0.5")
    assert mark(entry, {"choices": ["a", "b"]}).fraction == D(1)
    assert mark(entry, {"choices": ["a", "c"]}).fraction == D(0)


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ("Палермо протокол", D(1)),
        ("  ПАЛЕРМО   протокол  ", D(1)),  # case and surrounding or repeated space ignored
        ("Палермо", D("0.5")),
        ("Палермогийн протокол", D("0.8")),  # the wildcard answer
        ("Женев", D(0)),
    ],
)
def test_short_answer_matching_ignores_case_and_space_and_takes_the_best_mark(given, fraction):
    entry = {
        "qtype": "short_answer",
        "case_sensitive": False,
        "answers": [
            {"id": "1", "text": "Палермо протокол", "fraction": "1"},
            {"id": "2", "text": "Палермо", "fraction": "0.5"},
            {"id": "3", "text": "Палермо* протокол", "fraction": "0.8"},
        ],
    }
    assert mark(entry, {"text": given}).fraction == fraction


def test_short_answer_compares_unicode_in_nfc():
    decomposed = "\u0423\u0308\u043d\u044d\u043d"  # "Үнэн" typed with a combining diaeresis
    assert normalise_text(decomposed) == normalise_text("Ӱнэн")
    entry = {"qtype": "short_answer", "answers": [{"id": "1", "text": "Ӱнэн", "fraction": "1"}]}
    assert mark(entry, validate_response(entry, {"text": decomposed})).fraction == D(1)


def test_numeric_answers_within_tolerance_and_with_a_decimal_comma():
    entry = {
        "qtype": "numeric",
        "numeric": [
            {"value": "18", "tolerance": "0", "fraction": "1", "feedback": ""},
            {"value": "16", "tolerance": "1", "fraction": "0.5", "feedback": "Ойрхон"},
        ],
    }
    assert mark(entry, {"value": "18"}).fraction == D(1)
    assert mark(entry, {"value": "15,5"}).fraction == D("0.5")
    assert mark(entry, {"value": "14"}).fraction == D(0)
    with pytest.raises(ResponseError):
        validate_response(entry, {"value": "арван найм"})


def test_matching_gives_a_share_for_each_right_pair():
    entry = {
        "qtype": "matching",
        "prompts": [{"id": "p1", "text": "", "answer": "1"}, {"id": "p2", "text": "", "answer": "2"}],
        "options": ["1", "2", "3"],
    }
    assert mark(entry, {"pairs": {"p1": "1", "p2": "2"}}).fraction == D(1)
    assert mark(entry, {"pairs": {"p1": "1", "p2": "3"}}).fraction == D("0.5")
    with pytest.raises(ResponseError):
        validate_response(entry, {"pairs": {"p1": "not an option"}})


def test_ordering_gives_a_share_for_each_item_in_its_place():
    entry = {"qtype": "ordering", "items": [{"id": x} for x in "cab"], "correct_order": ["a", "b", "c"]}
    assert mark(entry, {"order": ["a", "b", "c"]}).fraction == D(1)
    assert mark(entry, {"order": ["a", "c", "b"]}).fraction == D(1) / D(3)
    with pytest.raises(ResponseError):
        validate_response(entry, {"order": ["a", "a", "b"]})


def test_an_essay_waits_for_a_person_unless_it_is_empty():
    entry = {"qtype": "essay"}
    assert mark(entry, {"text": "Миний хариулт"}).fraction is None
    assert mark(entry, {"text": "   "}).fraction == D(0)
    assert mark(entry, None).fraction == D(0)
