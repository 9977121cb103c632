from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Programme indicators and their exports, at the top of the app layers: it reads
    every app below it and nothing reads it (architecture §2)."""

    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from . import signals  # noqa: F401 - the receivers that keep the summaries up to date
