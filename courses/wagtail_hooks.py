"""Support contacts in the Wagtail admin: translatable snippets, so wagtail-localize offers
"Translate" on each. The site's choice of helpline and support person is a site setting
(``SupportSettings``), registered with its model."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SupportContact


class SupportContactViewSet(SnippetViewSet):
    model = SupportContact
    icon = "help"
    list_display = ["name", "phone", "locale"]
    list_filter = ["locale"]


register_snippet(SupportContactViewSet)
