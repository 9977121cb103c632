from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    """Cohorts, sessions and attendance, invitations, teaching authorisations and the cascade."""

    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        # A completed course is not received here: certificates' ``course_completion_record`` completes
        # the memberships first, then dates the authorisation a training-of-trainers cohort grants.
        from . import permissions

        permissions.register_scopes()
