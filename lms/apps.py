from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _sync_trees_unless_raw(instance, raw=False, **kwargs):
    # Loading a fixture or restoring a test database saves rows "raw", before the locales they
    # point to may exist; wagtail-localize's own receiver would try to copy page trees then.
    if not raw:
        instance.sync_trees()


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Cascade")

    def ready(self):
        from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

        from . import checks  # noqa: F401  (registers the start-up checks)

        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        post_save.connect(_sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="lms.sync_trees")
