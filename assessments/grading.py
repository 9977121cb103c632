"""Marking an answer against the question as it was served. Pure functions over an attempt's
snapshot: no database, no request, so the same answer always gets the same mark.

A snapshot entry (see ``snapshot.question_entry``) holds what marking needs. A response is what
the learner sent for that question, by type:

    single_choice, true_false   {"choice": "<answer id>"}
    multiple_response           {"choices": ["<answer id>", ...]}
    short_answer, essay         {"text": "..."}
    numeric                     {"value": "3.14"}
    matching                    {"pairs": {"<prompt id>": "<answer text>", ...}}
    ordering                    {"order": ["<item id>", ...]}
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .formats import base as formats

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)


@dataclass(frozen=True)
class Marking:
    fraction: Decimal | None  # of the question's mark, 0..1; None until a person marks it (essay)
    feedback: list[str] = field(default_factory=list)  # HTML, for the answers given


class ResponseError(ValueError):
    """The response does not fit its question; the message (translated) says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalise_text(text: str, *, case_sensitive: bool = False) -> str:
    """How short answers are compared: NFC, surrounding space ignored, inner runs of space as one."""
    text = " ".join(unicodedata.normalize("NFC", str(text)).split())
    return text if case_sensitive else text.casefold()


def _short_answer_matches(given: str, accepted: str, case_sensitive: bool) -> bool:
    accepted = normalise_text(accepted, case_sensitive=case_sensitive)
    if "*" not in accepted:  # Moodle's wildcard: * stands for any run of characters
        return given == accepted
    pattern = ".*".join(re.escape(part) for part in accepted.split("*"))
    return re.fullmatch(pattern, given, flags=re.DOTALL) is not None


# What a learner may send at most: a short answer fits the page's field, an essay is a long page.
TEXT_LIMITS = {formats.SHORT_ANSWER: 500, formats.ESSAY: 20_000}
NUMBER_LENGTH_LIMIT = 40  # characters, as the page's field allows
# A number's size, as a power of ten, either way: far beyond any answer, far within what
# arithmetic on it can hold (a larger exponent overflows when the answer is compared).
NUMBER_EXPONENT_LIMIT = 100


def parse_number(value) -> Decimal:
    """A number as a learner types it: a comma may be the decimal separator, spaces are ignored.

    Only finite numbers of a sensible size: "inf", "nan" and "1e999999999" are refused, since
    comparing such a number with the right answer cannot be done."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ResponseError(_("Enter a number, such as 12 or 3.5."))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ResponseError(_("Enter a number, such as 12 or 3.5."))
        value = repr(value)
    elif isinstance(value, int):
        if abs(value) >= 10**NUMBER_EXPONENT_LIMIT:
            raise ResponseError(_("This number is too large."))
        value = str(value)
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if len(text) > NUMBER_LENGTH_LIMIT:
        raise ResponseError(_("This number is too long."))
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ResponseError(_("Enter a number, such as 12 or 3.5.")) from None
    if not number.is_finite():
        raise ResponseError(_("Enter a number, such as 12 or 3.5."))
    if number and abs(number.adjusted()) > NUMBER_EXPONENT_LIMIT:
        raise ResponseError(_("This number is too large or too small."))
    return number


def _storable_text(text) -> str:
    """Text a database keeps as sent: no NUL (PostgreSQL refuses it in JSON) and no half of a
    surrogate pair (not a character at all)."""
    if not isinstance(text, str):
        raise ResponseError(_("Type your answer as text."))
    if "\x00" in text or any("\ud800" <= character <= "\udfff" for character in text):
        raise ResponseError(_("Your answer contains characters that cannot be saved."))
    return text


def _answer_ids(entry: dict) -> set[str]:
    return {answer["id"] for answer in entry.get("answers", [])}


def _clean_choice(entry: dict, response: dict) -> dict:
    choice = response.get("choice")
    if not isinstance(choice, str) or choice not in _answer_ids(entry):
        raise ResponseError(_("Choose one of the answers offered."))
    return {"choice": choice}


def _clean_choices(entry: dict, response: dict) -> dict:
    choices, offered = response.get("choices"), _answer_ids(entry)
    if not isinstance(choices, list) or not all(isinstance(choice, str) and choice in offered for choice in choices):
        raise ResponseError(_("Choose only among the answers offered."))
    return {"choices": sorted(set(choices))}


def _clean_text(entry: dict, response: dict) -> dict:
    text = _storable_text(response.get("text"))
    limit = TEXT_LIMITS[entry["qtype"]]
    if len(text) > limit:
        raise ResponseError(
            ngettext(
                "Your answer may be at most %(limit)s character long.",
                "Your answer may be at most %(limit)s characters long.",
                limit,
            )
            % {"limit": limit}
        )
    return {"text": unicodedata.normalize("NFC", text)}


def _clean_number(entry: dict, response: dict) -> dict:
    value = response.get("value")
    parse_number(value)
    return {"value": (repr(value) if isinstance(value, float) else str(value)).strip()}


def _clean_pairs(entry: dict, response: dict) -> dict:
    pairs = response.get("pairs")
    prompt_ids = {prompt["id"] for prompt in entry.get("prompts", [])}
    options = set(entry.get("options", []))
    if not isinstance(pairs, dict) or not set(pairs) <= prompt_ids:
        raise ResponseError(_("Match only the items offered."))
    if not all(isinstance(value, str) and value in options for value in pairs.values()):
        raise ResponseError(_("Match each item with one of the answers offered."))
    return {"pairs": dict(pairs)}


def _clean_order(entry: dict, response: dict) -> dict:
    order, item_ids = response.get("order"), [item["id"] for item in entry.get("items", [])]
    if (
        not isinstance(order, list)
        or not all(isinstance(item, str) for item in order)
        or len(order) != len(item_ids)
        or set(order) != set(item_ids)
    ):
        count = len(item_ids)
        raise ResponseError(
            _("Put every item in a place of its own: number them from 1 to %(count)s.") % {"count": count}
        )
    return {"order": list(order)}


# How each question type's answer is checked and cleaned: the one place the API, the quiz page,
# marking and the review all rely on, so a response that passes is safe to store and to mark.
RESPONSE_CLEANERS = {
    formats.SINGLE_CHOICE: _clean_choice,
    formats.TRUE_FALSE: _clean_choice,
    formats.MULTIPLE_RESPONSE: _clean_choices,
    formats.SHORT_ANSWER: _clean_text,
    formats.ESSAY: _clean_text,
    formats.NUMERIC: _clean_number,
    formats.MATCHING: _clean_pairs,
    formats.ORDERING: _clean_order,
}


def validate_response(entry: dict, response) -> dict:
    """The response, checked against its question's type and the question as it was served, and
    cleaned for storing; raises ResponseError with a reason the learner can read."""
    cleaner = RESPONSE_CLEANERS.get(entry["qtype"])
    if cleaner is None:
        raise ResponseError(_("This question takes no answer."))
    if not isinstance(response, dict):
        raise ResponseError(_("This answer does not fit the question."))
    return cleaner(entry, response)


def saved_response(entry: dict, response) -> dict | None:
    """A stored response as marking and the review may use it: None when there is none, or when it
    does not fit the question (saved before answers were checked this closely); such an answer
    counts as unanswered rather than breaking the attempt."""
    if response is None:
        return None
    try:
        return validate_response(entry, response)
    except ResponseError:
        return None


def mark(entry: dict, response: dict | None) -> Marking:
    """The fraction earned by ``response`` and the feedback it brings. A response that does not fit
    the question (see ``saved_response``) earns what no answer earns."""
    qtype = entry["qtype"]
    response = saved_response(entry, response) if qtype in RESPONSE_CLEANERS else None
    if qtype == formats.DESCRIPTION:
        return Marking(ZERO)
    if qtype == formats.ESSAY:
        return Marking(None if response and response.get("text", "").strip() else ZERO)
    if not response:
        return Marking(ZERO)
    answers = {answer["id"]: answer for answer in entry.get("answers", [])}
    if qtype in (formats.SINGLE_CHOICE, formats.TRUE_FALSE):
        chosen = answers[response["choice"]]
        return Marking(_clamp(Decimal(chosen["fraction"])), _feedback(chosen))
    if qtype == formats.MULTIPLE_RESPONSE:
        chosen = [answers[answer_id] for answer_id in response["choices"]]
        total = sum((Decimal(answer["fraction"]) for answer in chosen), ZERO)
        return Marking(_clamp(total), [text for answer in chosen for text in _feedback(answer)])
    if qtype == formats.SHORT_ANSWER:
        given = normalise_text(response["text"], case_sensitive=entry.get("case_sensitive", False))
        best = _best(
            answer
            for answer in answers.values()
            if _short_answer_matches(given, answer["text"], entry.get("case_sensitive", False))
        )
        return Marking(_clamp(Decimal(best["fraction"])), _feedback(best)) if best else Marking(ZERO)
    if qtype == formats.NUMERIC:
        value = parse_number(response["value"])
        best = _best(
            answer
            for answer in entry["numeric"]
            if abs(value - Decimal(answer["value"])) <= Decimal(answer["tolerance"])
        )
        return Marking(_clamp(Decimal(best["fraction"])), _feedback(best)) if best else Marking(ZERO)
    if qtype == formats.MATCHING:
        prompts = entry["prompts"]
        right = sum(1 for prompt in prompts if response["pairs"].get(prompt["id"]) == prompt["answer"])
        return Marking(Decimal(right) / Decimal(len(prompts)) if prompts else ZERO)
    if qtype == formats.ORDERING:
        correct = entry["correct_order"]
        right = sum(1 for given, expected in zip(response["order"], correct, strict=False) if given == expected)
        return Marking(Decimal(right) / Decimal(len(correct)) if correct else ZERO)
    raise ResponseError(f"unknown question type {qtype}")


def _best(candidates):
    return max(candidates, key=lambda answer: Decimal(answer["fraction"]), default=None)


def _clamp(fraction: Decimal) -> Decimal:
    return min(max(fraction, ZERO), ONE)


def _feedback(answer: dict) -> list[str]:
    return [answer["feedback"]] if answer.get("feedback") else []


def reaches_pass_mark(score: Decimal, max_score: Decimal, pass_mark: Decimal) -> bool:
    """Whether ``score`` out of ``max_score`` is at least ``pass_mark`` %, compared exactly: a
    percent rounded for showing (69.995 shown as 70.00) must never decide a pass. Nothing to
    score (a maximum of 0) counts as full marks."""
    if not max_score:
        return pass_mark <= HUNDRED
    return score * HUNDRED >= pass_mark * max_score


def percent_shown(score: Decimal, max_score: Decimal, pass_mark: Decimal) -> Decimal:
    """The percent shown to people, to two places. A result below the pass mark is rounded down
    where rounding would reach it (69.995 % shows as 69.99 % against 70 %), so that the shown
    percent never says "passed" when the result is not."""
    if not max_score:
        return HUNDRED
    exact = HUNDRED * score / max_score
    shown = exact.quantize(Decimal("0.01"))
    if shown >= pass_mark and not reaches_pass_mark(score, max_score, pass_mark):
        shown = exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return shown
