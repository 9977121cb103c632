"""Short answer: typed text compared with the accepted answers (``*`` a wildcard), the best match counting."""

import re
import unicodedata
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..formats import gift
from ..formats import moodle_xml as xml
from ..formats.base import SHORT_ANSWER, ParsedChoice, plain_text
from .base import (
    ZERO,
    Marking,
    QuestionType,
    ResponseError,
    best,
    choice_blocks,
    choice_entries,
    clamp,
    feedback_of,
    normalise_text,
    parsed_choices,
    storable_text,
)
from .registry import register
from .single_choice import require_full_marks


def clean_text(response: dict, limit: int) -> dict:
    text = storable_text(response.get("text"))
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


def text_from_form(entry: dict, post) -> dict | None:
    name = f"q-{entry['id']}"
    return {"text": post[name]} if post.get(name, "").strip() else None


def _matches(given: str, accepted: str, case_sensitive: bool) -> bool:
    accepted = normalise_text(accepted, case_sensitive=case_sensitive)
    if "*" not in accepted:  # Moodle's wildcard: * stands for any run of characters
        return given == accepted
    pattern = ".*".join(re.escape(part) for part in accepted.split("*"))
    return re.fullmatch(pattern, given, flags=re.DOTALL) is not None


@register
class ShortAnswer(QuestionType):
    constant = SHORT_ANSWER
    label = gettext_lazy("Short answer")
    answer_block = "choice"
    min_answers = 1
    moodle_names = ("shortanswer",)
    text_limit = 500  # characters, as the page's field allows

    def clean_question(self, question):
        require_full_marks(question)

    def snapshot(self, question, *, shuffle, rng):
        # Compared as plain text, whatever markup the editor's field added.
        answers = choice_entries(question, as_text=plain_text)
        if shuffle:
            rng.shuffle(answers)
        return {"answers": answers}

    def response_from_form(self, entry, post):
        return text_from_form(entry, post)

    def clean_response(self, entry, response):
        return clean_text(response, self.text_limit)

    def mark_response(self, entry, response):
        case_sensitive = entry.get("case_sensitive", False)
        given = normalise_text(response["text"], case_sensitive=case_sensitive)
        found = best(answer for answer in entry["answers"] if _matches(given, answer["text"], case_sensitive))
        return Marking(clamp(Decimal(found["fraction"])), feedback_of(found)) if found else Marking(ZERO)

    def right_answer(self, entry):
        return max(entry["answers"], key=lambda answer: Decimal(answer["fraction"]))["text"]

    def right_answer_text(self, entry):
        return self.right_answer(entry)

    def to_blocks(self, parsed, quantize):
        return choice_blocks(parsed, quantize)

    def from_blocks(self, parsed, blocks):
        parsed.choices = parsed_choices(blocks)

    def moodle_read(self, element, question, text_format):
        question.case_sensitive = xml.bool_of(element.findtext("usecase"), default=False)
        for answer in element.findall("answer"):
            raw = xml.text_of(answer)
            if raw:
                question.choices.append(
                    ParsedChoice(
                        text=raw,
                        fraction=xml.fraction_of(answer, negative=False),
                        feedback=xml.feedback_of(answer, text_format),
                    )
                )
        if not any(choice.fraction == 1 for choice in question.choices):
            raise xml.Skip(_("No answer gives full marks, so they cannot be reached; the question was not imported."))

    def moodle_write(self, question):
        lines = [f"    <usecase>{int(question.case_sensitive)}</usecase>"]
        for choice in question.choices:
            lines += xml.answer_xml(choice.text, choice.fraction, choice.feedback, "plain_text")
        return lines

    def gift_write(self, question, head, general):
        lines = [head + "{"]
        lines += [
            f"\t=%{gift.percent(choice.fraction)}%{'[plain]' if choice.text.startswith('[') else ''}"
            f"{gift.escape(choice.text)}" + (f"#{gift.rich(choice.feedback)}" if choice.feedback else "")
            for choice in question.choices
        ]
        if general:
            lines.append(f"\t{general}")
        lines.append("}")
        return lines
