"""A quiz: a Wagtail page placed in a module beside its lessons, translated like them.

What a learner does in it is recorded against the quiz's ``translation_key`` (architecture §4.1),
so its id in the API may be the page id of either language."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.models import LearningItemMixin


def pass_mark_field() -> models.DecimalField:
    """A pass mark in percent, 70 unless the editor says otherwise (quizzes, practical assessments)."""
    return models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(70),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )


class FixedQuestionBlock(blocks.StructBlock):
    question = SnippetChooserBlock("assessments.Question", label=_("Question"))
    mark = blocks.DecimalBlock(
        label=_("Mark"), required=False, min_value=0, decimal_places=2, help_text=_("Empty: the question's own mark.")
    )

    class Meta:
        icon = "help"
        label = _("Question")


class RandomQuestionsBlock(blocks.StructBlock):
    category = SnippetChooserBlock("assessments.QuestionCategory", label=_("Category"))
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, default=5)
    include_subcategories = blocks.BooleanBlock(label=_("Include subcategories"), required=False, default=True)
    mark = blocks.DecimalBlock(
        label=_("Mark of each"),
        required=False,
        min_value=0,
        decimal_places=2,
        help_text=_("Empty: each question's own mark."),
    )

    class Meta:
        icon = "resubmit"
        label = _("Random questions from a category")


class QuizQuestionsBlock(blocks.StreamBlock):
    question = FixedQuestionBlock()
    random = RandomQuestionsBlock()


class QuizPage(LearningItemMixin, Page):
    class GradingMethod(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")
        FIRST = "first", _("First attempt")
        AVERAGE = "average", _("Average of attempts")

    class Role(models.TextChoices):
        QUIZ = "quiz", _("Quiz")
        PRE_TEST = "pre_test", _("Pre-test of the course")
        POST_TEST = "post_test", _("Post-test of the course")

    class FeedbackPolicy(models.TextChoices):
        # Immediate: the learner checks one answer at a time; checking makes that answer final, and
        # only then its mark and feedback are shown (architecture §4.3 holds per question).
        IMMEDIATE = "immediate", _("Immediately, when the learner checks an answer (it is then final)")
        AFTER_SUBMISSION = "after_submission", _("After the attempt is submitted")
        AFTER_CLOSE = "after_close", _("After the quiz closes")

    class ReviewPolicy(models.TextChoices):
        FULL = "full", _("Answers, marks, feedback and right answers")
        MARKS = "marks", _("Marks and feedback, without the right answers")
        SCORE = "score", _("The score only")

    introduction = models.TextField(_("introduction"), blank=True)
    content_note = models.TextField(
        _("content note"),
        blank=True,
        help_text=_(
            "If a question describes distressing material (a case scenario of abuse, for example), say so here; "
            "learners see it, with whom they can call, before they start."
        ),
    )
    role = models.CharField(_("role in the course"), max_length=16, choices=Role.choices, default=Role.QUIZ)
    questions = StreamField(QuizQuestionsBlock(), blank=True, verbose_name=_("questions"))
    pass_mark = pass_mark_field()
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=0, help_text=_("0: no limit."))
    grading_method = models.CharField(
        _("grade from"), max_length=16, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty: no time limit.")
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("shuffle the questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle the answers"), default=True)
    questions_per_page = models.PositiveSmallIntegerField(_("questions per page"), default=5)
    feedback_policy = models.CharField(
        _("feedback"), max_length=20, choices=FeedbackPolicy.choices, default=FeedbackPolicy.AFTER_SUBMISSION
    )
    review_policy = models.CharField(
        _("review"), max_length=16, choices=ReviewPolicy.choices, default=ReviewPolicy.FULL
    )
    required = models.BooleanField(
        pgettext_lazy("a quiz or assessment that must be passed", "required"),
        default=True,
        help_text=_("The module is complete only when this quiz is passed."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("content_note"),
        FieldPanel("role"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("grading_method"),
                FieldPanel("required"),
            ],
            heading=_("Marking"),
        ),
        MultiFieldPanel(
            [FieldPanel("time_limit_minutes"), FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Timing")
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("questions_per_page"),
                FieldPanel("feedback_policy"),
                FieldPanel("review_policy"),
                FieldPanel("estimated_minutes"),
            ],
            heading=_("Presentation"),
        ),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    @property
    def opens_module(self) -> bool:
        """A pre-test comes before the lessons of its module; a new lesson is placed after it
        (``courses.placement``)."""
        return self.role == self.Role.PRE_TEST

    def get_context(self, request, *args, **kwargs):
        from ..selectors import quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(quiz=self, learner=request.user))
        return context
