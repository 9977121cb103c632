"""The page tree of a course: catalogue → course → module → lesson.

Each page type says where it may stand, so an editor can only build a course the way a course
is built. Pages exist once per language (Wagtail's locales, translated with wagtail-localize);
what a learner does is recorded against ``translation_key``, which every language shares.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..blocks import LessonBodyBlock
from ..page_cache import cached, cached_upper
from ..slugs import LatinSlugMixin


class CachedPrivacyMixin:
    """Which pages above this one carry a view restriction, kept with the tree's cached facts.

    Wagtail checks a page's privacy on every request, with two queries (the ancestors, then their
    restrictions), although nearly every page has none. Where the restricted pages are is a fact of
    the tree: ``page_cache`` forgets it when a page moves or a restriction is added or removed, so
    an unrestricted page asks nothing and a restricted one asks only for its restrictions. Most
    sites have no restriction at all: then one query, shared by every page, says so after each
    change to the tree, instead of two for each page."""

    def get_view_restrictions(self):
        if self.pk is None:  # a page being created has no place in the tree yet
            return super().get_view_restrictions()
        if not cached_upper("any-restriction", "", PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        restricted = cached("restricted-pages", self.pk, lambda: _restricted_page_ids(self))
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)


def _restricted_page_ids(page: Page) -> list[int]:
    # Wagtail's own rule (the page, its ancestors, an alias's source), asked once per tree version.
    return sorted(set(Page.get_view_restrictions(page).values_list("page_id", flat=True)))


class CourseIndexPage(LatinSlugMixin, CachedPrivacyMixin, Page):
    """The catalogue: every course, filtered by audience, topic and language, searchable in both."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    @classmethod
    def clean_parent_page_models(cls):
        """Under a site's home page (whichever app defines it), never inside the course tree. Said
        this way round so that courses names no app above it, and a module, listing no
        ``subpage_types``, holds only the pages that name it as their parent."""
        return [
            model
            for model in super().clean_parent_page_models()
            if not issubclass(model, (CourseIndexPage, CoursePage, ModulePage, LessonPage))
        ]

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_for(index_page=self, request=request))
        return context


class CoursePage(LatinSlugMixin, CachedPrivacyMixin, Page):
    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for the catalogue."))
    objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=300, label=_("Objective")))],
        blank=True,
        verbose_name=_("learning objectives"),
    )
    content_note = models.TextField(
        _("content note"),
        blank=True,
        help_text=_("If the course contains distressing material, say so here; learners see it before they enrol."),
    )
    support_contact = models.ForeignKey(
        "courses.SupportContact",
        verbose_name=_("support person for this course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the site's support person. Shown with the helpline beside every content note."),
    )
    audiences = ParentalManyToManyField("courses.Audience", blank=True, verbose_name=_("audiences"))
    topics = ParentalManyToManyField("courses.Topic", blank=True, verbose_name=_("topics"))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.INTRODUCTORY)
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=5, decimal_places=1, default=1)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"), default=True, help_text=_("Otherwise learners join through a cohort.")
    )
    sequential = models.BooleanField(
        _("modules in order"), default=False, help_text=_("A module opens when the one before it is complete.")
    )
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by", verbose_name=_("prerequisite courses")
    )
    tot_for = models.ForeignKey(
        "self",
        verbose_name=_("training of trainers for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tot_courses",
        help_text=_("Set this if the course prepares trainers to teach another course."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("content_note"),
        FieldPanel("support_contact"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("level"),
                FieldPanel("estimated_hours"),
            ],
            heading=_("For the catalogue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("self_enrolment"),
                FieldPanel("sequential"),
                FieldPanel("prerequisites"),
                FieldPanel("tot_for"),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("content_note")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, request=request))
        return context


class ModulePage(LatinSlugMixin, CachedPrivacyMixin, Page):
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    # No ``subpage_types``: a module holds the pages that name it as their parent, lessons and the
    # items of apps above (quizzes, practical assessments), so courses names none of them.

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module is read on its course page, where its lessons and their state are listed.
        return redirect(self.get_parent().get_url(request) + f"#module-{self.translation_key}")


class LearningItemMixin(LatinSlugMixin, CachedPrivacyMixin):
    """A page a learner reaches through a module (a lesson, a quiz): open to learners enrolled in
    the course, once its module is unlocked; anyone else is sent where they can take the next step."""

    def serve(self, request, *args, **kwargs):
        from ..selectors import lesson_access

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        access = lesson_access(learner=request.user, lesson=self)
        if not access.allowed:
            if access.login_required:
                return redirect_to_login(request.get_full_path())
            messages.info(request, access.reason)
            return redirect(access.redirect_to)
        self.item_opened(request, access)
        return super().serve(request, *args, **kwargs)

    def item_opened(self, request, access) -> None:
        """What to remember when a learner opens the item."""


class LessonPage(LearningItemMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    required = models.BooleanField(
        pgettext_lazy("a lesson that must be studied", "required"),
        default=True,
        help_text=_("The module is complete when all its required lessons are."),
    )
    distressing = models.BooleanField(
        _("distressing material"),
        default=False,
        help_text=_("A hard lesson: learners see whom they can call at its end."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("required"),
        FieldPanel("distressing"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def item_opened(self, request, access) -> None:
        from ..services import lesson_opened

        # A copy fetched to be kept for offline is not the learner opening the lesson: keeping a
        # module must not move "continue where you left off" to its last lesson.
        if request.headers.get("X-Cascade-Offline-Copy") != "1":
            lesson_opened(learner=request.user, lesson=self, enrolment=access.enrolment)
        request.cascade_lesson_access = access

    def get_context(self, request, *args, **kwargs):
        from ..selectors import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_page_context(lesson=self, request=request))
        return context
