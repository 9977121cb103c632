"""The months of activity the report reads "active in the period" from (``reports.activity``): the
rebuild gives the months of the records, what changes a summarised month is kept as it happens, and
the figure is the records' own for any dates, whole months or parts of them."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from assessments.models import Attempt, QuizPage
from cohorts.models import Attendance, Cohort, TrainingSession
from cohorts.services import session_create
from courses.models import Enrolment, LessonProgress
from reports import activity
from reports.filters import ReportFilterForm
from reports.indicators import indicators
from reports.models import ActivityMonth, SummaryRefresh
from tests.factories import lessons_of
from tests.reports.conftest import at, attempt

pytestmark = pytest.mark.django_db

PERIODS = [
    ("2026-01-01", "2026-12-31"),  # whole months, the current one among them
    ("2026-03-02", "2026-06-15"),  # a part of a month at each end
    ("2026-03-03", "2026-03-31"),  # within one month
    ("2026-04-01", "2026-04-30"),  # one whole month
    ("2026-05-01", "2026-05-31"),  # a month nobody was active in
    ("2025-06-01", "2026-06-01"),  # across a year's end
]


def active(viewer, date_from, date_to) -> int:
    form = ReportFilterForm({"date_from": date_from, "date_to": date_to}, user=viewer)
    assert form.is_valid(), form.errors
    return indicators(viewer, form.filters()).headline["active"].value


def by_hand(date_from, date_to) -> int:
    """The learners enrolled in a course with a lesson opened, an attempt started or attendance
    taken in it in the period, counted from the records."""
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.fromisoformat(date_from), zone)
    end = timezone.make_aware(datetime.fromisoformat(date_to), zone) + timedelta(days=1)
    pairs = set()
    for progress in LessonProgress.objects.all():
        if start <= progress.last_opened_at < end:
            pairs.add((progress.learner_id, progress.course_key))
    for found in Attempt.objects.all():
        if start <= found.started_at < end:
            pairs.add((found.learner_id, found.course_key))
    for mark in Attendance.objects.select_related("session__cohort"):
        if start <= mark.session.starts_at < end:
            pairs.add((mark.learner_id, mark.session.cohort.course_key))
    enrolled = set(Enrolment.objects.values_list("learner_id", "course_key"))
    return len({learner for learner, course in pairs & enrolled})


def opened(learner, known, day):
    """A lesson's progress written with a past date, as an import writes it."""
    lesson = lessons_of(known.course)[0].translation_key
    LessonProgress.objects.create(learner=learner, course_key=known.course.translation_key, lesson_key=lesson,
                                  first_opened_at=at(day), last_opened_at=at(day))  # fmt: skip


def months() -> set:
    return set(ActivityMonth.objects.values_list("learner_id", "course_key", "month"))


def test_the_rebuild_holds_the_months_of_the_records(known):
    activity.rebuild()
    course = known.course.translation_key
    u1, u6 = known.people["u1"].pk, known.people["u6"].pk
    # u1: the pre-test in March, attendance taken in April, the post-test in June.
    assert {row for row in months() if row[0] == u1} == {
        (u1, course, date(2026, 3, 1)),
        (u1, course, date(2026, 4, 1)),
        (u1, course, date(2026, 6, 1)),
    }
    assert {row for row in months() if row[0] == u6} == {(u6, course, date(2026, 4, 1))}  # absent, but taken
    assert SummaryRefresh.objects.get(name=SummaryRefresh.ACTIVITY).refreshed_at is not None


@pytest.mark.parametrize(("date_from", "date_to"), PERIODS)
def test_active_is_the_records_figure_with_or_without_the_summary(known, date_from, date_to):
    admin = known.staff[roles.ADMIN]
    expected = by_hand(date_from, date_to)
    assert active(admin, date_from, date_to) == expected  # never built: all from the records
    activity.rebuild()
    assert active(admin, date_from, date_to) == expected


def test_the_month_of_the_last_rebuild_and_after_are_read_from_the_records(known):
    admin = known.staff[roles.ADMIN]
    activity.rebuild()
    # As on the first of a month before the nightly rebuild: the month before is not held yet.
    SummaryRefresh.objects.filter(name=SummaryRefresh.ACTIVITY).update(refreshed_at=at(date(2026, 4, 10)))
    ActivityMonth.objects.filter(month__gte=date(2026, 4, 1)).delete()
    for date_from, date_to in PERIODS:
        assert active(admin, date_from, date_to) == by_hand(date_from, date_to), (date_from, date_to)


def test_activity_entered_later_in_a_summarised_month_is_kept(known):
    admin = known.staff[roles.ADMIN]
    activity.rebuild()
    o2, course = known.people["o2"], known.course.translation_key
    assert active(admin, "2026-08-01", "2026-08-31") == 0
    pre = QuizPage.objects.get(role=QuizPage.Role.PRE_TEST)
    attempt(o2, pre, 1, 50, on=date(2026, 8, 3))  # an attempt written with its August date
    assert (o2.pk, course, date(2026, 8, 1)) in months()
    assert active(admin, "2026-08-01", "2026-08-31") == 1 == by_hand("2026-08-01", "2026-08-31")

    # A lesson's progress written with a past date (an import), and attendance of a past session.
    o1 = known.people["o1"]
    opened(o1, known, date(2026, 9, 2))
    assert (o1.pk, course, date(2026, 9, 1)) in months()
    cohort = Cohort.objects.get(name="Unit cohort")
    session = session_create(cohort=cohort, starts_at=at(date(2026, 10, 5)))
    u6 = known.people["u6"]
    Attendance.objects.create(session=session, learner=u6, recorded_by=known.staff[roles.TRAINER])
    assert (u6.pk, course, date(2026, 10, 1)) in months()
    for date_from, date_to in (*PERIODS, ("2026-09-01", "2026-10-31")):
        assert active(admin, date_from, date_to) == by_hand(date_from, date_to), (date_from, date_to)


def test_a_record_deleted_or_a_session_moved_leaves_its_month(known):
    admin = known.staff[roles.ADMIN]
    activity.rebuild()
    course, u5 = known.course.translation_key, known.people["u5"]
    # u5: a pre-test in March (deleted now), attendance in April (the session moved to May).
    Attempt.objects.filter(learner=u5).delete()
    assert (u5.pk, course, date(2026, 3, 1)) not in months()
    session = TrainingSession.objects.get(cohort__name="Unit cohort")
    session.starts_at = at(date(2026, 5, 6))
    session.save()
    assert (u5.pk, course, date(2026, 4, 1)) not in months()
    assert (u5.pk, course, date(2026, 5, 1)) in months()
    for date_from, date_to in PERIODS:
        assert active(admin, date_from, date_to) == by_hand(date_from, date_to), (date_from, date_to)


def test_activity_as_it_happens_writes_nothing_and_still_counts(known):
    admin = known.staff[roles.ADMIN]
    activity.rebuild()
    kept = months()
    o2 = known.people["o2"]
    pre = QuizPage.objects.get(role=QuizPage.Role.PRE_TEST)
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as queries:
        attempt(o2, pre, 2, 50, on=today)
    summaries = [q["sql"] for q in queries if "activitymonth" in q["sql"] or "summaryrefresh" in q["sql"]]
    assert summaries == []  # nothing asked of the summary
    assert months() == kept
    period = (today.replace(day=1).isoformat(), today.isoformat())
    assert active(admin, *period) == by_hand(*period) >= 1


def test_the_rebuild_catches_a_lesson_reopened_in_a_later_month(known):
    """Opening a lesson moves its last opening in one statement, which no receiver hears: the
    month it leaves stays in the summary until the nightly rebuild."""
    admin = known.staff[roles.ADMIN]
    o1, course = known.people["o1"], known.course.translation_key
    opened(o1, known, date(2026, 9, 2))
    activity.rebuild()
    LessonProgress.objects.filter(learner=o1).update(last_opened_at=timezone.now())  # as reopening it does
    call_command("rebuild_activity", stdout=io.StringIO())
    assert (o1.pk, course, date(2026, 9, 1)) not in months()
    assert active(admin, "2026-09-01", "2026-09-30") == by_hand("2026-09-01", "2026-09-30")


def test_the_page_says_when_the_activity_was_last_worked_out(client, known):
    client.force_login(known.staff[roles.ADMIN])
    response = client.get(reverse("reports"))
    assert response.context["activity_refreshed"] is None
    activity.rebuild()
    response = client.get(reverse("reports"))
    assert response.context["activity_refreshed"]
    assert response.context["activity_refreshed"] in response.content.decode()
