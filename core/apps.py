from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared toolbox. It is an app only for the files prepared in the background for download
    (one model, its task, its two pages); it still imports no other app."""

    name = "core"
    verbose_name = _("Shared tools")
