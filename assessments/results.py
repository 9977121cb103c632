"""What a learner's attempts add up to: one home for each rule that turns attempts into a result,
so the learner's quiz page, the trainer's cohort dashboard, certificates and reports agree.

- ``grade``: a quiz's grade (percent) by its grading method, over the marked attempts;
- ``gain``: the gain from the course's pre-test to its post-test, in percentage points;
- ``passed_post_test``: the passed attempts at a post-test of a course, as a queryset that also
  works inside another query (``OuterRef``).
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from .models import Attempt, QuizPage


def _field(attempt, name: str):
    # Callers hold model rows (the quiz page) or ``values()`` dicts (the cohort matrix, in bulk).
    return attempt[name] if isinstance(attempt, Mapping) else getattr(attempt, name)


def grade(method: str, attempts: Iterable) -> Decimal | None:
    """The grade by ``method`` (a ``QuizPage.GradingMethod``) of ``attempts``, oldest first, each an
    ``Attempt`` or a dict with its ``state`` and ``percent``. Only submitted, marked attempts count;
    None when there is none."""
    marked = [
        _field(attempt, "percent")
        for attempt in attempts
        if _field(attempt, "state") == Attempt.State.SUBMITTED and _field(attempt, "percent") is not None
    ]
    if not marked:
        return None
    if method == QuizPage.GradingMethod.FIRST:
        return marked[0]
    if method == QuizPage.GradingMethod.LAST:
        return marked[-1]
    if method == QuizPage.GradingMethod.AVERAGE:
        return (sum(marked) / len(marked)).quantize(Decimal("0.01"))
    return max(marked)


def gain(grades: Mapping[str, Decimal | None]) -> dict | None:
    """From each test's grade by role (``QuizPage.Role``), the pre-test's, the post-test's and the
    gain between them in percentage points; None until both are graded."""
    pre, post = grades.get(QuizPage.Role.PRE_TEST), grades.get(QuizPage.Role.POST_TEST)
    if pre is None or post is None:
        return None
    return {"pre": pre, "post": post, "gain": post - pre}


def passed_post_test(*, learner, course_key):
    """The passed attempts of ``learner`` at a post-test of the course ``course_key``, in whichever
    language it was taken. Either argument may be an ``OuterRef``."""
    post_tests = QuizPage.objects.filter(role=QuizPage.Role.POST_TEST).values("translation_key")
    return Attempt.objects.filter(learner=learner, course_key=course_key, quiz_key__in=post_tests, passed=True)
