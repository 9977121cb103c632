from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts import roles


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages; enrolment and progress."""

    name = "courses"
    verbose_name = _("Courses")
    # Editors choose whom learners can call beside content notes: contacts (snippets) and the site's
    # choice (a setting); see accounts.role_groups.
    role_permissions = {
        roles.EDITOR: [*(f"{action}_supportcontact" for action in ("view", "add", "change")), "change_supportsettings"]
    }

    def ready(self):
        from wagtail.signals import copy_for_translation_done

        from . import page_cache, placement

        page_cache.connect()
        copy_for_translation_done.connect(placement.translation_placed, dispatch_uid="courses.placement.translation")
