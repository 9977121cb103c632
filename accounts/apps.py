from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_role_groups(sender, verbosity=0, **kwargs):
    from django.apps import apps as global_apps

    from .role_groups import sync_role_groups

    sync_role_groups(global_apps, verbosity=verbosity)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit_actions, receivers  # noqa: F401  (receivers: connects the audit receivers)
        from .role_names import connect

        connect()  # keeps each user's copy of their roles in step with their groups

        post_migrate.connect(_sync_role_groups, sender=self, dispatch_uid="accounts.sync_role_groups")
        audit_actions.discover()  # each app's audit.py declares the audit actions it adds
