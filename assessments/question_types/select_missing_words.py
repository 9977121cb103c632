"""Select missing words (Moodle's "gapselect"): the text has gaps, and the learner fills each from a list.

The editor writes the gaps into the question text as ``[[1]]``, ``[[2]]``…; the number is the answer
(in the order of the answers) that fills that gap, as in Moodle. Every answer is offered in every gap,
so a word that fills no gap is a distractor. Each gap earns the same share of the mark, as Moodle's
partial credit gives it; the answers' own marks are not used, their feedback is shown when they are
chosen (Moodle XML has no place for it). The learner sees the gaps numbered in the order they come,
never by the answer's number, and the answers in an order of their own.

Moodle sorts a question's answers into groups, a gap offering only its group's; Cascade's answers
have no group, so a Moodle question whose answers are in more than one group is not imported. GIFT
has no such type: GIFT exports leave these questions out.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import moodle_xml as xml
from ..formats.base import PLAIN, ParsedChoice, plain_text, to_html
from .base import (
    Marking,
    QuestionType,
    ResponseError,
    choice_blocks,
    feedback_of,
    share,
    source,
)
from .registry import register

SELECT_MISSING_WORDS = "select_missing_words"
GAP = re.compile(r"\[\[(\d+)\]\]")


def _gap_numbers(text: str) -> list[int]:
    return [int(number) for number in GAP.findall(text)]


@register
class SelectMissingWords(QuestionType):
    constant = SELECT_MISSING_WORDS
    label = gettext_lazy("Select missing words: [[1]] in the text is a gap that answer 1 fills")
    answer_block = "choice"
    min_answers = 2
    moodle_names = ("gapselect",)
    in_gift = False

    def clean_question(self, question):
        numbers = _gap_numbers(source(question.text))
        if not numbers:
            raise ValidationError(
                {"text": _("Mark each gap in the text as [[1]], [[2]]…: the number is the answer that fills it.")}
            )
        count = len(question.answers)
        if any(not 1 <= number <= count for number in numbers):
            raise ValidationError(
                {
                    "text": _("A gap names an answer that does not exist: number the gaps from 1 to %(count)s.")
                    % {"count": count}
                }
            )
        if any(block.value["fraction"] for block in question.answers):
            raise ValidationError({"answers": _("Each gap counts the same here: leave every answer's mark at 0.")})

    def snapshot(self, question, *, shuffle, rng):
        blocks = [block for block in question.answers if block.block_type == "choice"]
        options = [
            {
                "id": block.id,
                "text": plain_text(block.value["text"].source),
                "feedback": block.value["feedback"].source if block.value["feedback"] else "",
            }
            for block in blocks
        ]
        gaps = [
            {"gap": str(place), "answer": blocks[number - 1].id}
            for place, number in enumerate(_gap_numbers(question.text), start=1)
            if number <= len(blocks)
        ]
        # Always in an order of their own: their stored order often follows the gaps'.
        rng.shuffle(options)
        return {"gaps": gaps, "options": options}

    def public(self, entry):
        places = iter(range(1, len(entry["gaps"]) + 1))
        # The answer's number would tell which answer fills the gap: the learner sees the gap's place.
        text = GAP.sub(lambda match: f"<strong>({next(places, '')})</strong> …", entry["text"])
        return {
            "text": text,
            "gaps": [{"gap": gap["gap"]} for gap in entry["gaps"]],
            "options": [{"id": option["id"], "text": option["text"]} for option in entry["options"]],
        }

    def response_from_form(self, entry, post):
        name = f"q-{entry['id']}"
        chosen = {gap["gap"]: post.get(f"{name}-{gap['gap']}") for gap in entry["gaps"]}
        gaps = {place: option for place, option in chosen.items() if option}
        return {"gaps": gaps} if gaps else None

    def clean_response(self, entry, response):
        gaps = response.get("gaps")
        places = {gap["gap"] for gap in entry["gaps"]}
        offered = {option["id"] for option in entry["options"]}
        if not isinstance(gaps, dict) or not set(gaps) <= places:
            raise ResponseError(_("Fill only the gaps in the text."))
        if not all(isinstance(value, str) and value in offered for value in gaps.values()):
            raise ResponseError(_("Fill each gap with one of the words offered."))
        return {"gaps": dict(gaps)}

    def mark_response(self, entry, response):
        options = {option["id"]: option for option in entry["options"]}
        given = response["gaps"]
        right = sum(1 for gap in entry["gaps"] if given.get(gap["gap"]) == gap["answer"])
        chosen = [options[given[gap["gap"]]] for gap in entry["gaps"] if gap["gap"] in given]
        return Marking(share(right, len(entry["gaps"])), [text for option in chosen for text in feedback_of(option)])

    def right_answer(self, entry):
        return {gap["gap"]: gap["answer"] for gap in entry["gaps"]}

    def right_answer_text(self, entry):
        texts = {option["id"]: option["text"] for option in entry["options"]}
        return "; ".join(f"({gap}) {texts.get(answer, '')}" for gap, answer in self.right_answer(entry).items())

    def analysis_labels(self, entry):
        return [
            (f"{gap['gap']}:{option['id']}", f"({gap['gap']}) {option['text']}")
            for gap in entry["gaps"]
            for option in entry["options"]
        ]

    def analysis_picks(self, response):
        return [f"{gap}:{option}" for gap, option in response["gaps"].items()]

    def to_blocks(self, parsed, quantize):
        return choice_blocks(parsed, quantize)

    def from_blocks(self, parsed, blocks):
        # A list's entries are plain text, and that is all a file carries of them (no feedback).
        parsed.choices = [
            ParsedChoice(to_html(plain_text(source(b.value["text"])), PLAIN), Decimal(b.value["fraction"]))
            for b in blocks
        ]

    def moodle_read(self, element, question, text_format):
        question.shuffle = xml.bool_of(element.findtext("shuffleanswers"), default=True)
        groups = set()
        for option in element.findall("selectoption"):
            groups.add((option.findtext("group") or "1").strip())
            question.choices.append(ParsedChoice(text=to_html(xml.text_of(option), PLAIN), fraction=Decimal(0)))
        if len(groups) > 1:
            raise xml.Skip(
                _(
                    "The answers of this select-missing-words question are in %(count)s groups; Cascade offers "
                    "every answer in every gap, so the question was not imported. Put the answers in one group."
                )
                % {"count": len(groups)}
            )
        if len(question.choices) < 2:
            raise xml.Skip(_("A select-missing-words question needs at least two answers; it was not imported."))

    def moodle_write(self, question):
        lines = [f"    <shuffleanswers>{int(question.shuffle)}</shuffleanswers>"]
        for choice in question.choices:
            lines += ["    <selectoption>", f"      <text>{xml.cdata(plain_text(choice.text))}</text>"]
            lines += ["      <group>1</group>", "    </selectoption>"]
        return lines
