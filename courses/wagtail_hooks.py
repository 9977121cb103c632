"""Support contacts in the Wagtail admin: translatable snippets, so wagtail-localize offers
"Translate" on each. The site's choice of helpline and support person is a site setting
(``SupportSettings``), registered with its model. A new lesson is placed before its module's tests
(``placement``)."""

from django.contrib import messages
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LessonPage, SupportContact
from .placement import lesson_place


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


# After wagtail-localize's own hook, which makes the new page's aliases in synchronised languages.
@hooks.register("after_create_page", order=100)
def place_a_new_lesson_before_the_tests(request, page):
    if not isinstance(page, LessonPage):
        return
    before = lesson_place(lesson=page, user=request.user)
    if before is not None:
        messages.info(
            request,
            gettext(
                "The lesson “%(lesson)s” was placed after the module’s last lesson, before “%(item)s”. "
                "To change the order, drag it in the module’s list of pages."
            )
            % {"lesson": page.title, "item": before.title},
        )
