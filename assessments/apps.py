from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Question banks, quizzes, attempts and practical assessments (issue: assessments)."""

    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from courses.outline import register_item_model

        from .models import PracticalAssessmentPage, QuizPage

        register_item_model(QuizPage)
        register_item_model(PracticalAssessmentPage)
