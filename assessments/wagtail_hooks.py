"""The question bank in the Wagtail admin: categories and questions as snippets. Questions are
translatable, so wagtail-localize offers "Translate" on each."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
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


# --- No graded personal disclosure (``disclosure``): warnings, never a refusal -----------------


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_personal_essays_in_a_quiz(request, page):
    if not isinstance(page, QuizPage):
        return
    from .disclosure import personal_essays

    for question in personal_essays(page):
        messages.warning(
            request,
            gettext(
                "The essay “%(question)s” asks learners about themselves, in a quiz that counts. "
                "Nobody should have to disclose something personal to pass: ask it as a reflection in a lesson, "
                "which only the learner can read, or make the quiz not required."
            )
            % {"question": question.name},
        )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_a_personal_essay(request, instance):
    if not isinstance(instance, Question) or instance.qtype != Question.Type.ESSAY:
        return
    from .disclosure import asks_about_the_learner

    if asks_about_the_learner(instance.text):
        messages.warning(
            request,
            gettext(
                "This essay asks learners about themselves. Do not use it in a quiz that counts: "
                "ask it as a reflection in a lesson, which only the learner can read."
            ),
        )
