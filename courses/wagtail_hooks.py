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
    # Searched in the database, as the question bank is (``assessments.wagtail_hooks``): a contact is
    # not in the search index, and a substring finds a Mongolian word in any of its forms.
    search_fields = ["name", "phone", "text"]
    search_backend_name = None


register_snippet(SupportContactViewSet)
