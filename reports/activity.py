"""The months each learner was active in each course (``ActivityMonth``), so that "active in the
period" reads a period's whole months from one small table instead of every lesson opened, attempt
started and attendance taken in them (half a million records a year at national scale).

What counts as activity is the report's own rule, in one place (``sources``): a lesson of the course
last opened, an attempt at one of its quizzes started, attendance taken at a session of one of its
cohorts. The table holds the months before the month of its last full rebuild ("covered"); the
current month, and any part-month at a period's ends, are read from the records themselves, so
the figures are those of the records for any dates.

The rebuild (nightly, ``CELERY_BEAT_SCHEDULE``; ``manage.py rebuild_activity``; at the end of
``generate_load_data``) works every covered month out again from the records. Between rebuilds,
what changes a covered month is rare, and kept as it happens (``reports.signals``): a record written
with a past date (an attempt, lesson progress or attendance entered later, a session's attendance
taken after its month), a record deleted, a session moved to another day. Activity as it happens
(dated now) falls in the current month, which is read from the records: it writes nothing here.
What no signal tells (a lesson's last opening moved by reopening it in a later month, records
written in bulk) is caught by the next rebuild."""

from collections.abc import Iterable
from datetime import date, datetime, time
from uuid import UUID

from django.db import transaction
from django.db.models import DateField, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from assessments.models import Attempt
from cohorts.models import Attendance
from courses.models import LessonProgress

from .models import ActivityMonth, SummaryRefresh
from .pairs import pairs_condition

BATCH = 5000


def _parts():
    """(records, learner, course, when) of each kind of activity."""
    return (
        (LessonProgress.objects.all(), "learner_id", "course_key", "last_opened_at"),
        (Attempt.objects.all(), "learner_id", "course_key", "started_at"),
        (Attendance.objects.all(), "learner_id", "session__cohort__course_key", "session__starts_at"),
    )


def sources(start: datetime, end: datetime, pairs: Q | None = None):
    """Querysets of (learner, course) of the activity between ``start`` and ``end``, one per kind."""
    found = []
    for records, learner, course, when in _parts():
        records = records.filter(**{f"{when}__gte": start, f"{when}__lt": end})
        if pairs is not None:
            records = records.filter(pairs_condition(pairs, learner, course))
        found.append(records.values_list(learner, course))
    return found


def month_of(moment: datetime) -> date:
    """The first day of ``moment``'s month, in Cascade's time zone."""
    return timezone.localtime(moment).date().replace(day=1)


def month_start(first: date) -> datetime:
    return datetime.combine(first, time.min, tzinfo=timezone.get_current_timezone())


def covered_until() -> date | None:
    """The first month the table does not hold (that of its last full rebuild); None if never built."""
    refreshed = refreshed_at()
    return month_of(refreshed) if refreshed else None


def refreshed_at():
    """When the table was last rebuilt in full; None if never."""
    return SummaryRefresh.objects.filter(name=SummaryRefresh.ACTIVITY).values_list("refreshed_at", flat=True).first()


def _months(until: date, pairs: Iterable[tuple[int, UUID]] | None = None) -> set:
    """{(learner, course, month)} of the records before the month ``until``."""
    found = set()
    for records, learner, course, when in _parts():
        records = records.filter(**{f"{when}__lt": month_start(until)})
        if pairs is not None:
            records = records.filter(pairs_condition(pairs, learner, course))
        month = TruncMonth(when, output_field=DateField(), tzinfo=timezone.get_current_timezone())
        rows = records.annotate(month=month).values_list(learner, course, "month").distinct().order_by()
        found.update(rows.iterator(chunk_size=BATCH))
    return found


def _insert(rows: Iterable) -> None:
    ActivityMonth.objects.bulk_create(
        (ActivityMonth(learner_id=learner, course_key=course, month=month) for learner, course, month in rows),
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def rebuild() -> int:
    """Every month before the current one worked out again from the records; how many rows."""
    now = timezone.now()
    until = month_of(now)
    rows = _months(until)
    with transaction.atomic():
        ActivityMonth.objects.all().delete()
        _insert(rows)
        SummaryRefresh.objects.update_or_create(name=SummaryRefresh.ACTIVITY, defaults={"refreshed_at": now})
    return len(rows)


def refresh_pairs(pairs: Iterable[tuple[int, UUID]]) -> None:
    """The covered months of the pairs (learner id, course key) worked out again from their records
    (one was deleted or moved)."""
    pairs = {(learner, UUID(str(course))) for learner, course in pairs if learner is not None and course}
    if not pairs or (until := covered_until()) is None:
        return
    rows = _months(until, pairs)
    with transaction.atomic():
        ActivityMonth.objects.filter(pairs_condition(pairs, "learner_id", "course_key")).delete()
        _insert(rows)


def record(learner_id: int, course_key, moment: datetime | None) -> None:
    """An activity of ``moment`` written now: kept if its month is one the table holds. Activity of
    the current month (as nearly all is) asks nothing of the database."""
    if moment is None or course_key is None or month_of(moment) >= month_of(timezone.now()):
        return
    until = covered_until()
    if until is not None and month_of(moment) < until:
        _insert([(learner_id, course_key, month_of(moment))])


def record_session(session) -> None:
    """A session's attendance, taken or moved, when its month may be one the table holds: its
    attendees' pairs for its course worked out again (a moved session leaves its old month)."""
    learners = list(Attendance.objects.filter(session=session).values_list("learner_id", flat=True))
    if learners:
        course = session.cohort.course_key
        refresh_pairs((learner, course) for learner in learners)


def active_pairs(start: datetime, end: datetime) -> list:
    """The querysets of (learner, course) active between ``start`` and ``end``: the whole months the
    table holds read from it, the rest of the period from the records."""
    until = covered_until()
    first = month_of(start) if month_start(month_of(start)) == start else _next(month_of(start))
    last = min(month_of(end), until) if until is not None else first  # the first month not read whole
    if first >= last:
        return sources(start, end)
    whole = ActivityMonth.objects.filter(month__gte=first, month__lt=last).values_list("learner_id", "course_key")
    parts = [whole]
    if start < month_start(first):
        parts += sources(start, month_start(first))
    if month_start(last) < end:
        parts += sources(month_start(last), end)
    return parts


def _next(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)
