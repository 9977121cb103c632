"""Practical (observation) assessments: a rubric a trainer scores in person — the teach-back of a
training-of-trainers course, a mock child interview — and the observations recorded against it.

The page is translated like a lesson; wagtail-localize keeps each criterion's block id in every
language, so a score given on the English page and one given on the Mongolian page name the same
criterion. An observation keeps the rubric as it was scored (a snapshot): editing the rubric later
never changes a past result. Observations are keyed to the assessment's ``translation_key``
(architecture §4.1) and never deleted."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from courses.models import LearningItemMixin

from .quiz import pass_mark_field


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Level"), max_length=80)
    description = blocks.TextBlock(label=_("What the assessor sees at this level"), required=False)
    points = blocks.DecimalBlock(label=_("Points"), min_value=0, decimal_places=2)

    class Meta:
        icon = "pick"
        label = _("Level")


class RubricCriterionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Criterion"), max_length=200)
    description = blocks.TextBlock(label=_("What to look for"), required=False)
    essential = blocks.BooleanBlock(
        label=_("Essential"),
        required=False,
        help_text=_(
            "The assessment is not passed when this criterion is scored at its lowest level, whatever the total."
        ),
    )
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("Levels, lowest first"), min_num=2)

    class Meta:
        icon = "tasks"
        label = _("Criterion")


class RubricBlock(blocks.StreamBlock):
    criterion = RubricCriterionBlock()

    class Meta:
        min_num = 1


class PracticalAssessmentPage(LearningItemMixin, Page):
    introduction = models.TextField(_("introduction for the learner"), blank=True)
    assessor_guidance = models.TextField(
        _("guidance for the assessor"), blank=True, help_text=_("Shown only on the scoring form.")
    )
    rubric = StreamField(RubricBlock(), verbose_name=_("rubric"))
    pass_mark = pass_mark_field()
    required = models.BooleanField(
        pgettext_lazy("a quiz or assessment that must be passed", "required"),
        default=True,
        help_text=_("The module is complete only when this assessment is passed."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=30)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("assessor_guidance"),
        FieldPanel("rubric"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("required"), FieldPanel("estimated_minutes")], heading=_("Marking")
        ),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practical assessment")
        verbose_name_plural = _("practical assessments")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import practical_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(practical_page_context(assessment=self, learner=request.user))
        return context


class Observation(models.Model):
    """One scoring of a learner against a practical assessment's rubric, by a person who watched."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="observations"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessor"), on_delete=models.PROTECT, related_name="+"
    )
    assessment_key = models.UUIDField(_("practical assessment"), db_index=True)
    course_key = models.UUIDField(_("course"), db_index=True)
    number = models.PositiveSmallIntegerField(_("observation"))
    language = models.CharField(_("language"), max_length=8)
    observed_on = models.DateField(_("observed on"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    # The rubric as scored: criteria (id, title, description, essential) and their levels.
    rubric = models.JSONField(_("rubric as scored"))
    levels = models.JSONField(_("level chosen per criterion"))  # criterion id → level index
    criterion_comments = models.JSONField(_("comments per criterion"), default=dict)
    comment = models.TextField(_("overall comment"), blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2)
    max_score = models.DecimalField(_("out of"), max_digits=8, decimal_places=2)
    percent = models.DecimalField(_("percent"), max_digits=6, decimal_places=2)
    pass_mark = models.DecimalField(_("pass mark (%)"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"))
    # The scoring form carries a fresh key: sending it twice (a double tap, a retry after the
    # connection dropped) records one observation.
    submission_key = models.UUIDField(_("submission"), unique=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["learner", "assessment_key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "assessment_key", "number"], name="assessments_observation_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.assessment_key} · {self.number}"
