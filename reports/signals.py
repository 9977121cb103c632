"""Keeping the report's summaries (``reports.test_pairs``, ``reports.activity``) up to date from the
apps below, which know nothing of reports: receivers on their models' saves and deletions."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from assessments.models import Attempt, QuizPage
from assessments.selectors import quiz_of
from cohorts.models import Attendance, TrainingSession
from core.enqueue import enqueue
from courses.models import LessonProgress


@receiver(post_save, sender=Attempt, dispatch_uid="reports-test-pair-attempt")
def _attempt_saved(sender, instance, raw=False, **kwargs):
    # Submitted or marked: the learner's pair for the course is worked out again, in the same
    # transaction, so the report never lags behind what the learner sees.
    if raw or instance.state != Attempt.State.SUBMITTED:
        return
    from .test_pairs import refresh_pairs

    # The quiz's role from the page tree's cache, as the submission itself read the quiz: a
    # submit is among the requests learners send most.
    quiz = quiz_of(instance)
    if quiz is not None and quiz.role in (QuizPage.Role.PRE_TEST, QuizPage.Role.POST_TEST):
        refresh_pairs([(instance.learner_id, instance.course_key)])


@receiver(post_save, sender=QuizPage, dispatch_uid="reports-test-pair-quiz")
def _quiz_saved(sender, instance, raw=False, **kwargs):
    # Wagtail saves a quiz as its concrete class, so the signal names QuizPage: no receiver runs on
    # every other model's save. A change of grading method or role changes every grade at the quiz:
    # its course's pairs are redone.
    if raw:
        return
    from .tasks import refresh_quiz_test_pairs

    enqueue(refresh_quiz_test_pairs, str(instance.translation_key))


# --- The months of activity (``reports.activity``): only what changes a month already summarised.
# Activity as it happens is of the current month, which the report reads from the records: these
# ask nothing of the database for it.


@receiver(post_save, sender=Attempt, dispatch_uid="reports-activity-attempt")
def _attempt_started(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        from .activity import record

        record(instance.learner_id, instance.course_key, instance.started_at)


@receiver(post_save, sender=LessonProgress, dispatch_uid="reports-activity-lesson")
def _lesson_progress_saved(sender, instance, created=False, raw=False, **kwargs):
    # Opening a lesson writes its row in one statement, which sends nothing (its month is the
    # current one); a row saved whole (created, or its last opening moved) is heard here.
    if raw:
        return
    from .activity import record, refresh_pairs

    if created:
        record(instance.learner_id, instance.course_key, instance.last_opened_at)
    else:
        refresh_pairs([(instance.learner_id, instance.course_key)])


@receiver(post_save, sender=Attendance, dispatch_uid="reports-activity-attendance")
def _attendance_taken(sender, instance, created=False, raw=False, **kwargs):
    if not created or raw:
        return
    from .activity import month_of, record

    session = instance.session  # the one the attendance was taken at, already at hand
    if month_of(session.starts_at) < month_of(timezone.now()):  # else no need to look up its course
        record(instance.learner_id, session.cohort.course_key, session.starts_at)


@receiver(post_save, sender=TrainingSession, dispatch_uid="reports-activity-session")
def _session_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    # Attendance taken (a sheet is written in bulk, then the session marked taken) at a session of
    # a past month, or a session moved (from a month perhaps summarised): its attendees' months
    # are worked out again. A sheet of this month's session asks nothing.
    if created or raw:
        return
    from .activity import month_of, record_session

    moved = update_fields is None or "starts_at" in update_fields
    if moved or month_of(instance.starts_at) < month_of(timezone.now()):
        record_session(instance)


def _refresh(learner_id, course_key):
    from .activity import refresh_pairs

    refresh_pairs([(learner_id, course_key)])


@receiver(post_delete, sender=Attempt, dispatch_uid="reports-activity-attempt-deleted")
@receiver(post_delete, sender=LessonProgress, dispatch_uid="reports-activity-lesson-deleted")
def _activity_deleted(sender, instance, **kwargs):
    _refresh(instance.learner_id, instance.course_key)


@receiver(post_delete, sender=Attendance, dispatch_uid="reports-activity-attendance-deleted")
def _attendance_deleted(sender, instance, **kwargs):
    session = TrainingSession.objects.filter(pk=instance.session_id).select_related("cohort").first()
    if session is not None:
        _refresh(instance.learner_id, session.cohort.course_key)
