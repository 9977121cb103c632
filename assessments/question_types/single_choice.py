"""Single choice: one answer picked from several, marked by that answer's fraction."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import gift
from ..formats import moodle_xml as xml
from ..formats.base import MULTIPLE_RESPONSE, SINGLE_CHOICE, ParsedChoice, ParsedQuestion, plain_text, to_html
from .base import (
    Marking,
    QuestionType,
    ResponseError,
    answer_ids,
    answer_labels,
    choice_blocks,
    choice_entries,
    clamp,
    feedback_of,
    parsed_choices,
)
from .registry import get, register


def require_full_marks(question) -> None:
    """At least one answer gives full marks, or the question cannot be answered right."""
    fractions = [Decimal(block.value["fraction"]) for block in question.answers if "fraction" in block.value]
    if not any(fraction >= 1 for fraction in fractions):
        raise ValidationError({"answers": _("Give at least one answer full marks.")})


class ChoiceType(QuestionType):
    """What single choice, multiple response and true/false share: choice answers, served in an
    order of their own, picked by id."""

    answer_block = "choice"
    min_answers = 2
    shuffled = True

    def snapshot(self, question, *, shuffle, rng):
        answers = choice_entries(question)
        if shuffle and self.shuffled:
            rng.shuffle(answers)
        return {"answers": answers}

    def public(self, entry):
        return {"answers": [{"id": answer["id"], "text": answer["text"]} for answer in entry["answers"]]}

    def analysis_labels(self, entry):
        return answer_labels(entry)

    def to_blocks(self, parsed, quantize):
        return choice_blocks(parsed, quantize)

    def from_blocks(self, parsed, blocks):
        parsed.choices = parsed_choices(blocks)


def moodle_choices(element, question: ParsedQuestion, text_format: str) -> None:
    """Moodle's multichoice answers, blank ones left out as Moodle does."""
    question.shuffle = xml.bool_of(element.findtext("shuffleanswers"), default=False)
    for answer in element.findall("answer"):
        raw = xml.text_of(answer)
        if not raw:
            continue
        question.choices.append(
            ParsedChoice(
                text=to_html(raw, xml.format_of(answer, text_format)),
                fraction=xml.fraction_of(answer, negative=True),
                feedback=xml.feedback_of(answer, text_format),
            )
        )
    if len(question.choices) < 2:
        raise xml.Skip(_("A multiple choice question needs at least two answers; the question was not imported."))


def moodle_choice_lines(question: ParsedQuestion, *, single: bool) -> list[str]:
    lines = [f"    <single>{xml.true(single)}</single>"]
    lines.append(f"    <shuffleanswers>{xml.true(question.shuffle)}</shuffleanswers>")
    lines.append("    <answernumbering>abc</answernumbering>")
    for choice in question.choices:
        lines += xml.answer_xml(choice.text, choice.fraction, choice.feedback, "html")
    return lines


def gift_choice_lines(question: ParsedQuestion, head: str, general: str, *, single: bool) -> list[str]:
    lines = [head + "{"]
    for choice in question.choices:
        if single and choice.fraction == 1:
            mark = "="
        elif choice.fraction == 0:
            mark = "~"
        else:
            mark = f"~%{gift.percent(choice.fraction)}%"
        feedback = f"#{gift.rich(choice.feedback)}" if choice.feedback else ""
        lines.append(f"\t{mark}{gift.rich(choice.text, answer=True)}{feedback}")
    if general:
        lines.append(f"\t{general}")
    lines.append("}")
    return lines


@register
class SingleChoice(ChoiceType):
    constant = SINGLE_CHOICE
    label = gettext_lazy("Single choice")
    moodle_names = ("multichoice",)  # with <single>true</single>; multiple response reads the rest

    def clean_question(self, question):
        require_full_marks(question)

    def response_from_form(self, entry, post):
        name = f"q-{entry['id']}"
        return {"choice": post[name]} if post.get(name) else None

    def clean_response(self, entry, response):
        choice = response.get("choice")
        if not isinstance(choice, str) or choice not in answer_ids(entry):
            raise ResponseError(_("Choose one of the answers offered."))
        return {"choice": choice}

    def mark_response(self, entry, response):
        chosen = next(answer for answer in entry["answers"] if answer["id"] == response["choice"])
        return Marking(clamp(Decimal(chosen["fraction"])), feedback_of(chosen))

    def right_answer(self, entry):
        return max(entry["answers"], key=lambda answer: Decimal(answer["fraction"]))["id"]

    def right_answer_text(self, entry):
        right = self.right_answer(entry)
        return next((plain_text(a["text"]) for a in entry["answers"] if a["id"] == right), "")

    def analysis_picks(self, response):
        return [response["choice"]] if response.get("choice") else []

    def moodle_read(self, element, question, text_format):
        if not xml.bool_of(element.findtext("single"), default=True):
            question.qtype = MULTIPLE_RESPONSE
            get(MULTIPLE_RESPONSE).moodle_read(element, question, text_format)
            return
        moodle_choices(element, question, text_format)
        if max(choice.fraction for choice in question.choices) != 1:
            raise xml.Skip(
                _(
                    "No answer of this single-choice question gives full marks, so they cannot be reached; "
                    "the question was not imported."
                )
            )

    def moodle_write(self, question):
        return moodle_choice_lines(question, single=True)

    def gift_write(self, question, head, general):
        return gift_choice_lines(question, head, general, single=True)
