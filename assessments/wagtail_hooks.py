"""The question bank in the Wagtail admin: categories and questions as snippets. Questions are
translatable, so wagtail-localize offers "Translate" on each."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Question, QuestionCategory, QuizPage


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["name", "qtype", "category", "locale"]
    list_filter = ["qtype", "category", "locale"]
    # Searched in the database, not through the search index: the index's SQLite backend cannot
    # restrict a query to named fields (it failed with "no such column: name"), and a substring
    # finds Mongolian words by their stem ("тайлбар" finds "тайлбарлана"), which whole-word
    # full-text search does not.
    search_fields = ["name", "text", "idnumber"]
    search_backend_name = None


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    list_display = ["name_mn", "name_en", "parent"]


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_name = "question-bank"

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            ImportMenuItem(_("Import questions"), reverse("assessments_import"), icon_name="download"),
        ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.add_question")


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from .admin_views import import_questions, quiz_analysis

    return [
        path("question-bank/import/", import_questions, name="assessments_import"),
        path("quizzes/<int:page_id>/analysis/", quiz_analysis, name="assessments_quiz_analysis"),
    ]


@hooks.register("register_page_header_buttons")
def quiz_analysis_button(page, user, view_name, next_url=None):
    if page.specific_class is QuizPage and user.has_perm("assessments.view_question"):
        yield Button(
            _("Item analysis"), reverse("assessments_quiz_analysis", args=[page.pk]), icon_name="table", priority=60
        )
