"""Writes for quizzes (starting an attempt, saving an answer, submitting, marking by a person) and
for practical assessments (recording an observation).

Every rule of architecture §4.3 is enforced here, on the server: one attempt in progress (a
database constraint, and a second start resumes it), the time limit (an answer after the deadline
is refused and the attempt is submitted as it stood), idempotent submission (the attempt row is
locked; a second submit returns the first result).
"""

import contextlib
import random
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import audit_record
from core.errors import CascadeError
from core.formatting import short_datetime
from courses.models import CoursePage, Enrolment
from courses.outline import course_of
from courses.selectors import active_enrolment, item_locked_reason
from courses.services import CourseError, lesson_complete

from . import rubric
from .audit import AuditAction
from .grading import ResponseError, mark, percent_shown, reaches_pass_mark, validate_response
from .models import Attempt, AttemptAnswer, MarkOverride, Observation, PracticalAssessmentPage, QuizPage
from .question_types import registry
from .selectors import quiz_of
from .signals import post_test_passed
from .snapshot import build_snapshot


class AssessmentError(CascadeError):
    """A request the rules refuse; ``message`` is translated, for the learner."""


def course_of_item(page) -> CoursePage:
    """The course a quiz or practical assessment belongs to, in the page's language (cached with the
    upper page tree, as a lesson's is)."""
    return course_of(page)


def quiz_open_problem(quiz: QuizPage, now=None) -> str:
    """Why the quiz cannot be started now, or ""."""
    now = now or timezone.now()
    if quiz.opens_at and now < quiz.opens_at:
        return _("This quiz opens on %(date)s.") % {"date": short_datetime(quiz.opens_at)}
    if quiz.closes_at and now >= quiz.closes_at:
        return _("This quiz closed on %(date)s.") % {"date": short_datetime(quiz.closes_at)}
    return ""


def attempt_start(*, learner, quiz: QuizPage, rng: random.Random | None = None) -> Attempt:
    """Resume the attempt in progress, or start a new one if the rules allow."""
    return attempt_start_or_resume(learner=learner, quiz=quiz, rng=rng)[0]


def attempt_start_or_resume(*, learner, quiz: QuizPage, rng: random.Random | None = None) -> tuple[Attempt, bool]:
    """As ``attempt_start``, and whether this call created the attempt: of requests racing to start
    the same attempt, exactly one did, and only that one may say so (counting attempts before and
    after would let several of them see the one new row)."""
    course = course_of_item(quiz)
    if active_enrolment(learner=learner, course_key=course.translation_key) is None:
        raise AssessmentError(_("Enrol in this course to take its quizzes."), "not_enrolled")
    current = Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key, state=Attempt.State.IN_PROGRESS)
    current = current.order_by("pk").first()  # one at most; the model's order would join the learner
    if current is not None and current.expired():
        attempt_submit(attempt=current)  # its time ran out while the learner was away
        current = None
    locked = item_locked_reason(learner_id=learner.pk, item=quiz)
    if locked:
        raise AssessmentError(locked, "locked")
    if current is not None:
        return current, False
    problem = quiz_open_problem(quiz)
    if problem:
        raise AssessmentError(problem, "closed")
    done = Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key).count()
    if quiz.attempts_allowed and done >= quiz.attempts_allowed:
        raise AssessmentError(_("You have used all the attempts this quiz allows."), "no_attempts_left")
    snapshot = build_snapshot(quiz, rng)
    if not snapshot:
        raise AssessmentError(_("This quiz has no questions yet."), "empty")
    now = timezone.now()
    deadline = now + timezone.timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    if deadline and quiz.closes_at:
        deadline = min(deadline, quiz.closes_at)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                learner=learner,
                quiz_key=quiz.translation_key,
                course_key=course.translation_key,
                number=done + 1,
                language=quiz.locale.language_code,
                started_at=now,
                deadline=deadline,
                snapshot=snapshot,
                pass_mark=quiz.pass_mark,
                max_score=sum((Decimal(entry["mark"]) for entry in snapshot), Decimal(0)),
            )
    except IntegrityError:
        # Another request started one at the same moment (two tabs, a double click): resume it.
        current = Attempt.objects.get(learner=learner, quiz_key=quiz.translation_key, state=Attempt.State.IN_PROGRESS)
        return current, False
    return attempt, True


def _refuse_if_locked(attempt: Attempt) -> None:
    """An attempt is answered and submitted only while its quiz's module is open to the learner."""
    quiz = quiz_of(attempt)
    locked = item_locked_reason(learner_id=attempt.learner_id, item=quiz) if quiz is not None else ""
    if locked:
        raise AssessmentError(locked, "locked")


def _entry(attempt: Attempt, question_id: str) -> dict:
    entry = next((entry for entry in attempt.snapshot if entry["id"] == str(question_id)), None)
    if entry is None:
        raise AssessmentError(_("This question is not part of your attempt."), "unknown_question")
    return entry


def _submit_if_time_is_up(attempt: Attempt) -> bool:
    """Submit the attempt as it stood at its deadline, if that has passed. True if it had."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not (locked.is_open and locked.expired()):
            return False
        _submit_locked(locked, at=locked.deadline)
        return True


def answer_save(*, attempt: Attempt, question_id: str, response) -> AttemptAnswer:
    """Save (or replace) the answer to one served question. Refused once the attempt is closed or
    its time is up; the answer is then not counted. ``attempt``'s state and deadline are brought up
    to date from its row."""
    time_up = AssessmentError(
        _("The time for this attempt is up. It was submitted with the answers saved before then."), "time_up"
    )
    with transaction.atomic():
        # Every write to an attempt's answers (saving, checking, submitting) takes this lock first,
        # so the answer written below cannot change under it. Only what may have changed since the
        # caller read the attempt is read again: its state and deadline (the questions it was
        # served are written once, when it starts). Saving is the request learners send most.
        attempt.state, attempt.deadline = (
            Attempt.objects.select_for_update().values_list("state", "deadline").get(pk=attempt.pk)
        )
        if not attempt.is_open:
            raise AssessmentError(_("This attempt has been submitted; answers can no longer change."), "submitted")
        time_was_up = attempt.expired()
        if time_was_up:
            locked = Attempt.objects.get(pk=attempt.pk)
            _submit_locked(locked, at=locked.deadline)  # as it stood then; refused after the commit
        else:
            _refuse_if_locked(attempt)
            answer = _answer_saved(attempt, question_id, response)
    if time_was_up:
        raise time_up
    return answer


def _answer_saved(attempt: Attempt, question_id: str, response) -> AttemptAnswer:
    """``answer_save``'s write, on the attempt locked and open: one statement when the question was
    answered before, as it mostly is (an answer is saved again at every change). The answer returned
    then is what was written, without its row's id."""
    entry = _entry(attempt, question_id)
    slot = entry["slot"]
    checked = AssessmentError(_("You checked this answer; it can no longer change."), "checked")
    try:
        cleaned = validate_response(entry, response)
    except ResponseError as error:
        # A checked answer says so first, whatever was sent.
        if AttemptAnswer.objects.filter(attempt=attempt, slot=slot, checked_at__isnull=False).exists():
            raise checked from None
        raise AssessmentError(error.message, "bad_answer") from None
    saved_at = timezone.now()
    if AttemptAnswer.objects.filter(attempt=attempt, slot=slot, checked_at__isnull=True).update(
        response=cleaned, saved_at=saved_at
    ):
        return AttemptAnswer(attempt=attempt, slot=slot, response=cleaned, saved_at=saved_at)
    if AttemptAnswer.objects.filter(attempt=attempt, slot=slot).exists():
        raise checked
    return AttemptAnswer.objects.create(attempt=attempt, slot=slot, response=cleaned, saved_at=saved_at)


def answer_check(*, attempt: Attempt, question_id: str) -> AttemptAnswer:
    """Under immediate feedback, make the saved answer to one question final and mark it, so that its
    mark and feedback may be shown while the attempt goes on. Checking twice changes nothing."""
    quiz = QuizPage.objects.filter(translation_key=attempt.quiz_key).only("feedback_policy").first()
    if quiz is None or quiz.feedback_policy != QuizPage.FeedbackPolicy.IMMEDIATE:
        raise AssessmentError(_("This quiz shows feedback after the attempt is submitted."), "not_immediate")
    if _submit_if_time_is_up(attempt):
        raise AssessmentError(
            _("The time for this attempt is up. It was submitted with the answers saved before then."), "time_up"
        )
    _refuse_if_locked(attempt)
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not attempt.is_open:
            raise AssessmentError(_("This attempt has been submitted; answers can no longer change."), "submitted")
        entry = _entry(attempt, question_id)
        if not registry.get(entry["qtype"]).checkable:
            raise AssessmentError(_("A trainer marks this question after you submit."), "not_checkable")
        answer = AttemptAnswer.objects.filter(attempt=attempt, slot=entry["slot"]).order_by("pk").first()
        if answer is None or answer.response is None:
            raise AssessmentError(_("Answer the question before you check it."), "unanswered")
        if answer.checked_at is None:
            result = mark(entry, answer.response)
            answer.fraction = result.fraction
            answer.mark = (result.fraction * Decimal(entry["mark"])).quantize(Decimal("0.001"))
            answer.checked_at = timezone.now()
            answer.save(update_fields=["fraction", "mark", "checked_at"])
        return answer


# What ``_recompute`` sets: saved alone, not with the questions the attempt was served (the largest
# field, written once when it starts).
RESULT_FIELDS = ["needs_grading", "score", "percent", "passed"]


def _recompute(attempt: Attempt, answers: list[AttemptAnswer]) -> None:
    """The attempt's score from its answers' marks; undecided until every essay is marked."""
    marks = [answer.mark for answer in answers]
    attempt.needs_grading = any(m is None for m in marks)
    if attempt.needs_grading:
        attempt.score = attempt.percent = attempt.passed = None
        return
    attempt.score = sum(marks, Decimal(0))
    attempt.percent = percent_shown(attempt.score, attempt.max_score, attempt.pass_mark)
    attempt.passed = reaches_pass_mark(attempt.score, attempt.max_score, attempt.pass_mark)


def _submit_locked(attempt: Attempt, *, at=None) -> Attempt:
    # By slot, not by the model's order (learner's name, quiz, number, slot: two joins for one attempt).
    saved = {answer.slot: answer for answer in attempt.answers.order_by("slot")}
    answers, unanswered = [], []
    for entry in attempt.snapshot:
        answer = saved.get(entry["slot"])
        if answer is None:
            answer = AttemptAnswer(attempt=attempt, slot=entry["slot"], response=None)
            unanswered.append(answer)
        result = mark(entry, answer.response)
        answer.fraction = result.fraction
        answer.mark = (
            None if result.fraction is None else (result.fraction * Decimal(entry["mark"])).quantize(Decimal("0.001"))
        )
        answers.append(answer)
    # Two statements whatever the number of questions: the marks of the answered, rows for the rest.
    AttemptAnswer.objects.bulk_update(list(saved.values()), ["fraction", "mark"])
    AttemptAnswer.objects.bulk_create(unanswered)
    attempt.state = Attempt.State.SUBMITTED
    attempt.submitted_at = at or timezone.now()
    _recompute(attempt, answers)
    attempt.save(update_fields=["state", "submitted_at", *RESULT_FIELDS])
    _record_pass(attempt)
    return attempt


def _record_pass(attempt: Attempt) -> None:
    """A passed quiz counts in the course's progress like a completed lesson (once, whatever the language)."""
    if not attempt.passed:
        return
    quiz = quiz_of(attempt)
    if quiz is None:
        return
    # If the learner left the course since starting, the attempt keeps its result; progress is not recorded.
    with contextlib.suppress(CourseError):
        lesson_complete(learner=attempt.learner, lesson=quiz, in_order=False)
    if quiz.role == QuizPage.Role.POST_TEST:
        learner_id, course_key = attempt.learner_id, attempt.course_key
        transaction.on_commit(
            lambda: post_test_passed.send(sender=Attempt, learner_id=learner_id, course_key=course_key)
        )


def attempt_submit(*, attempt: Attempt) -> Attempt:
    """Submit and mark. Idempotent: a double click, a retry or twenty parallel submits give one
    marked attempt and the same result every time. Refused while the quiz's module is locked,
    unless the attempt's time is up: then it is submitted as it stood, whatever else holds."""
    if attempt.is_open and not attempt.expired():
        _refuse_if_locked(attempt)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_open:
            return locked
        at = min(timezone.now(), locked.deadline) if locked.deadline else None
        return _submit_locked(locked, at=at)


def attempt_submit_with_answers(*, attempt: Attempt, answers: dict) -> tuple[Attempt, list[str], bool]:
    """Save the answers sent with a submission, then submit, as the page's script does with a quiz
    answered offline. The server's clock decides: answers that arrive after the deadline are not
    saved, whenever the device says they were given, and the attempt is marked as it stood at its
    deadline. Returns the attempt, the questions whose answers were not saved, and whether the time
    had run out. Sending it again changes nothing: an attempt already submitted takes no answers."""
    ignored: list[str] = []
    if attempt.is_open:
        for position, (question_id, response) in enumerate(answers.items()):
            try:
                answer_save(attempt=attempt, question_id=question_id, response=response)
            except AssessmentError as error:
                if error.code == "locked":
                    raise
                if error.code in ("time_up", "submitted"):
                    ignored.extend(list(answers)[position:])
                    break
                ignored.append(str(question_id))  # a checked answer, or one its question cannot take
    elif answers:
        ignored = [str(question_id) for question_id in answers]
    attempt = attempt_submit(attempt=attempt)
    late = bool(attempt.deadline and attempt.submitted_at and attempt.submitted_at >= attempt.deadline)
    return attempt, ignored, late


def answer_mark(
    *, answer: AttemptAnswer, mark_value: Decimal, by, comment: str = "", reason: str = ""
) -> AttemptAnswer:
    """A person marks an essay, or changes a mark. Changing an existing mark needs a reason, is kept
    as a MarkOverride and audited; the attempt's grade is recomputed."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=answer.attempt_id)
        answer = AttemptAnswer.objects.select_for_update().get(pk=answer.pk)
        if attempt.is_open:
            raise AssessmentError(_("The attempt is still in progress."), "in_progress")
        entry = next(entry for entry in attempt.snapshot if entry["slot"] == answer.slot)
        maximum = Decimal(entry["mark"])
        if not Decimal(0) <= mark_value <= maximum:
            raise AssessmentError(_("The mark must be between 0 and %(max)s.") % {"max": maximum}, "bad_mark")
        previous = answer.mark
        if previous is not None:
            if not reason.strip():
                raise AssessmentError(_("Say why the mark changes."), "reason_required")
            MarkOverride.objects.create(
                answer=answer, by=by, previous_mark=previous, new_mark=mark_value, reason=reason
            )
            audit_record(
                action=AuditAction.MARK_OVERRIDDEN,
                target=attempt,
                data={"slot": answer.slot, "from": str(previous), "to": str(mark_value), "reason": reason},
            )
        answer.mark = mark_value
        answer.fraction = (mark_value / maximum) if maximum else Decimal(0)
        answer.graded_by, answer.graded_at, answer.comment = by, timezone.now(), comment
        answer.save()
        _recompute(attempt, list(attempt.answers.order_by("slot")))
        attempt.save(update_fields=RESULT_FIELDS)
        _record_pass(attempt)
        return answer


# --- Practical (observation) assessments ---------------------------------------------------------


def observation_record(
    *,
    assessor,
    learner,
    assessment: PracticalAssessmentPage,
    levels: dict[str, int],
    observed_on,
    submission_key,
    criterion_comments: dict[str, str] | None = None,
    comment: str = "",
) -> Observation:
    """Record a scoring of ``learner`` against ``assessment``'s rubric, as ``assessor`` saw it.

    Every criterion needs a level; a date in the future is refused. Sending the same
    ``submission_key`` again returns the observation already recorded. A pass counts in the course's
    progress like a completed lesson; a later observation that does not pass never undoes it."""
    existing = Observation.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return _same_submission(existing, assessor=assessor, learner=learner)
    if observed_on > timezone.localdate():
        raise AssessmentError(_("The date of the observation cannot be in the future."), "future")
    course = course_of_item(assessment)
    if active_enrolment(learner=learner, course_key=course.translation_key) is None:
        raise AssessmentError(_("This person is not enrolled in the course."), "not_enrolled")
    criteria = rubric.rubric_snapshot(assessment)
    result = rubric.score(criteria, levels, assessment.pass_mark)
    if result.unscored:
        raise AssessmentError(
            _("Choose a level for every criterion. Not scored: %(criteria)s.")
            % {"criteria": "; ".join(result.unscored)},
            "unscored",
        )
    known = {criterion["id"] for criterion in criteria}
    comments = {key: text.strip() for key, text in (criterion_comments or {}).items() if key in known and text.strip()}
    try:
        with transaction.atomic():
            # The enrolment row is the lock: two observations of one learner are numbered one after the other.
            list(
                Enrolment.objects.select_for_update()
                .filter(learner=learner, course_key=course.translation_key)
                .values_list("pk", flat=True)
            )
            number = Observation.objects.filter(learner=learner, assessment_key=assessment.translation_key).count() + 1
            observation = Observation.objects.create(
                learner=learner,
                assessor=assessor,
                assessment_key=assessment.translation_key,
                course_key=course.translation_key,
                number=number,
                language=assessment.locale.language_code,
                observed_on=observed_on,
                rubric=criteria,
                levels={key: value for key, value in levels.items() if key in known},
                criterion_comments=comments,
                comment=comment.strip(),
                score=result.score,
                max_score=result.max_score,
                percent=result.percent,
                pass_mark=assessment.pass_mark,
                passed=result.passed,
                submission_key=submission_key,
            )
            if observation.passed:
                lesson_complete(learner=learner, lesson=assessment, in_order=False)
    except IntegrityError as error:
        # The same form sent twice at once, or two assessors at once: the other one was recorded first.
        existing = Observation.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return _same_submission(existing, assessor=assessor, learner=learner)
        raise AssessmentError(
            _("Someone recorded an observation at the same moment. Please send it again."), "race"
        ) from error
    return observation


def _same_submission(observation: Observation, *, assessor, learner) -> Observation:
    if observation.assessor_id != assessor.pk or observation.learner_id != learner.pk:
        raise AssessmentError(_("This form was already used. Open the scoring form again."), "reused")
    return observation
