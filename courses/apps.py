from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages; enrolment and progress (issue: courses)."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from . import page_cache

        page_cache.connect()
