"""The quiz pages, server-rendered so they work without JavaScript: the learner's (``quiz.js`` adds
autosave through the API and keeps answers typed offline until the connection returns), and the
marking queue of written answers."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.formatting import short_datetime
from courses.permissions import page_visible, visible_page_or_404
from courses.selectors import untranslated

from .forms import MarkForm
from .models import Attempt, AttemptAnswer, QuizPage
from .permissions import attempts_markable_by, attempts_visible_to, can_mark
from .question_types import registry
from .selectors import attempt_view, quiz_of
from .services import (
    AssessmentError,
    answer_check,
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
)
from .snapshot import public_entry


@login_required
@require_POST
def start(request, page_id: int):
    quiz = visible_page_or_404(request, QuizPage, page_id)
    try:
        attempt = attempt_start(learner=request.user, quiz=quiz)
    except AssessmentError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(quiz.get_url(request))
    return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]))


def response_from_form(entry: dict, post) -> dict | None:
    """The answer to one question as the form sent it, or None when it was left blank."""
    return registry.get(entry["qtype"]).response_from_form(entry, post)


def _page_entries(attempt: Attempt, quiz: QuizPage, page: int) -> list[dict]:
    size = max(1, quiz.questions_per_page)
    return attempt.snapshot[(page - 1) * size : page * size]


@login_required
def attempt_page(request, attempt_id: int):
    attempt = get_object_or_404(attempts_visible_to(request.user), pk=attempt_id)
    quiz = quiz_of(attempt)
    if not page_visible(request, quiz):  # its questions are the quiz page's content
        raise Http404
    size = max(1, quiz.questions_per_page)
    pages = max(1, -(-len(attempt.snapshot) // size))
    try:
        page = min(max(1, int(request.GET.get("page", 1))), pages)
    except ValueError:
        page = 1
    own = attempt.learner_id == request.user.pk
    if request.method == "POST" and own and attempt.is_open:
        problems = 0
        for entry in _page_entries(attempt, quiz, page):
            response = response_from_form(entry, request.POST)
            if response is None:
                continue
            try:
                answer_save(attempt=attempt, question_id=entry["id"], response=response)
            except AssessmentError as error:
                if error.code in ("time_up", "submitted", "locked"):
                    messages.warning(request, error.message)
                    return HttpResponseRedirect(request.path)
                problems += 1
                messages.error(request, f"{entry['slot']}: {error.message}")
        action = request.POST.get("action", "save")
        if problems:
            return HttpResponseRedirect(f"{request.path}?page={page}")
        if request.POST.get("check"):
            return _check(request, attempt, request.POST["check"], page)
        if action == "submit":
            return _submit(request, attempt)
        target = page + 1 if action == "next" else page - 1 if action == "previous" else page
        messages.success(request, _("Your answers are saved."))
        return HttpResponseRedirect(f"{request.path}?page={min(max(1, target), pages)}")
    view = attempt_view(attempt, quiz)
    entries = _page_entries(attempt, quiz, page)
    questions = {q["id"]: q for q in view["questions"]}
    checkable = own and attempt.is_open and quiz.feedback_policy == QuizPage.FeedbackPolicy.IMMEDIATE
    context = {
        "page": quiz,
        "attempt": attempt,
        "view": view,
        "own": own,
        "page_number": page,
        "page_count": pages,
        "questions": [
            {
                "public": questions[entry["id"]],
                "saved": view["answers"].get(entry["id"]),
                "checked": view["checked"].get(entry["id"]),
                "can_check": checkable
                and entry["id"] not in view["checked"]
                and registry.get(entry["qtype"]).checkable,
            }
            for entry in entries
        ],
        "review": {item["id"]: item for item in view["review"] or []},
        "all_questions": [
            {"public": questions[entry["id"]], "saved": view["answers"].get(entry["id"])} for entry in attempt.snapshot
        ],
        **untranslated(quiz),
    }
    if own and attempt.is_open and not view["checked"]:
        # What "Modules kept for offline" lists of this attempt once its pages are kept on the
        # device: no answer, mark or feedback, only which questions have an answer saved, and its
        # moments as the site writes them, so the device never formats them in its own locale.
        context["offline_record"] = {
            "id": attempt.pk,
            "url": reverse("attempt", args=[attempt.pk]),
            "quiz": quiz.title,
            "started": short_datetime(attempt.started_at),
            "deadline": short_datetime(attempt.deadline),
            "questions": len(attempt.snapshot),
            "answered": list(view["answers"]),
        }
    return render(request, "assessments/attempt.html", context)


def _check(request, attempt: Attempt, question_id: str, page: int):
    """The learner checks one answer (immediate feedback): it becomes final and its feedback shows."""
    slot = next((entry["slot"] for entry in attempt.snapshot if entry["id"] == question_id), None)
    try:
        answer_check(attempt=attempt, question_id=question_id)
    except AssessmentError as error:
        messages.error(request, error.message)
        if error.code in ("time_up", "submitted"):
            return HttpResponseRedirect(request.path)
    return HttpResponseRedirect(f"{request.path}?page={page}" + (f"#question-{slot}" if slot else ""))


def _submit(request, attempt: Attempt):
    try:
        attempt_submit(attempt=attempt)
    except AssessmentError as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]))


@login_required
@require_POST
def submit(request, attempt_id: int):
    attempt = get_object_or_404(attempts_visible_to(request.user).filter(learner=request.user), pk=attempt_id)
    if not page_visible(request, quiz_of(attempt)):
        raise Http404
    return _submit(request, attempt)


@login_required
def marking_queue(request):
    """Written answers waiting for a mark, oldest first."""
    if not can_mark(request.user):
        raise Http404
    waiting = (
        AttemptAnswer.objects.filter(attempt__in=attempts_markable_by(request.user), mark__isnull=True)
        .filter(attempt__state=Attempt.State.SUBMITTED)
        .select_related("attempt", "attempt__learner")
        .order_by("attempt__submitted_at")
    )
    return render(request, "assessments/marking_queue.html", {"waiting": waiting[:200]})


@login_required
def mark_answer(request, answer_id: int):
    answer = get_object_or_404(
        AttemptAnswer.objects.select_related("attempt", "attempt__learner"),
        pk=answer_id,
        attempt__in=attempts_markable_by(request.user),
        attempt__state=Attempt.State.SUBMITTED,
    )
    entry = next(entry for entry in answer.attempt.snapshot if entry["slot"] == answer.slot)
    maximum = Decimal(entry["mark"])
    form = MarkForm(request.POST or None, maximum=maximum, initial={"mark": answer.mark, "comment": answer.comment})
    if request.method == "POST" and form.is_valid():
        try:
            answer_mark(
                answer=answer,
                mark_value=form.cleaned_data["mark"],
                by=request.user,
                comment=form.cleaned_data["comment"],
                reason=form.cleaned_data["reason"],
            )
        except AssessmentError as error:
            form.add_error("reason" if error.code == "reason_required" else "mark", error.message)
        else:
            messages.success(request, _("The mark is saved and the attempt's grade recomputed."))
            return HttpResponseRedirect(reverse("marking_queue"))
    return render(
        request,
        "assessments/mark_answer.html",
        {"answer": answer, "entry": public_entry(entry), "form": form, "maximum": maximum},
    )
