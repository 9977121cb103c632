from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _register_mongolian_collation(sender, connection, **kwargs):
    """SQLite has no ICU: give each new connection a collation of the PostgreSQL name, so the same
    ``Collate(…, MONGOLIAN_COLLATION)`` sorts by the Mongolian alphabet on both databases."""
    if connection.vendor == "sqlite":
        from .formatting import MONGOLIAN_COLLATION, mongolian_collate

        connection.connection.create_collation(MONGOLIAN_COLLATION, mongolian_collate)


class CoreConfig(AppConfig):
    """The shared toolbox. It is an app for the files prepared in the background for download
    (one model, its task, its two pages) and for the Mongolian collation every connection needs;
    it still imports no other app."""

    name = "core"
    verbose_name = _("Shared tools")

    def ready(self):
        connection_created.connect(_register_mongolian_collation, dispatch_uid="core.mongolian_collation")
