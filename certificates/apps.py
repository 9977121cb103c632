from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certification rules, issued certificates and their verification (issue: certificates)."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from core.downloads import register

        from . import exporting, receivers

        receivers.connect()
        register(exporting.DOWNLOAD_KIND)
