"""StreamField blocks of the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

AUDIENCE_CHOICES = [
    ("learner", _("Learners")),
    ("trainer", _("Trainers")),
    ("master_trainer", _("Master trainers")),
    ("coordinator", _("Coordinators")),
    ("editor", _("Editors")),
]


class AudienceBlock(blocks.StructBlock):
    """What Cascade offers one kind of user."""

    audience = blocks.ChoiceBlock(choices=AUDIENCE_CHOICES, label=_("Audience"))
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "user"
        template = "blocks/audience_block.html"
        label = _("For an audience")
        description = _("What Cascade offers one kind of user, in a few sentences.")
        preview_value = {
            "audience": "learner",
            "heading": "Learn at your own pace",
            "text": "Take modules in Mongolian or English and keep your progress when you switch.",
        }


class HomeBodyBlock(blocks.StreamBlock):
    audience = AudienceBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
