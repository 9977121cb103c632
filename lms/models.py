from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from courses.models import CachedPrivacyMixin
from courses.routing import route_directly

from .blocks import HomeBodyBlock


class HomePage(CachedPrivacyMixin, Page):
    """The front page of each language: what Cascade is, and what it offers each kind of user."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        return route_directly(self, path_components) or super().route(request, path_components)
