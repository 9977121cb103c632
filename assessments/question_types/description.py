"""Description: a scenario or an instruction, shown with the questions; it takes no answer and no mark."""

from decimal import Decimal

from django.utils.translation import gettext_lazy

from ..formats.base import DESCRIPTION
from .base import QuestionType
from .registry import register


@register
class Description(QuestionType):
    constant = DESCRIPTION
    label = gettext_lazy("Scenario or instructions (no answer)")
    answerable = False
    checkable = False
    moodle_names = ("description",)

    def moodle_read(self, element, question, text_format):
        question.default_mark = Decimal(0)  # as Moodle imports it
