"""Multiple response: any number of answers picked; their fractions add up (negative ones take marks away)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import moodle_xml as xml
from ..formats.base import MULTIPLE_RESPONSE, plain_text
from .base import ZERO, Marking, ResponseError, answer_ids, clamp, feedback_of
from .registry import register
from .single_choice import ChoiceType, gift_choice_lines, moodle_choice_lines, moodle_choices


@register
class MultipleResponse(ChoiceType):
    constant = MULTIPLE_RESPONSE
    label = gettext_lazy("Multiple response")
    moodle_names = ("multichoice",)  # read through single choice, which looks at <single>

    def clean_question(self, question):
        fractions = [Decimal(block.value["fraction"]) for block in question.answers if "fraction" in block.value]
        if sum(max(f, Decimal(0)) for f in fractions) < Decimal("0.999"):
            raise ValidationError({"answers": _("The right answers' marks must add up to 1.")})

    def response_from_form(self, entry, post):
        values = post.getlist(f"q-{entry['id']}")
        return {"choices": values} if values else None

    def clean_response(self, entry, response):
        choices, offered = response.get("choices"), answer_ids(entry)
        if not isinstance(choices, list) or not all(isinstance(c, str) and c in offered for c in choices):
            raise ResponseError(_("Choose only among the answers offered."))
        return {"choices": sorted(set(choices))}

    def mark_response(self, entry, response):
        answers = {answer["id"]: answer for answer in entry["answers"]}
        chosen = [answers[answer_id] for answer_id in response["choices"]]
        total = sum((Decimal(answer["fraction"]) for answer in chosen), ZERO)
        return Marking(clamp(total), [text for answer in chosen for text in feedback_of(answer)])

    def right_answer(self, entry):
        return [answer["id"] for answer in entry["answers"] if Decimal(answer["fraction"]) > 0]

    def right_answer_text(self, entry):
        texts = {answer["id"]: plain_text(answer["text"]) for answer in entry["answers"]}
        return ", ".join(texts.get(item, item) for item in self.right_answer(entry))

    def analysis_picks(self, response):
        return list(response.get("choices", []))

    def moodle_read(self, element, question, text_format):
        moodle_choices(element, question, text_format)
        positive = sum((choice.fraction for choice in question.choices if choice.fraction > 0), Decimal(0))
        if positive.quantize(Decimal("0.01")) != 1:
            raise xml.Skip(
                _(
                    "The positive fractions of this multiple-response question do not add up to full marks; "
                    "the question was not imported."
                )
            )

    def moodle_write(self, question):
        return moodle_choice_lines(question, single=False)

    def gift_write(self, question, head, general):
        return gift_choice_lines(question, head, general, single=False)
