"""Certification rules and certificate templates in the Wagtail admin, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CertificateTemplate, CertificationRule


class CertificationRuleViewSet(SnippetViewSet):
    model = CertificationRule
    icon = "tick-inverse"
    list_display = ["course", "validity_months", "requires_post_test", "approval_required", "active"]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    list_display = ["name", "layout"]


class CertificatesGroup(SnippetViewSetGroup):
    items = (CertificationRuleViewSet, CertificateTemplateViewSet)
    menu_icon = "tick-inverse"
    menu_label = _("Certificates")
    menu_name = "certificates"


register_snippet(CertificatesGroup)
