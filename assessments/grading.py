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

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .formats import base as formats

ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(frozen=True)
class Marking:
    fraction: Decimal | None  # of the question's mark, 0..1; None until a person marks it (essay)
    feedback: list[str] = field(default_factory=list)  # HTML, for the answers given


class ResponseError(ValueError):
    """The response does not have the shape its question type takes."""


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


def parse_number(value) -> Decimal:
    """A number as a learner types it: a comma may be the decimal separator, spaces are ignored."""
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ResponseError("not a number") from None
    if not number.is_finite():
        raise ResponseError("not a number")
    return number


def validate_response(entry: dict, response) -> dict:
    """The response, checked against its question's shape; raises ResponseError."""
    qtype = entry["qtype"]
    if not isinstance(response, dict):
        raise ResponseError("an answer is an object")
    answer_ids = {answer["id"] for answer in entry.get("answers", [])}
    if qtype in (formats.SINGLE_CHOICE, formats.TRUE_FALSE):
        if response.get("choice") not in answer_ids:
            raise ResponseError("unknown choice")
        return {"choice": response["choice"]}
    if qtype == formats.MULTIPLE_RESPONSE:
        choices = response.get("choices")
        if not isinstance(choices, list) or not set(choices) <= answer_ids:
            raise ResponseError("unknown choice")
        return {"choices": sorted(set(choices))}
    if qtype in (formats.SHORT_ANSWER, formats.ESSAY):
        text = response.get("text")
        limit = 20_000 if qtype == formats.ESSAY else 500
        if not isinstance(text, str) or len(text) > limit:
            raise ResponseError("text expected")
        return {"text": unicodedata.normalize("NFC", text)}
    if qtype == formats.NUMERIC:
        parse_number(response.get("value", ""))
        return {"value": str(response["value"]).strip()}
    if qtype == formats.MATCHING:
        pairs = response.get("pairs")
        prompt_ids = {prompt["id"] for prompt in entry["prompts"]}
        if not isinstance(pairs, dict) or not set(pairs) <= prompt_ids:
            raise ResponseError("unknown prompt")
        if not all(isinstance(value, str) and value in entry["options"] for value in pairs.values()):
            raise ResponseError("unknown option")
        return {"pairs": dict(pairs)}
    if qtype == formats.ORDERING:
        order = response.get("order")
        if not isinstance(order, list) or sorted(order) != sorted(item["id"] for item in entry["items"]):
            raise ResponseError("every item once")
        return {"order": list(order)}
    raise ResponseError("this question takes no answer")


def mark(entry: dict, response: dict | None) -> Marking:
    """The fraction earned by ``response`` (already validated) and the feedback it brings."""
    qtype = entry["qtype"]
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
