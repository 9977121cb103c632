"""Keeping the report's summaries (``reports.test_pairs``) up to date from the apps below, which
know nothing of reports: receivers on their models' saves."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from assessments.models import Attempt, QuizPage
from core.enqueue import enqueue


@receiver(post_save, sender=Attempt, dispatch_uid="reports-test-pair-attempt")
def _attempt_saved(sender, instance, raw=False, **kwargs):
    # Submitted or marked: the learner's pair for the course is worked out again, in the same
    # transaction, so the report never lags behind what the learner sees.
    if raw or instance.state != Attempt.State.SUBMITTED:
        return
    from .test_pairs import refresh_pairs

    # Asked of the database each time (one small query), not of the page tree's cache: a request
    # costs the same number of queries whether or not the cache is warm.
    tests = QuizPage.objects.filter(
        translation_key=instance.quiz_key, role__in=[QuizPage.Role.PRE_TEST, QuizPage.Role.POST_TEST]
    )
    if tests.exists():
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
