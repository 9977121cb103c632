from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages; enrolment and progress (issue: courses)."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.signals import copy_for_translation_done

        from . import page_cache, placement

        page_cache.connect()
        copy_for_translation_done.connect(placement.translation_placed, dispatch_uid="courses.placement.translation")
