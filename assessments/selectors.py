"""Reads shared by the quiz pages and the API: an attempt as its learner may see it, and a
learner's grade for a quiz across attempts; a practical assessment's page and observations."""

from decimal import Decimal
from uuid import UUID

from django.utils import timezone

from courses.by_key import page_by_key
from courses.outline import course_of
from courses.page_cache import cached
from courses.selectors import untranslated
from courses.support import support_for

from . import results, rubric
from .grading import mark, saved_response
from .models import Attempt, Observation, PracticalAssessmentPage, QuizPage
from .question_types import registry
from .snapshot import public_entry


def quiz_of(attempt: Attempt) -> QuizPage | None:
    """The quiz page in the attempt's language (the one its questions were drawn in), or in another.
    Kept on the attempt object: a request asks several times (may it be seen, is it locked, the view)."""
    if "_quiz_page" not in attempt.__dict__:
        attempt.__dict__["_quiz_page"] = quiz_by_key(attempt.quiz_key, attempt.language)
    return attempt.__dict__["_quiz_page"]


def quiz_by_key(key: UUID, language: str) -> QuizPage | None:
    """``page_by_key`` for a quiz, cached with the page tree: every answer saved and every submit
    names its quiz, whose page changes only when an editor publishes (which starts a new tree).
    Read-only: the object is shared by the requests this process serves."""
    return cached("quiz-by-key", f"{key}:{language}", lambda: page_by_key(QuizPage.objects.all(), key, language))


def seconds_left(attempt: Attempt, now=None) -> int | None:
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - (now or timezone.now())).total_seconds()))


def attempt_view(attempt: Attempt, quiz: QuizPage) -> dict:
    """The attempt for its learner: questions and saved answers while it runs; after submission,
    the result and as much review as the quiz's policies allow. Nothing before submission tells
    which answer is right or what any answer is worth, except, under immediate feedback, for the
    answers the learner checked, which can no longer change."""
    answers = {answer.slot: answer for answer in attempt.answers.order_by("slot")}
    view = {
        "id": attempt.pk,
        "quiz_id": quiz.pk,
        "number": attempt.number,
        "state": attempt.state,
        "started_at": attempt.started_at.isoformat(),
        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
        "seconds_left": seconds_left(attempt) if attempt.is_open else None,
        "questions": [public_entry(entry) for entry in attempt.snapshot],
        # As marking reads them: an answer saved in a shape that does not fit its question shows as none.
        "answers": {
            entry["id"]: response
            for entry in attempt.snapshot
            if entry["slot"] in answers and (response := saved_response(entry, answers[entry["slot"]].response))
        },
        "result": None,
        "review": None,
        "checked": {
            entry["id"]: checked_feedback(entry, answers[entry["slot"]], quiz)
            for entry in attempt.snapshot
            if entry["slot"] in answers and answers[entry["slot"]].checked_at is not None
        }
        if quiz.feedback_policy == QuizPage.FeedbackPolicy.IMMEDIATE
        else {},
    }
    if attempt.is_open:
        return view
    view["result"] = {
        "score": str(attempt.score) if attempt.score is not None else None,
        "max_score": str(attempt.max_score),
        "percent": str(attempt.percent) if attempt.percent is not None else None,
        "passed": attempt.passed,
        "needs_grading": attempt.needs_grading,
        "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
    }
    closed = quiz.closes_at is None or timezone.now() >= quiz.closes_at
    if quiz.feedback_policy == QuizPage.FeedbackPolicy.AFTER_CLOSE and not closed:
        return view
    if quiz.review_policy == QuizPage.ReviewPolicy.SCORE:
        return view
    view["review"] = [_review(entry, answers.get(entry["slot"]), full=quiz.review_policy == QuizPage.ReviewPolicy.FULL)
                      for entry in attempt.snapshot]  # fmt: skip
    return view


def checked_feedback(entry: dict, answer, quiz: QuizPage) -> dict:
    """What a checked answer earns, shown at once under immediate feedback, as far as the review
    policy allows: the mark always, feedback unless only scores are shown, the right answer in full."""
    review = _review(entry, answer, full=quiz.review_policy == QuizPage.ReviewPolicy.FULL)
    if quiz.review_policy == QuizPage.ReviewPolicy.SCORE:
        review["feedback"] = []
    return review


def _review(entry: dict, answer, *, full: bool) -> dict:
    response = answer.response if answer else None
    result = mark(entry, response)
    review = {
        "id": entry["id"],
        "mark": str(answer.mark) if answer and answer.mark is not None else None,
        "max_mark": entry["mark"],
        "feedback": result.feedback + ([entry["general_feedback"]] if entry.get("general_feedback") else []),
        "comment": answer.comment if answer else "",
    }
    if full:
        review["right_answer"] = right_answer(entry)
        review["right_answer_text"] = right_answer_text(entry)
    return review


def right_answer_text(entry: dict) -> str:
    """The right answer in words, for the review page."""
    return registry.get(entry["qtype"]).right_answer_text(entry)


def right_answer(entry: dict):
    return registry.get(entry["qtype"]).right_answer(entry)


def quiz_grade(*, learner, quiz: QuizPage, attempts: list[Attempt] | None = None) -> Decimal | None:
    """The learner's grade for the quiz (percent) by its grading method, over marked attempts."""
    if attempts is None:
        attempts = list(Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key).order_by("number"))
    return results.grade(quiz.grading_method, attempts)


def quiz_page_context(*, quiz: QuizPage, learner) -> dict:
    """What the quiz page shows a learner: their attempts, their grade, and whether they may start."""
    from .services import quiz_open_problem

    support = support_for(quiz) if quiz.content_note else ()
    language = untranslated(quiz)  # its notice, and the language its text is in
    if not learner.is_authenticated:
        return {"attempts": [], "grade": None, "can_start": False, "problem": "", "support": support, **language}
    attempts = list(Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key).order_by("number"))
    in_progress = next((attempt for attempt in attempts if attempt.is_open), None)
    used_up = bool(quiz.attempts_allowed) and len(attempts) >= quiz.attempts_allowed and in_progress is None
    problem = "" if in_progress else quiz_open_problem(quiz)
    return {
        "attempts": attempts,
        "in_progress": in_progress,
        "grade": quiz_grade(learner=learner, quiz=quiz, attempts=attempts),
        "gain": course_gain(learner=learner, course_key=attempts[0].course_key)
        if attempts and quiz.role != QuizPage.Role.QUIZ
        else None,
        "can_start": in_progress is not None or (not used_up and not problem),
        "used_up": used_up,
        "problem": problem,
        "support": support,
        **language,
        # From the raw data: reading the blocks would fetch every chosen question.
        "question_count": sum(
            int(block["value"].get("count") or 0) if block["type"] == "random" else 1
            for block in quiz.questions.raw_data
        ),
    }


def course_gain(*, learner, course_key, since=None) -> dict | None:
    """How much the learner gained between the course's pre-test and post-test, in percentage
    points, each graded by its own method; None until both have a marked attempt. Two queries.
    With ``since``, only attempts started from then on count (a cohort's view of its trainee)."""
    attempts = Attempt.objects.filter(learner=learner, course_key=course_key).order_by("number")
    if since is not None:
        attempts = attempts.filter(started_at__gte=since)
    attempts = list(attempts)
    roles = {
        quiz.translation_key: quiz
        for quiz in QuizPage.objects.filter(
            translation_key__in={attempt.quiz_key for attempt in attempts},
            role__in=[QuizPage.Role.PRE_TEST, QuizPage.Role.POST_TEST],
        ).only("translation_key", "role", "grading_method")
    }
    grades = {
        quiz.role: grade
        for key, quiz in roles.items()
        if (grade := results.grade(quiz.grading_method, [a for a in attempts if a.quiz_key == key])) is not None
    }
    return results.gain(grades)


# --- Practical (observation) assessments ---------------------------------------------------------


def practical_page_context(*, assessment: PracticalAssessmentPage, learner) -> dict:
    """What the learner's page of a practical assessment shows: the rubric they will be scored
    against, and each observation of them so far."""
    observations = (
        list(
            Observation.objects.filter(learner=learner, assessment_key=assessment.translation_key)
            .select_related("assessor")
            .order_by("number")
        )
        if learner.is_authenticated
        else []
    )
    return {
        "course": course_of(assessment),
        "module": assessment.get_parent(),
        "criteria": rubric.rubric_snapshot(assessment),
        "observations": observations,
        "passed": any(observation.passed for observation in observations),
    }


def observation_rows(observation: Observation) -> list[dict]:
    """Each criterion of an observation as it was scored: the level chosen, its points, the comment."""
    rows = []
    for criterion in observation.rubric:
        chosen = observation.levels.get(criterion["id"])
        level = criterion["levels"][chosen] if chosen is not None else None
        rows.append(
            {
                "criterion": criterion,
                "level": level,
                "points": Decimal(level["points"]) if level else None,
                "max_points": rubric.max_points(criterion),
                "essential_missed": criterion["essential"]
                and level is not None
                and rubric.at_lowest_level(criterion, chosen),
                "comment": observation.criterion_comments.get(criterion["id"], ""),
            }
        )
    return rows


def practical_assessment_of(observation: Observation, language: str | None = None) -> PracticalAssessmentPage | None:
    """The assessment's page in the language shown, else in any language."""
    return page_by_key(PracticalAssessmentPage.objects.all(), observation.assessment_key, language)
