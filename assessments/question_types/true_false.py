"""True or false: two choices whose text is "true" and "false", shown in the learner's language."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import gift
from ..formats import moodle_xml as xml
from ..formats.base import TRUE_FALSE, ParsedChoice
from .registry import register
from .single_choice import SingleChoice

# The stored texts "true" and "false", as the learner reads them.
TRUE_FALSE_LABELS = {"true": lambda: _("True"), "false": lambda: _("False")}


def _label(text: str) -> str:
    return str(TRUE_FALSE_LABELS[text]()) if text in TRUE_FALSE_LABELS else text


@register
class TrueFalse(SingleChoice):
    constant = TRUE_FALSE
    label = gettext_lazy("True or false")
    moodle_names = ("truefalse",)
    shuffled = False  # true before false, always

    def public(self, entry):
        return {"answers": [{"id": answer["id"], "text": _label(answer["text"])} for answer in entry["answers"]]}

    def right_answer_text(self, entry):
        right = self.right_answer(entry)
        text = next((a["text"] for a in entry["answers"] if a["id"] == right), "")
        return _label(text) if text in TRUE_FALSE_LABELS else ""

    def moodle_read(self, element, question, text_format):
        found: dict[str, tuple[Decimal, str]] = {}
        for position, answer in enumerate(element.findall("answer")):
            value = xml.text_of(answer).lower()
            if value not in ("true", "false"):
                value = "true" if position == 0 else "false"  # Moodle's reading of old files: true, then false
            found[value] = (xml.fraction_of(answer, negative=False), xml.feedback_of(answer, text_format))
        if set(found) != {"true", "false"}:
            raise xml.Skip(
                _("A true/false question needs a “true” and a “false” answer; the question was not imported.")
            )
        if {found["true"][0], found["false"][0]} != {Decimal(0), Decimal(1)}:
            raise xml.Skip(
                _(
                    "Exactly one answer of a true/false question must have the fraction 100 and the other 0; "
                    "the question was not imported."
                )
            )
        question.choices = [ParsedChoice(text=v, fraction=found[v][0], feedback=found[v][1]) for v in found]
        question.choices.sort(key=lambda choice: choice.text != "true")

    def moodle_write(self, question):
        lines = []
        for value in ("true", "false"):
            choice = next((c for c in question.choices if c.text.strip().lower() == value), None)
            fraction, feedback = (choice.fraction, choice.feedback) if choice else (Decimal(0), "")
            lines += xml.answer_xml(value, fraction, feedback, "plain_text")
        return lines

    def gift_write(self, question, head, general):
        by_text = {choice.text.strip().lower(): choice for choice in question.choices}
        true, false = by_text.get("true"), by_text.get("false")
        is_true = true is not None and true.fraction > 0
        right, wrong = (true, false) if is_true else (false, true)
        right_feedback = gift.rich(right.feedback) if right and right.feedback else ""
        wrong_feedback = gift.rich(wrong.feedback) if wrong and wrong.feedback else ""
        written = "TRUE" if is_true else "FALSE"
        if wrong_feedback or right_feedback:
            written += f"#{wrong_feedback}"
        if right_feedback:
            written += f"#{right_feedback}"
        return [f"{head}{{{written}{general}}}"]
