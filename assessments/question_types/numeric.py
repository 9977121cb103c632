"""Numeric: a number, right within each answer's tolerance; the best answer reached counts."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import gift
from ..formats import moodle_xml as xml
from ..formats.base import NUMERIC, ParsedNumericAnswer
from .base import ZERO, Marking, QuestionType, best, clamp, feedback_of, parse_number, source
from .registry import register
from .single_choice import require_full_marks


@register
class Numeric(QuestionType):
    constant = NUMERIC
    label = gettext_lazy("Numeric")
    answer_block = "numeric"
    min_answers = 1
    moodle_names = ("numerical",)

    def clean_question(self, question):
        require_full_marks(question)

    def snapshot(self, question, *, shuffle, rng):
        return {
            "numeric": [
                {
                    "value": str(block.value["value"]),
                    "tolerance": str(block.value["tolerance"]),
                    "fraction": str(block.value["fraction"]),
                    "feedback": block.value["feedback"].source if block.value["feedback"] else "",
                }
                for block in question.answers
            ]
        }

    def response_from_form(self, entry, post):
        name = f"q-{entry['id']}"
        return {"value": post[name]} if post.get(name, "").strip() else None

    def clean_response(self, entry, response):
        value = response.get("value")
        parse_number(value)
        return {"value": (repr(value) if isinstance(value, float) else str(value)).strip()}

    def mark_response(self, entry, response):
        value = parse_number(response["value"])
        found = best(
            answer
            for answer in entry["numeric"]
            if abs(value - Decimal(answer["value"])) <= Decimal(answer["tolerance"])
        )
        return Marking(clamp(Decimal(found["fraction"])), feedback_of(found)) if found else Marking(ZERO)

    def right_answer(self, entry):
        return max(entry["numeric"], key=lambda answer: Decimal(answer["fraction"]))["value"]

    def right_answer_text(self, entry):
        return self.right_answer(entry)

    def to_blocks(self, parsed, quantize):
        return [
            {
                "type": "numeric",
                "value": {
                    "value": quantize(a.value, "value"),
                    "tolerance": quantize(a.tolerance, "value"),
                    "fraction": quantize(a.fraction),
                    "feedback": a.feedback,
                },
            }
            for a in parsed.numeric_answers
        ]

    def from_blocks(self, parsed, blocks):
        parsed.numeric_answers = [
            ParsedNumericAnswer(
                Decimal(b.value["value"]),
                Decimal(b.value["tolerance"]),
                Decimal(b.value["fraction"]),
                source(b.value["feedback"]),
            )
            for b in blocks
        ]

    def moodle_read(self, element, question, text_format):
        units = [unit for unit in element.iterfind("units/unit") if (unit.findtext("unit_name") or "").strip()]
        if units:
            raise xml.Skip(_("Numerical questions with units are not supported; the question was not imported."))
        for answer in element.findall("answer"):
            # Very old files have the number straight in <answer>, without <text>.
            raw = xml.text_of(answer) if answer.find("text") is not None else (answer.text or "").strip()
            if not raw:
                continue
            if raw == "*":
                raise xml.Skip(
                    _(
                        "The catch-all answer “*” of numerical questions is not supported; the question was not "
                        "imported. Remove that answer (its feedback can go into the general feedback)."
                    )
                )
            question.numeric_answers.append(
                ParsedNumericAnswer(
                    value=xml.decimal_of(raw, None, _("answer")),
                    tolerance=abs(xml.decimal_of(answer.findtext("tolerance"), Decimal(0), _("tolerance"))),
                    fraction=xml.fraction_of(answer, negative=False),
                    feedback=xml.feedback_of(answer, text_format),
                )
            )
        if not any(answer.fraction == 1 for answer in question.numeric_answers):
            raise xml.Skip(_("No answer gives full marks, so they cannot be reached; the question was not imported."))

    def moodle_write(self, question):
        lines = []
        for answer in question.numeric_answers:
            extra = f"      <tolerance>{xml.number(answer.tolerance)}</tolerance>"
            lines += xml.answer_xml(xml.number(answer.value), answer.fraction, answer.feedback, "plain_text", extra)
        return lines

    def gift_write(self, question, head, general):
        lines = [head + "{#"]
        lines += [
            f"\t=%{gift.percent(a.fraction)}%{gift.number_text(a.value)}:{gift.number_text(a.tolerance)}"
            + (f"#{gift.rich(a.feedback)}" if a.feedback else "")
            for a in question.numeric_answers
        ]
        if general:
            lines.append(f"\t{general}")
        lines.append("}")
        return lines
