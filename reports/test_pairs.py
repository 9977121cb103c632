"""The pre- and post-test pairs (``TestPair``): each learner's grades at a course's pre-test and
post-test, worked out by ``assessments.results`` (the quiz's grading method) and kept in a table so
that the report averages them in SQL instead of grading every attempt again on every request.

Kept up to date as it happens: an attempt saved (submitted, marked) refreshes its learner's pair in
the same transaction; a test quiz saved (its grading method or role may have changed) refreshes the
pairs of that quiz's course, in the background. ``rebuild`` works every pair out again from the
attempts (nightly, ``CELERY_BEAT_SCHEDULE``, and ``manage.py rebuild_test_pairs``), which also
catches attempts written in bulk (the national load data)."""

from collections import defaultdict
from collections.abc import Iterable
from uuid import UUID

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assessments.models import Attempt, QuizPage
from assessments.results import gain, grade

from .models import SummaryRefresh, TestPair
from .pairs import pairs_condition

BATCH = 2000


def test_quizzes() -> dict:
    """{quiz key: (role, grading method)} of every pre-test and post-test (the first of a quiz's
    languages in the tree, as the report has always read them)."""
    found: dict = {}
    tests = QuizPage.objects.filter(role__in=[QuizPage.Role.PRE_TEST, QuizPage.Role.POST_TEST]).order_by("path")
    for key, role, method in tests.values_list("translation_key", "role", "grading_method"):
        found.setdefault(key, (role, method))
    return found


def _marked(tests: dict):
    return Attempt.objects.filter(state=Attempt.State.SUBMITTED, percent__isnull=False, quiz_key__in=list(tests))


def _results(rows: Iterable, tests: dict) -> dict:
    """{(learner, course): gain()} from attempt rows (learner, course, quiz, percent), oldest first."""
    attempts: dict = defaultdict(dict)
    for learner, course_key, quiz_key, percent in rows:
        role, method = tests[quiz_key]
        marked = {"state": Attempt.State.SUBMITTED, "percent": percent}  # as grade() reads an attempt
        attempts[(learner, course_key)].setdefault(quiz_key, (role, method, []))[2].append(marked)
    results = {}
    for pair, quizzes in attempts.items():
        grades = {role: grade(method, quiz_rows) for role, method, quiz_rows in quizzes.values()}
        results[pair] = gain(grades)
    return results


def _write(results: dict, pairs: Iterable, now) -> None:
    """Store ``results`` for ``pairs``: a pair without a result (one test not graded) has no row."""
    pairs = set(pairs)
    gone = [pair for pair in pairs if results.get(pair) is None]
    if gone:
        TestPair.objects.filter(pairs_condition(gone)).delete()
    rows = [
        TestPair(
            learner_id=learner,
            course_key=course_key,
            pre_test=result["pre"],
            post_test=result["post"],
            gain=result["gain"],
            refreshed_at=now,
        )
        for (learner, course_key), result in results.items()
        if result is not None and (learner, course_key) in pairs
    ]
    TestPair.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["learner", "course_key"],
        update_fields=["pre_test", "post_test", "gain", "refreshed_at"],
    )


def refresh_pairs(pairs: Iterable[tuple[int, UUID]]) -> None:
    """Work out again the pairs (learner id, course key) from their attempts."""
    pairs = {(learner, UUID(str(course_key))) for learner, course_key in pairs}
    if not pairs:
        return
    tests = test_quizzes()
    rows = (
        _marked(tests)
        .filter(pairs_condition(pairs))
        .order_by("learner", "started_at", "pk")
        .values_list("learner", "course_key", "quiz_key", "percent")
    )
    with transaction.atomic():
        _write(_results(rows, tests), pairs, timezone.now())


def refresh_quiz(quiz_key) -> None:
    """Work out again every pair of the courses whose attempts include ``quiz_key`` (its grading
    method or role changed)."""
    courses = set(Attempt.objects.filter(quiz_key=quiz_key).values_list("course_key", flat=True).distinct())
    courses |= set(TestPair.objects.filter(course_key__in=courses).values_list("course_key", flat=True))
    for course_key in courses:
        _rebuild(Q(course_key=course_key), TestPair.objects.filter(course_key=course_key))


def _rebuild(condition: Q, existing) -> None:
    tests = test_quizzes()
    rows = (
        _marked(tests)
        .filter(condition)
        .order_by("learner", "course_key", "started_at", "pk")
        .values_list("learner", "course_key", "quiz_key", "percent")
    )
    results = _results(rows.iterator(chunk_size=BATCH), tests)
    with transaction.atomic():
        now = timezone.now()
        _write(results, results.keys(), now)
        # Pairs that have no result any more (an attempt's grade withdrawn, a quiz no longer a test).
        existing.filter(refreshed_at__lt=now).delete()


def rebuild() -> int:
    """Every pair worked out again from the attempts; returns how many pairs there are."""
    _rebuild(Q(), TestPair.objects.all())
    SummaryRefresh.objects.update_or_create(name=SummaryRefresh.TEST_PAIRS, defaults={"refreshed_at": timezone.now()})
    return TestPair.objects.count()
