from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts import roles


class CertificatesConfig(AppConfig):
    """Certification rules, issued certificates and their verification."""

    name = "certificates"
    verbose_name = _("Certificates")
    # Editors write certification rules and certificate templates (snippets); see accounts.role_groups.
    role_permissions = {
        roles.EDITOR: [
            f"{action}_{model}"
            for model in ("certificationrule", "certificatetemplate")
            for action in ("view", "add", "change")
        ]
    }

    def ready(self):
        from core.downloads import register

        from . import exporting, receivers

        receivers.connect()
        register(exporting.DOWNLOAD_KIND)
