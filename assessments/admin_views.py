"""The question bank pages of the Wagtail admin: importing questions, and a quiz's item analysis."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .analysis import analysis_csv, item_analysis
from .forms import QuestionImportForm
from .importing import questions_import
from .models import QuizPage


def import_questions(request):
    if not request.user.has_perm("assessments.add_question"):
        raise PermissionDenied
    report = None
    form = QuestionImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = questions_import(
            data=data["file"].read(),
            file_format=data["file_format"],
            language=data["language"],
            category=data["category"],
            dry_run=data["dry_run"],
            skip_errors=data["skip_errors"],
        )
    return render(
        request,
        "assessments/admin/import_questions.html",
        {"form": form, "report": report, "page_title": _("Import questions")},
    )


def quiz_analysis(request, page_id: int):
    """Facility, discrimination and answer counts for each question of a quiz, in both languages together."""
    if not request.user.has_perm("assessments.view_question"):
        raise PermissionDenied
    quiz = get_object_or_404(QuizPage, pk=page_id)
    statistics = item_analysis(quiz.translation_key)
    if request.GET.get("format") == "csv":
        response = HttpResponse(analysis_csv(statistics), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="quiz-{quiz.pk}-analysis.csv"'
        return response
    return render(
        request,
        "assessments/admin/quiz_analysis.html",
        {"quiz": quiz, "statistics": statistics, "page_title": _("Item analysis")},
    )
