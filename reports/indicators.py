"""The programme's indicators, computed in the database in a fixed number of queries.

Each indicator is one query over one kind of record (enrolments, attempts, certificates,
attendance), narrowed to the people the viewer's reports count (``reports.permissions``) and to the
filters, and grouped with ``values(...).annotate(...)`` by the table's dimension. What each counts:

- enrolled: people who enrolled in a course in the period;
- active: enrolled people with any lesson opened, attempt started or attendance taken in the period;
- completed: people whose enrolment was completed in the period;
- certified valid / expired / revoked: people with a certificate issued in the period, by its state
  today; expiring: people whose valid certificate ends within the next 90 days;
- quiz pass rate: attempts submitted in the period that passed, out of those submitted;
- pre-test, post-test and gain: per learner and course, the grades of ``assessments.results``
  (each quiz's grading method), over the pairs whose post-test was submitted in the period;
- attendance rate: attendance marked present or late, out of all marked, for sessions in the period.

The per-learner grade of a quiz depends on its grading method (first, last, highest, average of
attempts), whose one home is ``assessments.results.grade``; rather than write it again in SQL, the
gain is computed from the rows of ONE query (the marked attempts at pre- and post-tests), in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Region, User
from assessments.models import Attempt, QuizPage
from assessments.results import gain, grade
from certificates.models import Certificate
from cohorts.courses_lookup import courses_by_key
from cohorts.models import Attendance
from core import formatting
from courses import page_cache
from courses.models import Enrolment

from . import activity, test_pairs
from .filters import Filters, GroupBy
from .models import TestPair
from .permissions import (
    learners_reported_to,
    records_reported_to,
    reports_reach_by_organisation,
    reports_reach_everyone,
    sessions_reported_to,
)

# A cell counting fewer people than this is shown as "<5" where the rule applies (architecture §7, "A new report").
SMALL_CELL = 5
EXPIRY_WINDOW_DAYS = 90

COUNTS = ("enrolled", "active", "completed", "certified_valid", "certified_expired", "certified_revoked", "expiring")
LABELS = {
    "enrolled": _("Enrolled"),
    "active": _("Active in the period"),
    "completed": _("Completed"),
    "certified_valid": _("Certified, valid"),
    "certified_expired": _("Certified, expired"),
    "certified_revoked": _("Certificates revoked"),
    "expiring": _("Certificates expiring in the next 90 days"),
    "pass_rate": _("Quiz pass rate"),
    "pre_test": _("Average pre-test score"),
    "post_test": _("Average post-test score"),
    "gain": _("Average gain"),
    "pairs": _("Pre- and post-test pairs"),
    "attendance_rate": _("Attendance rate"),
}
COLUMNS = (*COUNTS, "pass_rate", "pre_test", "post_test", "gain", "pairs", "attendance_rate")


@dataclass(frozen=True)
class Cell:
    """One figure and the number of people it rests on (for the small-cell rule)."""

    value: int | Decimal | None
    people: int
    percent: bool = False

    def hidden(self, hide_small: bool) -> bool:
        """Whether the small-cell rule hides this figure: it rests on 1 to 4 people."""
        return hide_small and 0 < self.people < SMALL_CELL

    def shown(self, hide_small: bool) -> str:
        if self.hidden(hide_small):
            return str(_("<5"))
        if self.value is None:
            return "–"
        if isinstance(self.value, Decimal):
            # Written as every page and file writes numbers (core.formatting): "87.5%", gains in points.
            return formatting.percent(self.value) if self.percent else formatting.number(self.value, 1)
        return str(self.value)


@dataclass
class Report:
    headline: dict[str, Cell]
    rows: list[tuple[str, dict[str, Cell]]] = field(default_factory=list)
    # What the charts are drawn from: the figures of each month (first day → cells), or of each
    # region by its code (``accounts.regions``), when the report is grouped so.
    by_month: dict[date, dict[str, Cell]] = field(default_factory=dict)
    by_region: dict[str, dict[str, Cell]] = field(default_factory=dict)


# --- Where the records are, per model -----------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    learner: str  # the path to the learner, "learner" or "learner__..."
    course: str  # the path to the course key
    when: str  # the date or datetime the period applies to, and TruncMonth groups by
    # When the record began, for a trainer's reach (the trainee was in their cohort then); None for
    # a record that is the trainee's present state; "cohort" for records of a cohort's sessions.
    since: str | None = None


def _bounds(filters: Filters) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(filters.date_from, time.min, tzinfo=zone)
    end = datetime.combine(filters.date_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _in_period(path: str, filters: Filters, *, dates: bool = False) -> Q:
    if dates:
        return Q(**{f"{path}__gte": filters.date_from, f"{path}__lte": filters.date_to})
    start, end = _bounds(filters)
    return Q(**{f"{path}__gte": start, f"{path}__lt": end})


def _people(user, filters: Filters):
    """The people counted, as a subquery of their keys; None for everyone (no condition needed)."""
    narrowed = filters.organisation or filters.region or filters.position or filters.gender
    if reports_reach_everyone(user) and not narrowed:
        # Every record's learner is a person: a condition on every account would only cost a join.
        return None
    return people_filtered(learners_reported_to(user), filters)


def people_filtered(people, filters: Filters):
    """``people`` narrowed by the filters on people, as a subquery of their ids."""
    if filters.organisation is not None:
        people = people.filter(organisation__path__startswith=filters.organisation.path)
    if filters.region is not None:
        # A person's own region, else their organisation's.
        people = people.filter(Q(region=filters.region) | Q(region__isnull=True, organisation__region=filters.region))
    if filters.position:
        # As written: SQLite folds only Latin letters, so a case-blind match would differ by database.
        people = people.filter(position=filters.position)
    if filters.gender:
        people = people.filter(gender=filters.gender)
    return people.values("pk")


def _records(queryset, source: _Source, user, filters: Filters):
    if (people := _people(user, filters)) is not None:
        queryset = queryset.filter(**{f"{source.learner}__in": people})
    if source.since == "cohort":
        if (cohorts := sessions_reported_to(user)) is not None:
            queryset = queryset.filter(session__cohort__in=cohorts)
    elif (condition := records_reported_to(user, since=source.since)) is not None:
        queryset = queryset.filter(condition)
    if filters.course_key is not None:
        queryset = queryset.filter(**{source.course: filters.course_key})
    return queryset


def _dimension(source: _Source, group_by: str):
    """The expression the table groups ``source``'s records by; None for no grouping."""
    person = source.learner
    return {
        GroupBy.NONE: None,
        GroupBy.ORGANISATION: F(f"{person}__organisation"),
        GroupBy.REGION: Coalesce(f"{person}__region", f"{person}__organisation__region"),
        GroupBy.GENDER: F(f"{person}__gender"),
        # Two dimensions as one key, "<region id>:<gender>", so that every indicator groups by it
        # as by any other; ``_labels`` reads it back.
        GroupBy.REGION_GENDER: Concat(
            Cast(Coalesce(f"{person}__region", f"{person}__organisation__region"), CharField()),
            Value(":"),
            F(f"{person}__gender"),
            output_field=CharField(),
        ),
        GroupBy.POSITION: F(f"{person}__position"),
        GroupBy.COURSE: F(source.course),
        GroupBy.MONTH: TruncMonth(source.when),
    }[group_by]


def _grouped(queryset, source: _Source, group_by: str, **aggregates) -> dict:
    """{group: {name: value}} of ``aggregates`` over ``queryset``, one query; the group is None
    without grouping."""
    dimension = _dimension(source, group_by)
    if dimension is None:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.annotate(group=dimension).values("group").annotate(**aggregates).order_by()
    return {row.pop("group"): row for row in rows}


def _people_count(source: _Source, condition: Q | None = None) -> Count:
    return Count(source.learner, distinct=True, filter=condition)


# --- The indicators -----------------------------------------------------------------------------

ENROLMENTS = _Source("learner", "course_key", "enrolled_at")
COMPLETIONS = _Source("learner", "course_key", "completed_at")
CERTIFICATES = _Source("learner", "course_key", "issued_on", since="created_at")
ATTEMPTS = _Source("learner", "course_key", "submitted_at", since="started_at")
ATTENDANCE = _Source("learner", "session__cohort__course_key", "session__starts_at", since="cohort")
TEST_PAIRS = _Source("learner", "course_key", "posted_at")


def _active_in_period(table: str, start: datetime, end: datetime) -> RawSQL:
    """A condition on ``table``'s rows (a learner and a course key): the learner opened a lesson of
    the course, started an attempt at one of its quizzes, or had attendance taken at one of its
    sessions, between ``start`` and ``end``.

    Written as one set of (learner, course) pairs the enrolment is looked up in, rather than three
    lookups for every enrolment; the period's whole months come from the summary of activity
    (``reports.activity``: a row per learner, course and month), only the rest of the period from
    the records themselves."""
    selects, params = [], []
    for part in activity.active_pairs(start, end):
        sql, part_params = part.order_by().query.sql_with_params()
        selects.append(sql)
        params.extend(part_params)
    quote = connection.ops.quote_name
    pair = f"({quote(table)}.{quote('learner_id')}, {quote(table)}.{quote('course_key')})"
    return RawSQL(f"{pair} IN ({' UNION ALL '.join(selects)})", params, output_field=BooleanField())  # noqa: S611 - SQL compiled by Django, values as parameters


def _enrolments(user, filters: Filters) -> dict:
    records = _records(Enrolment.objects.all(), ENROLMENTS, user, filters)
    enrolled, completed = _in_period("enrolled_at", filters), _in_period("completed_at", filters)
    if filters.group_by == GroupBy.MONTH:
        # Completion is grouped by the month it happened in, not the enrolment's.
        # Activity has no one date to put in a month: the monthly table leaves it out.
        return _merge(
            _grouped(records.filter(enrolled), ENROLMENTS, filters.group_by, enrolled=_people_count(ENROLMENTS)),
            _grouped(records.filter(completed), COMPLETIONS, filters.group_by, completed=_people_count(COMPLETIONS)),
        )
    # Enrolled and completed in one pass over the period's enrolments (grouped, one join of each to
    # its person, not two). Activity is a query of its own: as a FILTER its set of pairs would be
    # looked up row by row, unhashed, where as a condition it is one hash join.
    counted = _grouped(
        records.filter(enrolled | completed),
        ENROLMENTS,
        filters.group_by,
        enrolled=_people_count(ENROLMENTS, enrolled),
        completed=_people_count(COMPLETIONS, completed),
    )
    start, end = _bounds(filters)
    active = _active_in_period(Enrolment._meta.db_table, start, end)
    active_rows = _grouped(records.filter(active), ENROLMENTS, filters.group_by, active=_people_count(ENROLMENTS))
    return _merge(counted, active_rows)


def _certificates(user, filters: Filters) -> dict:
    today = timezone.localdate()
    records = _records(Certificate.objects.filter(state__in=Certificate.PUBLISHED_STATES), CERTIFICATES, user, filters)
    issued = _in_period("issued_on", filters, dates=True)
    valid = Q(state=Certificate.State.ISSUED) & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))
    expired = Q(state=Certificate.State.ISSUED, expires_on__lt=today)
    expiring = Q(
        state=Certificate.State.ISSUED,
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=EXPIRY_WINDOW_DAYS),
    )
    return _grouped(
        records,
        CERTIFICATES,
        filters.group_by,
        certified_valid=_people_count(CERTIFICATES, issued & valid),
        certified_expired=_people_count(CERTIFICATES, issued & expired),
        certified_revoked=_people_count(CERTIFICATES, issued & Q(state=Certificate.State.REVOKED)),
        expiring=_people_count(CERTIFICATES, expiring),
    )


def _quizzes(user, filters: Filters) -> dict:
    submitted = _records(
        Attempt.objects.filter(_in_period("submitted_at", filters), state=Attempt.State.SUBMITTED),
        ATTEMPTS,
        user,
        filters,
    )
    return _grouped(
        submitted,
        ATTEMPTS,
        filters.group_by,
        attempts=Count("pk"),
        attempts_passed=Count("pk", filter=Q(passed=True)),
        quiz_people=_people_count(ATTEMPTS),
    )


def _attendance(user, filters: Filters) -> dict:
    taken = _records(Attendance.objects.filter(_in_period("session__starts_at", filters)), ATTENDANCE, user, filters)
    return _grouped(
        taken,
        ATTENDANCE,
        filters.group_by,
        sessions_taken=Count("pk"),
        sessions_attended=Count("pk", filter=Q(status__in=Attendance.ATTENDED)),
        attendance_people=_people_count(ATTENDANCE),
    )


def cached_test_quizzes() -> dict:
    """{quiz key: (role, grading method)} of every pre-test and post-test, kept with the page tree:
    looked up once, not once per attempt in the query."""
    return page_cache.cached("report-test-quizzes", "", test_pairs.test_quizzes)


def _post_tests() -> list:
    return [key for key, (role, _method) in cached_test_quizzes().items() if role == QuizPage.Role.POST_TEST]


def _tests(user, filters: Filters) -> dict:
    """The sums of the pre-test and post-test grades and of the gains, and the number of pairs, per
    group, over the pairs with a marked post-test submitted in the period."""
    post_tests = _post_tests()
    if not post_tests:
        return {}
    if not reports_reach_by_organisation(user):
        # A trainer counts only the attempts made while in their cohort: the grades differ from
        # the learner's own, worked out from those attempts (a few cohorts' worth).
        return _tests_from_attempts(user, filters)
    start, end = _bounds(filters)
    posted = Attempt.objects.filter(
        learner=OuterRef("learner"),
        course_key=OuterRef("course_key"),
        quiz_key__in=post_tests,
        state=Attempt.State.SUBMITTED,
        percent__isnull=False,
        submitted_at__gte=start,
        submitted_at__lt=end,
    )
    pairs = TestPair.objects.filter(Exists(posted))
    if filters.group_by == GroupBy.MONTH:
        # The month of the pair's last marked post-test of the period.
        latest = posted.order_by("-started_at", "-pk").values("submitted_at")[:1]
        pairs = pairs.annotate(posted_at=Subquery(latest))
    return _grouped(
        _records(pairs, TEST_PAIRS, user, filters),
        TEST_PAIRS,
        filters.group_by,
        pre_sum=Sum("pre_test"),
        post_sum=Sum("post_test"),
        gain_sum=Sum("gain"),
        pairs=Count("pk"),
    )


def _tests_from_attempts(user, filters: Filters) -> dict:
    """``_tests`` from the attempts the viewer sees, graded here by ``assessments.results``."""
    tests = cached_test_quizzes()
    post_tests = _post_tests()
    rows = _records(
        Attempt.objects.filter(state=Attempt.State.SUBMITTED, percent__isnull=False, quiz_key__in=list(tests)),
        ATTEMPTS,
        user,
        filters,
    )
    # Only the learners and courses with a post-test submitted in the period.
    start, end = _bounds(filters)
    rows = rows.filter(
        Exists(
            Attempt.objects.filter(
                learner=OuterRef("learner"),
                course_key=OuterRef("course_key"),
                quiz_key__in=post_tests,
                state=Attempt.State.SUBMITTED,
                submitted_at__gte=start,
                submitted_at__lt=end,
            )
        )
    )
    in_period = ExpressionWrapper(Q(submitted_at__gte=start, submitted_at__lt=end), output_field=BooleanField())
    rows = rows.annotate(in_period=in_period)
    fields = ["learner", "course_key", "quiz_key", "percent", "in_period"]
    dimension = _dimension(ATTEMPTS, filters.group_by)
    if dimension is not None:
        rows = rows.annotate(group=dimension)
        fields.append("group")
    rows = rows.values_list(*fields).order_by("learner", "started_at", "pk")
    # attempts[(learner, course)][quiz] = (role, method, [attempts]); the pair's group is its post-test's.
    attempts: dict = defaultdict(dict)
    groups: dict = {}
    for learner, course_key, quiz_key, percent, post_in_period, *group in rows:
        role, method = tests[quiz_key]
        pair = (learner, course_key)
        marked = {"state": Attempt.State.SUBMITTED, "percent": percent}  # as grade() reads an attempt
        attempts[pair].setdefault(quiz_key, (role, method, []))[2].append(marked)
        if role == QuizPage.Role.POST_TEST and post_in_period:
            groups[pair] = group[0] if group else None
    sums: dict = defaultdict(
        lambda: {"pre_sum": Decimal(0), "post_sum": Decimal(0), "gain_sum": Decimal(0), "pairs": 0}
    )
    for pair, group in groups.items():
        grades = {role: grade(method, quiz_rows) for role, method, quiz_rows in attempts[pair].values()}
        if (result := gain(grades)) is None:
            continue
        total = sums[group]
        for name in ("pre", "post", "gain"):
            total[f"{name}_sum"] += result[name]
        total["pairs"] += 1
    return dict(sums)


def _merge(*parts: dict) -> dict:
    merged: dict = defaultdict(dict)
    for part in parts:
        for group, values in part.items():
            merged[group].update(values)
    return merged


def _cells(values: dict) -> dict[str, Cell]:
    def rate(part, whole, people):
        if not whole:
            return Cell(None, people, percent=True)
        return Cell(Decimal(100) * part / whole, people, percent=True)

    cells = {name: Cell(values.get(name) or 0, values.get(name) or 0) for name in COUNTS}
    quiz_people = values.get("quiz_people") or 0
    cells["pass_rate"] = rate(values.get("attempts_passed") or 0, values.get("attempts") or 0, quiz_people)
    pairs = values.get("pairs") or 0
    for name, total in (("pre_test", "pre_sum"), ("post_test", "post_sum"), ("gain", "gain_sum")):
        average = Decimal(values[total]) / pairs if pairs and values.get(total) is not None else None
        cells[name] = Cell(average, pairs, percent=name != "gain")
    cells["pairs"] = Cell(pairs, pairs)
    attendance_people = values.get("attendance_people") or 0
    cells["attendance_rate"] = rate(
        values.get("sessions_attended") or 0, values.get("sessions_taken") or 0, attendance_people
    )
    return cells


def _figures(user, filters: Filters) -> dict:
    return _merge(
        _enrolments(user, filters),
        _certificates(user, filters),
        _quizzes(user, filters),
        _attendance(user, filters),
        _tests(user, filters),
    )


def _labels(group_by: str, groups) -> dict:
    """A readable name for each group, in one query at most."""
    groups = [group for group in groups if group is not None]
    if group_by == GroupBy.ORGANISATION:
        return {o.pk: o.name for o in Organisation.objects.filter(pk__in=groups)}
    if group_by == GroupBy.REGION:
        return {r.pk: r for r in Region.objects.filter(pk__in=groups)}  # a region: its name, its code
    if group_by == GroupBy.GENDER:
        return dict(User.Gender.choices)
    if group_by == GroupBy.REGION_GENDER:
        return _region_and_gender(groups)
    if group_by == GroupBy.COURSE:
        return {key: course.title for key, course in courses_by_key(groups).items()}
    if group_by == GroupBy.MONTH:
        return {month: _month(month) for month in groups}
    return {group: group for group in groups}


def _region_and_gender(groups) -> dict:
    """ "Архангай аймаг · Эмэгтэй" for each "<region id>:<gender>" key (either part may be empty)."""
    parts = {group: str(group).partition(":")[::2] for group in groups}
    regions = Region.objects.in_bulk([int(region) for region, _gender in parts.values() if region.isdigit()])
    genders = dict(User.Gender.choices)
    unknown = _("Not stated")
    labels = {}
    for group, (region, gender) in parts.items():
        where = regions.get(int(region)).name if region.isdigit() and int(region) in regions else unknown
        labels[group] = f"{where} · {genders.get(gender) or unknown}"
    return labels


def _month(value) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return f"{day.year}-{day.month:02d}"


def _month_key(group):
    # Enrolment months come as datetimes, certificate months as dates: one key for both.
    if isinstance(group, datetime):
        return timezone.localtime(group).date().replace(day=1) if timezone.is_aware(group) else group.date()
    if isinstance(group, date):
        return group.replace(day=1)
    return group


# The groupings that put each person in exactly one group (a course or a month may hold the same
# person twice): every figure of the whole, people counted once included, is the sum of the groups'.
PARTITIONS = (GroupBy.ORGANISATION, GroupBy.REGION, GroupBy.GENDER, GroupBy.REGION_GENDER, GroupBy.POSITION)


def _summed(groups) -> dict:
    total: dict = {}
    for values in groups:
        for name, value in values.items():
            if value is not None:
                total[name] = total.get(name, 0) + value
    return total


def indicators(user, filters: Filters) -> Report:
    """The figures of ``filters`` over the people ``user``'s reports count: the headline and, when
    ``filters.group_by`` says so, one row per group."""
    if filters.group_by == GroupBy.NONE:
        return Report(headline=_cells(_figures(user, filters)[None]))
    figures = _figures(user, filters)
    if filters.group_by in PARTITIONS:
        # Each person falls in exactly one group (those with none stated in the group None): the
        # whole is the sum of the groups, not a second pass over the records.
        headline = _cells(_summed(figures.values()))
    else:
        headline = _cells(_figures(user, Filters(**{**filters.__dict__, "group_by": GroupBy.NONE}))[None])
    if filters.group_by == GroupBy.MONTH:
        figures = _merge(*({_month_key(group): values} for group, values in figures.items()))
    labels = _labels(filters.group_by, figures.keys())
    unknown = str(_("Not stated"))
    report = Report(headline=headline)
    for group, values in sorted(figures.items(), key=lambda item: (item[0] is None, str(item[0]))):
        cells, label = _cells(values), labels.get(group)
        report.rows.append((str(getattr(label, "name", label) or unknown), cells))
        if filters.group_by == GroupBy.MONTH and group is not None:
            report.by_month[group] = cells
        elif filters.group_by == GroupBy.REGION and label is not None:
            report.by_region[label.code] = cells
    rows = report.rows
    if filters.group_by == GroupBy.MONTH:
        # Activity has no one month (a lesson opened in March, a test in May): shown as "–", not 0.
        for _label, cells in rows:
            cells["active"] = Cell(None, 0)
    else:
        rows.sort(key=lambda row: (row[0] == unknown, formatting.mongolian_sort_key(row[0])))
    return report
