from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts import roles


class AssessmentsConfig(AppConfig):
    """Question banks, quizzes, attempts and practical assessments."""

    name = "assessments"
    verbose_name = _("Assessments")
    # Editors keep the question bank (snippets in the admin, and its import page); see accounts.role_groups.
    role_permissions = {
        roles.EDITOR: [
            f"{action}_{model}" for model in ("question", "questioncategory") for action in ("view", "add", "change")
        ]
    }

    def ready(self):
        from courses.outline import register_item_model

        from .models import PracticalAssessmentPage, QuizPage

        register_item_model(QuizPage)
        register_item_model(PracticalAssessmentPage)
