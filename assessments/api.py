"""The quiz part of the API (architecture §4.3). A quiz id is the page id of either language; an
attempt is served in the language it was started in. Nothing returned before submission tells
which answer is right, what an answer is worth, or what feedback it would get, except, under a
quiz's immediate feedback, for an answer the learner checked and so can no longer change."""

import json
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ValidationError as PydanticValidationError

from core.api import Id, errors, refusal, refused
from core.formatting import short_datetime
from courses.api import LEARNER_HEADER
from courses.permissions import page_visible, visible_page_or_404

from .models import Attempt, QuizPage
from .permissions import attempts_visible_to, attempts_writable_by
from .selectors import attempt_view, checked_feedback, quiz_of
from .services import (
    AssessmentError,
    answer_check,
    answer_save,
    attempt_start_or_resume,
    attempt_submit_with_answers,
)

router = Router(tags=["quizzes"])


class AttemptOut(Schema):
    id: int
    quiz_id: int
    number: int
    state: str
    started_at: str
    deadline: str | None
    seconds_left: int | None
    questions: list[dict[str, Any]]
    answers: dict[str, Any]
    result: dict[str, Any] | None
    review: list[dict[str, Any]] | None
    # Under immediate feedback: question id → mark and feedback of each answer the learner checked.
    checked: dict[str, Any]


class AnswerIn(Schema):
    response: dict[str, Any]


class SubmitIn(Schema):
    # Question id → answer: what the page's script kept on the device and had not saved yet (a quiz
    # answered offline). Saved before the attempt is submitted, but only while its time is not up.
    answers: dict[str, dict[str, Any]] = {}


class SubmitOut(AttemptOut):
    # The questions whose answers sent with the submission were not saved: they arrived after the
    # deadline, or the question's answer could no longer change.
    answers_ignored: list[str] = []
    # The submission arrived after the deadline: what was saved before it was marked.
    late: bool = False
    # The deadline as the site's pages write a moment (core.formatting.short_datetime, in the
    # site's time), for the page that tells the learner what was submitted; "" without one.
    deadline_text: str = ""


class AnswerOut(Schema):
    question_id: str
    saved_at: str


# Refusals that come from the attempt's state rather than from what was sent.
CONFLICTS = ("submitted", "time_up", "locked")


def _error(error: AssessmentError):
    return refused(error, 409 if error.code in CONFLICTS else 400)


def _attempt_or_404(request, attempts, attempt_id: int) -> tuple[Attempt, QuizPage]:
    """The attempt and its quiz, or 404 when the quiz's page is one the request may not see (a
    password, a group, unpublished): its questions are the page's content."""
    attempt = get_object_or_404(attempts, pk=attempt_id)
    quiz = quiz_of(attempt)
    if not page_visible(request, quiz):
        raise Http404
    return attempt, quiz


@router.post(
    "/quizzes/{quiz_id}/attempts",
    response={200: AttemptOut, 201: AttemptOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Start an attempt, or resume the one in progress",
)
def start(request, quiz_id: Id):
    quiz = visible_page_or_404(request, QuizPage, quiz_id)
    try:
        attempt, created = attempt_start_or_resume(learner=request.user, quiz=quiz)
    except AssessmentError as error:
        return _error(error)
    return Status(201 if created else 200, attempt_view(attempt, quiz_of(attempt)))


@router.put(
    "/attempts/{attempt_id}/answers/{question_id}",
    response={200: AnswerOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Save the answer to one question (autosave)",
)
def save_answer(request, attempt_id: Id, question_id: str, payload: AnswerIn):
    attempt, _quiz = _attempt_or_404(request, attempts_writable_by(request.user), attempt_id)
    try:
        answer = answer_save(attempt=attempt, question_id=question_id, response=payload.response)
    except AssessmentError as error:
        return _error(error)
    return Status(200, {"question_id": question_id, "saved_at": answer.saved_at.isoformat()})


@router.post(
    "/attempts/{attempt_id}/answers/{question_id}/check",
    response={200: dict[str, Any], **errors(400, 401, 403, 404, 409, 422)},
    summary="Check one saved answer under immediate feedback: it becomes final, and its mark and feedback come back",
)
def check_answer(request, attempt_id: Id, question_id: str):
    attempt, quiz = _attempt_or_404(request, attempts_writable_by(request.user), attempt_id)
    try:
        answer = answer_check(attempt=attempt, question_id=question_id)
    except AssessmentError as error:
        return _error(error)
    entry = next(entry for entry in attempt.snapshot if entry["slot"] == answer.slot)
    return Status(200, checked_feedback(entry, answer, quiz))


@router.post(
    "/attempts/{attempt_id}/submit",
    response={200: SubmitOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Submit the attempt, with the answers not saved yet (idempotent)",
    openapi_extra={
        "requestBody": {"required": False, "content": {"application/json": {"schema": SubmitIn.model_json_schema()}}}
    },
)
def submit(request, attempt_id: Id):
    claimed = request.headers.get(LEARNER_HEADER)
    if claimed is not None and claimed != str(request.user.pk):
        detail = _("This was done under another sign-in on this device; it is not recorded.")
        return refusal(409, detail, "other_learner")
    attempt, quiz = _attempt_or_404(request, attempts_writable_by(request.user), attempt_id)
    # The body is optional (a submission with nothing unsaved has none), so it is read here rather
    # than declared, which would make it required.
    try:
        sent = json.loads(request.body or b"{}") if request.content_type == "application/json" else {}
        answers = SubmitIn.model_validate(sent if isinstance(sent, dict) else {}).answers
    except (ValueError, PydanticValidationError):
        return refusal(400, _("The answers sent with the submission could not be read."), "bad_answers")
    try:
        attempt, ignored, late = attempt_submit_with_answers(attempt=attempt, answers=answers)
    except AssessmentError as error:
        return _error(error)
    return {
        **attempt_view(attempt, quiz),
        "answers_ignored": ignored,
        "late": late,
        "deadline_text": short_datetime(attempt.deadline),
    }


@router.get(
    "/attempts/{attempt_id}",
    response={200: AttemptOut, **errors(401, 403, 404, 422)},
    summary="An attempt: its state, result and review",
)
def detail(request, attempt_id: Id):
    attempt, quiz = _attempt_or_404(request, attempts_visible_to(request.user), attempt_id)
    return attempt_view(attempt, quiz)
