"""The question bank: categories, and questions that exist once per language.

A question is a Wagtail snippet with ``TranslatableMixin``: the Mongolian and English versions
share a ``translation_key`` and are translated with wagtail-localize. Its answers live in a
StreamField, so the translator sees only their text while the marks, and each answer's block id,
stay the same in both languages: the id is what an attempt records, whatever the language.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..formats import base as formats
from ..question_types import registry

FRACTION_VALIDATORS = [MinValueValidator(Decimal(-1)), MaxValueValidator(Decimal(1))]


class QuestionCategory(models.Model):
    """A folder of the bank, named in both languages. Categories nest, as in Moodle."""

    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_mn = models.CharField(_("name in Mongolian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    panels = [FieldPanel("parent"), FieldPanel("name_mn"), FieldPanel("name_en")]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name_mn"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name_mn"], name="assessments_category_unique_name"),
            models.UniqueConstraint(
                fields=["name_mn"], condition=models.Q(parent=None), name="assessments_root_category_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name_mn

    @property
    def path(self) -> str:
        names, category = [], self
        while category is not None:
            names.append(category.name)
            category = category.parent
        return " / ".join(reversed(names))

    def descendant_ids(self) -> set[int]:
        """This category and every category below it."""
        found, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(QuestionCategory.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            found.update(frontier)
        return found


class ChoiceBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic"], label=_("Answer"))
    fraction = blocks.DecimalBlock(
        label=_("Mark"),
        min_value=-1,
        max_value=1,
        decimal_places=5,
        default=0,
        help_text=_("Share of the question's mark: 1 for a right answer, 0.5 for half, negative to take marks away."),
    )
    feedback = blocks.RichTextBlock(features=["bold", "italic"], required=False, label=_("Feedback"))

    class Meta:
        icon = "list-ul"
        label = _("Answer")


class NumericAnswerBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=6)
    tolerance = blocks.DecimalBlock(label=_("Accepted error"), min_value=0, decimal_places=6, default=0)
    fraction = blocks.DecimalBlock(label=_("Mark"), min_value=0, max_value=1, decimal_places=5, default=1)
    feedback = blocks.RichTextBlock(features=["bold", "italic"], required=False, label=_("Feedback"))

    class Meta:
        icon = "decimal"
        label = _("Numeric answer")


class PairBlock(blocks.StructBlock):
    prompt = blocks.RichTextBlock(
        features=["bold", "italic"],
        required=False,
        label=pgettext_lazy("left side of a matching pair", "Prompt"),
        help_text=_("Leave empty for a distractor."),
    )
    answer = blocks.CharBlock(max_length=500, label=_("Matching answer"))

    class Meta:
        icon = "link"
        label = _("Pair")


class OrderItemBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic"], label=_("Item"))

    class Meta:
        icon = "order"
        label = _("Item, in its correct place")


class AnswersBlock(blocks.StreamBlock):
    choice = ChoiceBlock()
    numeric = NumericAnswerBlock()
    pair = PairBlock()
    item = OrderItemBlock()


class Question(TranslatableMixin, index.Indexed, ClusterableModel):
    # The built-in types, for code that names one; the field's choices come from the registry.
    class Type(models.TextChoices):
        SINGLE_CHOICE = formats.SINGLE_CHOICE, _("Single choice")
        MULTIPLE_RESPONSE = formats.MULTIPLE_RESPONSE, _("Multiple response")
        TRUE_FALSE = formats.TRUE_FALSE, _("True or false")
        SHORT_ANSWER = formats.SHORT_ANSWER, _("Short answer")
        NUMERIC = formats.NUMERIC, _("Numeric")
        MATCHING = formats.MATCHING, _("Matching")
        ORDERING = formats.ORDERING, _("Ordering")
        ESSAY = formats.ESSAY, _("Essay (graded by a person)")
        DESCRIPTION = formats.DESCRIPTION, _("Scenario or instructions (no answer)")

    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    # The registry's types, read when the form is built: a new type needs no migration.
    qtype = models.CharField(_("type"), max_length=24, choices=registry.choices)
    name = models.CharField(_("name"), max_length=255, help_text=_("For editors; learners never see it."))
    text = RichTextField(_("question"), features=["bold", "italic", "ol", "ul", "link"])
    scenario = models.ForeignKey(
        "self",
        verbose_name=_("scenario"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scenario_questions",
        limit_choices_to={"qtype": formats.DESCRIPTION},
        help_text=_("A case shown above this question and the others that share it."),
    )
    answers = StreamField(AnswersBlock(), blank=True, verbose_name=_("answers"))
    general_feedback = RichTextField(_("general feedback"), blank=True, features=["bold", "italic", "link"])
    default_mark = models.DecimalField(
        _("mark"), max_digits=6, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(Decimal(0))]
    )
    shuffle = models.BooleanField(_("shuffle the answers"), default=True)
    case_sensitive = models.BooleanField(_("case matters (short answer)"), default=False)
    tags = ClusterTaggableManager(through="assessments.QuestionTag", blank=True, verbose_name=_("tags"))
    idnumber = models.CharField(_("ID number"), max_length=100, blank=True)
    # A digest of the imported content: importing the same file again finds it and changes nothing.
    source_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("qtype"), FieldPanel("name"), FieldPanel("tags")], heading=_("Bank")
        ),
        FieldPanel("scenario"),
        FieldPanel("text"),
        FieldPanel("answers"),
        FieldPanel("general_feedback"),
        MultiFieldPanel(
            [FieldPanel("default_mark"), FieldPanel("shuffle"), FieldPanel("case_sensitive"), FieldPanel("idnumber")],
            heading=_("Marking"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("text"), index.FilterField("qtype")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        try:
            kind = registry.get(self.qtype)
        except LookupError:
            return  # the field's own choices report an unknown type
        expected, minimum = kind.answer_block, kind.min_answers
        kinds = [block.block_type for block in self.answers]
        if expected is None and kinds:
            raise ValidationError({"answers": _("This type of question takes no answers.")})
        if expected is not None and (len(kinds) < minimum or any(block_type != expected for block_type in kinds)):
            raise ValidationError(
                {
                    "answers": _("This type of question needs at least %(count)s answers of its own kind.")
                    % {"count": minimum}
                }
            )
        kind.clean_question(self)


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(Question, on_delete=models.CASCADE, related_name="tagged_items")
