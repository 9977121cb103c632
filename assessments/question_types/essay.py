"""Essay: a long written answer that a trainer reads and marks, so it cannot be checked at once."""

from django.utils.translation import gettext_lazy

from ..formats.base import ESSAY
from .base import ZERO, Marking, QuestionType
from .registry import register
from .short_answer import clean_text, text_from_form


@register
class Essay(QuestionType):
    constant = ESSAY
    label = gettext_lazy("Essay (graded by a person)")
    checkable = False
    moodle_names = ("essay",)
    text_limit = 20_000  # characters: a long page

    def response_from_form(self, entry, post):
        return text_from_form(entry, post)

    def clean_response(self, entry, response):
        return clean_text(response, self.text_limit)

    def mark(self, entry, response):
        # None: waiting for a person. Left blank, there is nothing to wait for.
        return Marking(None if response and response.get("text", "").strip() else ZERO)

    def moodle_write(self, question):
        return [
            "    <responseformat>editor</responseformat>",
            "    <responserequired>1</responserequired>",
            "    <responsefieldlines>15</responsefieldlines>",
            "    <attachments>0</attachments>",
            "    <attachmentsrequired>0</attachmentsrequired>",
        ]

    def gift_write(self, question, head, general):
        return [f"{head}{{{general}}}"]
