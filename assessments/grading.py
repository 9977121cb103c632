"""Marking an answer against the question as it was served. Pure functions over an attempt's
snapshot: no database, no request, so the same answer always gets the same mark. Each question
type (``question_types``) checks and marks its own responses; this is the door the rest of the app
goes through.

A snapshot entry (see ``snapshot.question_entry``) holds what marking needs. A response is what
the learner sent for that question, in the shape its type reads (for example ``{"choice": "<answer
id>"}`` for single choice; each type's ``clean_response`` says).
"""

from decimal import ROUND_DOWN, Decimal

from django.utils.translation import gettext as _

from .question_types import registry
from .question_types.base import Marking, ResponseError, normalise_text, parse_number

__all__ = ["Marking", "ResponseError", "mark", "normalise_text", "parse_number", "saved_response", "validate_response"]

HUNDRED = Decimal(100)


def validate_response(entry: dict, response) -> dict:
    """The response, checked against its question's type and the question as it was served, and
    cleaned for storing; raises ResponseError with a reason the learner can read."""
    kind = registry.get(entry["qtype"])
    if not kind.answerable:
        raise ResponseError(_("This question takes no answer."))
    if not isinstance(response, dict):
        raise ResponseError(_("This answer does not fit the question."))
    return kind.clean_response(entry, response)


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
    kind = registry.get(entry["qtype"])
    return kind.mark(entry, saved_response(entry, response) if kind.answerable else None)


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
