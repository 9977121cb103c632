from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    """Cohorts, sessions and attendance, invitations, teaching authorisations and the cascade (issue: cohorts)."""

    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from . import permissions, receivers

        receivers.connect()
        permissions.register_scopes()
