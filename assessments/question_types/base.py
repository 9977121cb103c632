"""What every question type is: one class per type (architecture §7, "A new question type").

A type says, for its questions, how editors' answers are checked, what an attempt's snapshot holds
and what of it the learner may see before submitting, how a learner's answer is read from the form,
checked and marked (on the server only: architecture §4.3), what the right answer is, what the item
analysis counts, and how the question is written to and read from GIFT and Moodle XML.

Pure code over plain data: a type never queries the database, so marking stays a pure function of
the snapshot and the response. The helpers shared by several types live here too.
"""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..formats.base import ParsedChoice, ParsedQuestion, plain_text

ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(frozen=True)
class Marking:
    fraction: Decimal | None  # of the question's mark, 0..1; None until a person marks it (essay)
    feedback: list[str] = field(default_factory=list)  # HTML, for the answers given


class ResponseError(ValueError):
    """The response does not fit its question; the message (translated) says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class QuestionType:
    """The default behaviour is a question that takes no answer; each type overrides what it has."""

    constant: str = ""
    label = ""  # lazily translated, for the editor's list of types
    # The StreamField block its answers are made of ("choice", "numeric", "pair", "item"), or None
    # when it takes none, and how many it needs at least.
    answer_block: str | None = None
    min_answers = 0
    answerable = True  # the learner sends a response
    checkable = True  # marked at once under immediate feedback (not when a person marks it)
    moodle_names: tuple[str, ...] = ()  # Moodle XML's names for it; the first is the one written
    in_gift = True  # GIFT can write it

    @property
    def form_template(self) -> str:
        """The learner's form of the question; with ``disabled`` it is also the review."""
        return f"assessments/question_types/{self.constant}.html"

    # The bank

    def clean_question(self, question) -> None:
        """Further checks of an edited question's answers; raises django's ValidationError."""

    # The attempt

    def snapshot(self, question, *, shuffle: bool, rng: random.Random) -> dict:
        """What the snapshot entry holds besides the common keys, marking's needs included."""
        return {}

    def public(self, entry: dict) -> dict:
        """What of ``snapshot`` the learner may see before submitting: no marks, no right answers."""
        return {}

    def response_from_form(self, entry: dict, post) -> dict | None:
        """The answer as the page's form sent it, or None when it was left blank."""
        return None

    def clean_response(self, entry: dict, response: dict) -> dict:
        """``response`` checked against the question as served and cleaned for storing."""
        raise ResponseError(_("This question takes no answer."))

    def mark(self, entry: dict, response: dict | None) -> Marking:
        """The fraction a cleaned response (or None) earns, and the feedback it brings."""
        return Marking(ZERO) if not response else self.mark_response(entry, response)

    def mark_response(self, entry: dict, response: dict) -> Marking:
        return Marking(ZERO)

    def right_answer(self, entry: dict):
        return None

    def right_answer_text(self, entry: dict) -> str:
        """The right answer in words, for the review."""
        return ""

    # Item analysis: how often each possible answer was given.

    def analysis_labels(self, entry: dict) -> list[tuple[str, str]]:
        """(key, words) of each answer the analysis counts, in the order shown."""
        return []

    def analysis_picks(self, response: dict) -> list[str]:
        """The keys of ``analysis_labels`` that ``response`` gave."""
        return []

    # The bank's answers and the formats' neutral shape (assessments.formats.base)

    def to_blocks(self, parsed: ParsedQuestion, quantize) -> list[dict]:
        """The answers StreamField's raw data for an imported question."""
        return []

    def from_blocks(self, parsed: ParsedQuestion, blocks) -> None:
        """Fill ``parsed`` from the question's answer blocks, for export."""

    def moodle_read(self, element, question: ParsedQuestion, text_format: str) -> None:
        """Fill ``question`` from its Moodle XML ``element``; raises moodle_xml.Skip with a reason."""

    def moodle_write(self, question: ParsedQuestion) -> list[str]:
        """The lines of Moodle XML particular to this type (inside <question>)."""
        return []

    def gift_write(self, question: ParsedQuestion, head: str, general: str) -> list[str]:
        """The question as GIFT lines, given its written ``head`` (title and text) and ``general``
        feedback (``####…`` or "")."""
        return [head]


# Helpers several types share.


def source(value) -> str:
    """A rich-text value's HTML, whatever Wagtail gave (RichText, str or None)."""
    return value.source if hasattr(value, "source") else (value or "")


def choice_entries(question, *, as_text=None) -> list[dict]:
    """The question's choice blocks as snapshot answers; ``as_text`` turns their HTML into what is
    compared (short answer: plain text)."""
    as_text = as_text or (lambda text: text)
    return [
        {
            "id": block.id,
            "text": as_text(block.value["text"].source),
            "fraction": str(block.value["fraction"]),
            "feedback": block.value["feedback"].source if block.value["feedback"] else "",
        }
        for block in question.answers
        if block.block_type == "choice"
    ]


def choice_blocks(parsed: ParsedQuestion, quantize) -> list[dict]:
    return [
        {"type": "choice", "value": {"text": c.text, "fraction": quantize(c.fraction), "feedback": c.feedback}}
        for c in parsed.choices
    ]


def parsed_choices(blocks) -> list[ParsedChoice]:
    return [
        ParsedChoice(source(b.value["text"]), Decimal(b.value["fraction"]), source(b.value["feedback"])) for b in blocks
    ]


def answer_ids(entry: dict) -> set[str]:
    return {answer["id"] for answer in entry.get("answers", [])}


def answer_labels(entry: dict) -> list[tuple[str, str]]:
    return [(answer["id"], plain_text(answer["text"])) for answer in entry.get("answers", [])]


def normalise_text(text: str, *, case_sensitive: bool = False) -> str:
    """How short answers are compared: NFC, surrounding space ignored, inner runs of space as one."""
    text = " ".join(unicodedata.normalize("NFC", str(text)).split())
    return text if case_sensitive else text.casefold()


def storable_text(text) -> str:
    """Text a database keeps as sent: no NUL (PostgreSQL refuses it in JSON) and no half of a
    surrogate pair (not a character at all)."""
    if not isinstance(text, str):
        raise ResponseError(_("Type your answer as text."))
    if "\x00" in text or any("\ud800" <= character <= "\udfff" for character in text):
        raise ResponseError(_("Your answer contains characters that cannot be saved."))
    return text


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


def best(candidates):
    """The answer with the highest fraction, or None."""
    return max(candidates, key=lambda answer: Decimal(answer["fraction"]), default=None)


def clamp(fraction: Decimal) -> Decimal:
    return min(max(fraction, ZERO), ONE)


def feedback_of(answer: dict) -> list[str]:
    return [answer["feedback"]] if answer.get("feedback") else []


def share(right: int, total: int) -> Decimal:
    """``right`` out of ``total`` as a fraction of the mark (0 when there is nothing to get right)."""
    return Decimal(right) / Decimal(total) if total else ZERO
