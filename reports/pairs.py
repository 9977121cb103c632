"""A set of (learner, course) pairs as a query condition: the summaries (``reports.test_pairs``,
``reports.activity``) are kept per learner and course, and refreshed a few pairs at a time."""

from collections.abc import Iterable
from uuid import UUID

from django.db.models import Q


def pairs_condition(pairs: Iterable[tuple[int, UUID]], learner: str = "learner_id", course: str = "course_key") -> Q:
    """Records whose ``learner`` and ``course`` are one of ``pairs``; none for no pairs."""
    condition = Q(pk__in=[])
    for learner_id, course_key in pairs:
        condition |= Q(**{learner: learner_id, course: course_key})
    return condition
