"""Reads that cohort views and the API share: the progress matrix, the cascade tree, lists.

Each is built with a fixed number of queries whatever the number of trainees, lessons or
quizzes (architecture §6): the course outline comes from the page cache, and the learners'
records come in one query per kind, matched to the outline in Python by translation key.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from assessments import results
from assessments.models import Attempt, Observation, PracticalAssessmentPage, QuizPage
from core.formatting import by_name, mongolian_sort_key
from courses.models import LessonProgress
from courses.outline import CourseOutline, course_outline
from courses.page_cache import cached

from .courses_lookup import course_for_key, courses_by_key
from .models import Attendance, Cohort, CohortMembership, TeachingAuthorisation, TrainingSession

# A trainee who failed this many attempts of a quiz they have not passed is flagged.
FAILED_ATTEMPTS_AT_RISK = 2

# Each state has a word and a symbol, so the matrix reads without colour.
STATES = {
    "done": ("✓", gettext_lazy("Complete")),
    "in_progress": ("◐", gettext_lazy("In progress")),
    "not_started": ("○", gettext_lazy("Not started")),
    "passed": ("✓", gettext_lazy("Passed")),
    "failed": ("✗", gettext_lazy("Not passed")),
    "waiting": ("…", gettext_lazy("Waiting for marking")),
    "in_attempt": ("◐", gettext_lazy("Attempt in progress")),
    "to_observe": ("○", gettext_lazy("Not yet observed")),
}


@dataclass
class Column:
    key: UUID
    kind: str  # "module", "quiz" or "practical"
    title: str
    short: str  # M1, Q2, P1: the column header on a phone
    required: bool = True


@dataclass
class Cell:
    state: str
    detail: str = ""

    @property
    def symbol(self) -> str:
        return STATES[self.state][0]

    @property
    def label(self) -> str:
        return _state_label(self.state, translation.get_language())


@functools.lru_cache(maxsize=64)
def _state_label(state: str, language: str | None) -> str:
    # A matrix of a hundred trainees has a thousand cells and a handful of states: each state's
    # words are looked up once per language, not once per cell.
    return str(STATES[state][1])


@dataclass
class Row:
    membership: CohortMembership
    cells: list[Cell]
    percent: int
    last_activity: datetime | None
    attended: int
    risks: list[str] = field(default_factory=list)
    failed_attempts: int = 0
    waiting_marks: int = 0
    # Required practical assessments not yet passed: the trainer still has to observe them.
    waiting_observations: int = 0
    # Post-test minus pre-test, in percentage points, once both are marked.
    gain: Decimal | None = None

    @property
    def learner(self):
        return self.membership.learner


@dataclass
class Matrix:
    cohort: Cohort
    outline: CourseOutline | None
    columns: list[Column]
    rows: list[Row]
    sessions_taken: int

    @property
    def waiting_marks(self) -> int:
        return sum(row.waiting_marks for row in self.rows)

    @property
    def waiting_observations(self) -> int:
        return sum(row.waiting_observations for row in self.rows)

    @property
    def has_practical(self) -> bool:
        return any(column.kind == "practical" for column in self.columns)

    @property
    def average_gain(self) -> Decimal | None:
        gains = [row.gain for row in self.rows if row.gain is not None]
        return (sum(gains) / len(gains)).quantize(Decimal("0.1")) if gains else None

    @property
    def gains_measured(self) -> int:
        return sum(1 for row in self.rows if row.gain is not None)

    @property
    def at_risk(self) -> int:
        return sum(1 for row in self.rows if row.risks)


def _columns(outline: CourseOutline) -> list[Column]:
    """A column per module, and after each module one per quiz and practical assessment in it."""
    columns = []
    counted = {"quiz": 0, "practical": 0}
    for number, module in enumerate(outline.modules, start=1):
        # The headings' letters are the first letters of the words in the reader's language (М, С, П
        # in Mongolian: модуль, сорил, практик үнэлгээ); the full title is the heading's <abbr> title.
        short = pgettext("first letter of 'module' in a progress matrix heading", "M")
        columns.append(Column(key=module.key, kind="module", title=module.page.title, short=f"{short}{number}"))
        for item in module.lessons:
            if isinstance(item.page, QuizPage):
                kind, letter = "quiz", pgettext("first letter of 'quiz' in a progress matrix heading", "Q")
            elif isinstance(item.page, PracticalAssessmentPage):
                kind, letter = "practical", pgettext("first letter of 'practical' in a progress matrix heading", "P")
            else:
                continue
            counted[kind] += 1
            columns.append(
                Column(
                    key=item.key,
                    kind=kind,
                    title=item.page.title,
                    short=f"{letter}{counted[kind]}",
                    required=item.page.required,
                )
            )
    return columns


def _quiz_cell(attempts: list[dict], rule: dict | None) -> tuple[Cell, int, int]:
    """The cell, the failed attempts (when not passed) and the answers waiting for a mark."""
    if not attempts:
        return Cell("not_started"), 0, 0
    waiting = sum(1 for a in attempts if a["needs_grading"])
    grade = results.grade(rule["grading_method"] if rule else QuizPage.GradingMethod.HIGHEST, attempts)
    passed = any(a["passed"] for a in attempts)
    failed = sum(1 for a in attempts if a["passed"] is False)
    detail = f"{grade:.0f}%" if grade is not None else ""
    if passed:
        return Cell("passed", detail), 0, waiting
    if waiting:
        return Cell("waiting", detail), 0, waiting
    if any(a["state"] == Attempt.State.IN_PROGRESS for a in attempts) and grade is None:
        return Cell("in_attempt"), 0, 0
    return Cell("failed", detail), failed, waiting


def practical_cell(observations: list[dict]) -> Cell:
    """Passed with the best passing score; else the latest score; else not yet observed."""
    if not observations:
        return Cell("to_observe")
    passing = [o["percent"] for o in observations if o["passed"]]
    if passing:
        return Cell("passed", f"{max(passing):.0f}%")
    return Cell("failed", f"{observations[-1]['percent']:.0f}%")


def observations_by_learner(
    learner_ids: list[int], course_key: UUID, *, since: dict[int, datetime] | None = None
) -> dict[tuple[int, UUID], list[dict]]:
    """Each trainee's observations of each practical assessment of the course, oldest first: one query.
    With ``since`` (learner id → when they joined the cohort), only those recorded from then on."""
    found: dict[tuple[int, UUID], list[dict]] = defaultdict(list)
    for observation in (
        Observation.objects.filter(learner_id__in=learner_ids, course_key=course_key)
        .order_by("number")
        .values("learner_id", "assessment_key", "passed", "percent", "observed_on", "number", "pk", "recorded_at")
    ):
        if since is not None and observation["recorded_at"] < since[observation["learner_id"]]:
            continue
        found[(observation["learner_id"], observation["assessment_key"])].append(observation)
    return found


def joined_at_of(memberships) -> dict[int, datetime]:
    """When each trainee joined the cohort: a cohort shows what they did from then on, not what they
    did before, for another trainer or on their own."""
    return {membership.learner_id: membership.joined_at for membership in memberships}


# What the matrix reads of each membership: the rest of the rows' columns are never shown.
MEMBERSHIP_FIELDS = (
    "cohort_id", "learner_id", "enrolment_id", "status", "source", "joined_at",
    "learner__email", "learner__first_name", "learner__last_name", "learner__latin_first_name",
    "learner__latin_last_name", "learner__position", "learner__organisation_id", "learner__is_active",
    "enrolment__last_activity_at", "enrolment__completed_at",
)  # fmt: skip


def _module_counts(outline: CourseOutline, learner_ids: list[int], course_key: UUID) -> dict[int, dict]:
    """Per learner, how many required items of each module they completed and opened, and of the
    whole course: counted by the database in one row per learner, not one row per lesson."""
    if not learner_ids:
        return {}
    done = Q(completed_at__isnull=False)
    counts = {"done_required": Count("id", filter=done & Q(lesson_key__in=outline.required_keys))}
    for module in outline.modules:
        keys = Q(lesson_key__in=module.required_keys)
        counts[f"done_{module.key.hex}"] = Count("id", filter=done & keys)
        # Any item of the module opened, required or not, means the trainee has started it.
        counts[f"opened_{module.key.hex}"] = Count("id", filter=Q(lesson_key__in=[i.key for i in module.lessons]))
    rows = (
        LessonProgress.objects.filter(learner_id__in=learner_ids, course_key=course_key)
        .values("learner_id")
        .annotate(**counts)
    )
    return {row["learner_id"]: row for row in rows}


@dataclass
class _CohortRecords:
    """What the matrix reads in bulk for all of a cohort's trainees before it builds a row."""

    columns: list[Column]
    module_counts: dict[int, dict]
    rules: dict[UUID, dict]  # quiz key → its grading method and role
    tests: dict[str, UUID]  # pre-test or post-test → its quiz key
    attempts: dict[tuple[int, UUID], list[dict]]
    latest_attempt: dict[int, datetime]
    observations: dict[tuple[int, UUID], list[dict]]
    attended: dict[int, int]
    sessions_taken: int
    required: set[UUID]  # the course's required items
    required_of: dict[UUID, set[UUID]]  # and each module's, by its key


def _members_shown(cohort: Cohort) -> list:
    """The cohort's active and completed members, by name, with only the fields the matrix shows."""
    return list(
        cohort.memberships.filter(status__in=[CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED])
        .select_related("learner", "enrolment")
        .only(*MEMBERSHIP_FIELDS)
        .order_by(*by_name("learner__"))
    )


def _quiz_rules(columns: list[Column]) -> dict[UUID, dict]:
    """Each quiz column's grading method and role (quiz, pre-test or post-test): page content, so
    cached with the page tree (the dashboard and the progress matrix ask on every visit)."""
    quiz_keys = sorted(str(c.key) for c in columns if c.kind == "quiz")
    return cached("quiz-rules", ",".join(quiz_keys), lambda: _read_quiz_rules(quiz_keys))


def _read_quiz_rules(quiz_keys: list[str]) -> dict[UUID, dict]:
    return {
        row["translation_key"]: row
        for row in QuizPage.objects.filter(translation_key__in=quiz_keys).values(
            "translation_key", "grading_method", "role"
        )
    }


def _attempts_since_joining(
    learner_ids: list[int], course_key: UUID, joined: dict[int, datetime]
) -> tuple[dict[tuple[int, UUID], list[dict]], dict[int, datetime]]:
    """Each trainee's attempts at each quiz since they joined, oldest first, and the moment of each
    trainee's latest one: one query."""
    attempts: dict[tuple[int, UUID], list[dict]] = defaultdict(list)
    latest_attempt: dict[int, datetime] = {}
    for attempt in (
        Attempt.objects.filter(learner_id__in=learner_ids, course_key=course_key)
        .order_by("number")
        .values("learner_id", "quiz_key", "state", "percent", "passed", "needs_grading", "started_at", "submitted_at")
    ):
        if attempt["started_at"] < joined[attempt["learner_id"]]:
            continue
        attempts[(attempt["learner_id"], attempt["quiz_key"])].append(attempt)
        moment = attempt["submitted_at"] or attempt["started_at"]
        if moment and (attempt["learner_id"] not in latest_attempt or moment > latest_attempt[attempt["learner_id"]]):
            latest_attempt[attempt["learner_id"]] = moment
    return attempts, latest_attempt


def _attended_counts(cohort: Cohort) -> dict[int, int]:
    """How many of the cohort's sessions each trainee attended: one query."""
    return dict(
        Attendance.objects.filter(session__cohort=cohort, status__in=Attendance.ATTENDED)
        .values("learner_id")
        .annotate(n=Count("id"))
        .values_list("learner_id", "n")
    )


def _cohort_records(cohort: Cohort, outline: CourseOutline, memberships: list, sessions_taken: int) -> _CohortRecords:
    columns = _columns(outline)
    learner_ids = [m.learner_id for m in memberships]
    module_counts = _module_counts(outline, learner_ids, cohort.course_key)
    rules = _quiz_rules(columns)
    tests = {rule["role"]: key for key, rule in rules.items() if rule["role"] != QuizPage.Role.QUIZ}
    joined = joined_at_of(memberships)
    attempts, latest_attempt = _attempts_since_joining(learner_ids, cohort.course_key, joined)
    observations = (
        observations_by_learner(learner_ids, cohort.course_key, since=joined)
        if any(column.kind == "practical" for column in columns)
        else {}
    )
    return _CohortRecords(
        columns=columns,
        module_counts=module_counts,
        rules=rules,
        tests=tests,
        attempts=attempts,
        latest_attempt=latest_attempt,
        observations=observations,
        attended=_attended_counts(cohort),
        sessions_taken=sessions_taken,
        required=outline.required_keys,
        required_of={module.key: module.required_keys for module in outline.modules},
    )


def _module_cell(done: int, opened: int, size: int) -> Cell:
    if done == size:
        return Cell("done", f"{done}/{size}")
    if done or opened:
        return Cell("in_progress", f"{done}/{size}")
    return Cell("not_started", f"0/{size}")


@dataclass
class _Cells:
    """One trainee's cells, and the counts the row's flags are made of."""

    cells: list[Cell] = field(default_factory=list)
    failed: int = 0
    waiting: int = 0
    to_observe: int = 0


def _cells_of(learner_id: int, records: _CohortRecords) -> _Cells:
    counts = records.module_counts.get(learner_id, {})
    found = _Cells()
    for column in records.columns:
        if column.kind == "module":
            done, opened = counts.get(f"done_{column.key.hex}", 0), counts.get(f"opened_{column.key.hex}", 0)
            found.cells.append(_module_cell(done, opened, len(records.required_of[column.key])))
        elif column.kind == "practical":
            cell = practical_cell(records.observations.get((learner_id, column.key), []))
            found.cells.append(cell)
            found.to_observe += column.required and cell.state != "passed"
        else:
            attempts = records.attempts[(learner_id, column.key)]
            cell, failed, waiting = _quiz_cell(attempts, records.rules.get(column.key))
            found.cells.append(cell)
            found.failed += failed
            found.waiting += waiting
    return found


def _last_activity(membership, latest_attempt: datetime | None) -> datetime | None:
    """The later of the trainee's last activity in the course and their latest attempt."""
    enrolment = membership.enrolment
    return max(
        (t for t in (enrolment.last_activity_at if enrolment else None, latest_attempt) if t),
        default=None,
    )


def _gain(learner_id: int, records: _CohortRecords) -> Decimal | None:
    """Post-test minus pre-test, once both are marked."""
    grades = {
        role: results.grade(records.rules[key]["grading_method"], records.attempts[(learner_id, key)])
        for role, key in records.tests.items()
    }
    gain = results.gain(grades)
    return gain["gain"] if gain else None


def _risks(cohort: Cohort, row: Row, sessions_taken: int, now: datetime) -> list[str]:
    """Why an active trainee may be falling behind: inactivity, failed attempts, low attendance."""
    risks = []
    if now - (row.last_activity or row.membership.joined_at) > timedelta(days=cohort.inactive_days):
        risks.append(_("Inactive for more than %(days)s days") % {"days": cohort.inactive_days})
    if row.failed_attempts >= FAILED_ATTEMPTS_AT_RISK:
        risks.append(_("%(count)s failed attempts") % {"count": row.failed_attempts})
    if (
        cohort.min_attendance_percent
        and sessions_taken
        and 100 * row.attended / sessions_taken < cohort.min_attendance_percent
    ):
        risks.append(_("Attendance below %(percent)s%%") % {"percent": cohort.min_attendance_percent})
    return risks


def _row(cohort: Cohort, membership, records: _CohortRecords, now: datetime) -> Row:
    learner_id = membership.learner_id
    found = _cells_of(learner_id, records)
    required = records.required
    done_required = records.module_counts.get(learner_id, {}).get("done_required", 0)
    active = membership.status == CohortMembership.Status.ACTIVE
    row = Row(
        membership=membership,
        gain=_gain(learner_id, records),
        cells=found.cells,
        percent=round(100 * done_required / len(required)) if required else 0,
        last_activity=_last_activity(membership, records.latest_attempt.get(learner_id)),
        attended=records.attended.get(learner_id, 0),
        failed_attempts=found.failed,
        waiting_marks=found.waiting,
        waiting_observations=found.to_observe if active else 0,
    )
    if active:
        row.risks.extend(_risks(cohort, row, records.sessions_taken, now))
    return row


def progress_matrix(cohort: Cohort, *, language: str | None = None) -> Matrix:
    """Trainees × modules and quizzes of one cohort, with last activity, attendance and flags.

    A fixed number of queries whatever the number of trainees, lessons or quizzes: the records are
    read in bulk (:func:`_cohort_records`), then each row is built from them."""
    course = course_for_key(cohort.course_key, language)
    memberships = _members_shown(cohort)
    taken = TrainingSession.objects.filter(cohort=cohort, attendance_taken_at__isnull=False).count()
    if course is None:
        return Matrix(cohort=cohort, outline=None, columns=[], rows=[], sessions_taken=taken)
    outline = course_outline(course)
    records = _cohort_records(cohort, outline, memberships, taken)
    now = timezone.now()
    rows = [_row(cohort, membership, records, now) for membership in memberships]
    return Matrix(cohort=cohort, outline=outline, columns=records.columns, rows=rows, sessions_taken=taken)


SORTS = {
    # By the Mongolian alphabet, as the database ordered the matrix (core.formatting.by_name).
    "name": lambda row: (
        mongolian_sort_key(row.learner.last_name),
        mongolian_sort_key(row.learner.first_name),
        row.learner.email,
    ),
    "progress": lambda row: (row.percent, mongolian_sort_key(row.learner.last_name)),
    "activity": lambda row: (row.last_activity or datetime.min.replace(tzinfo=UTC),),
}
FILTERS = {
    "all": lambda row: True,
    "at_risk": lambda row: bool(row.risks),
    "not_started": lambda row: row.percent == 0,
    "completed": lambda row: row.membership.status == CohortMembership.Status.COMPLETED,
    "waiting": lambda row: row.waiting_marks > 0 or row.waiting_observations > 0,
}


def filter_rows(rows: list[Row], *, show: str = "all", sort: str = "name", query: str = "") -> list[Row]:
    rows = [row for row in rows if FILTERS.get(show, FILTERS["all"])(row)]
    query = query.strip().casefold()
    if query:
        rows = [
            row
            for row in rows
            if query
            in " ".join(
                [
                    row.learner.email,
                    row.learner.get_full_name(),
                    row.learner.last_name,
                    row.learner.first_name,
                    row.learner.latin_last_name,
                    row.learner.latin_first_name,
                ]
            ).casefold()
        ]
    reverse = sort.startswith("-")
    return sorted(rows, key=SORTS.get(sort.lstrip("-"), SORTS["name"]), reverse=reverse)


# --- Lists and the cascade -----------------------------------------------------------------------


def with_flags(cohorts):
    """Annotate each cohort with whether its lead trainer's authorisation has lapsed, and its counts."""
    today = timezone.localdate()
    current = TeachingAuthorisation.objects.filter(
        trainer=OuterRef("lead_trainer"), course_key=OuterRef("course_key"), revoked_at__isnull=True
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    return cohorts.annotate(
        lead_authorised=Exists(current),
        enrolled=Count(
            "memberships",
            filter=Q(memberships__status__in=[CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED]),
            distinct=True,
        ),
        completed=Count("memberships", filter=Q(memberships__status=CohortMembership.Status.COMPLETED), distinct=True),
        requests=Count("memberships", filter=Q(memberships__status=CohortMembership.Status.REQUESTED), distinct=True),
    )


def cohort_list(cohorts, *, language: str | None = None) -> list[dict]:
    """Cohorts with their course, counts and flag, for lists and the API."""
    cohorts = list(with_flags(cohorts).select_related("lead_trainer", "organisation", "region").order_by("-starts_on"))
    courses = courses_by_key({c.course_key for c in cohorts}, language)
    return [{"cohort": cohort, "course": courses.get(cohort.course_key)} for cohort in cohorts]


# A certificate's state, named here rather than imported: certificates sit above cohorts in the
# layers (pyproject's import contract), so the cascade reads them through the learner's relation.
_CERTIFICATE_ISSUED = "issued"
_ENROLLED = (CohortMembership.Status.ACTIVE, CohortMembership.Status.COMPLETED)


def _members_counted(members) -> Coalesce:
    """How many trainees ``members`` (memberships of the outer cohort) holds, as a subquery."""
    counted = members.order_by().values("cohort").annotate(n=Count("learner", distinct=True)).values("n")
    return Coalesce(Subquery(counted), 0)


def with_progress_counts(cohorts, today=None):
    """Annotate each cohort with its trainees in progress (enrolled, not completed, and having opened
    a lesson of the course) and certified (enrolled and holding a valid certificate of the course),
    in the same query as the cohorts themselves."""
    today = today or timezone.localdate()
    members = CohortMembership.objects.filter(cohort=OuterRef("pk"), status__in=_ENROLLED)
    started = LessonProgress.objects.filter(learner=OuterRef("learner"), course_key=OuterRef(OuterRef("course_key")))
    # One filter() call, so that the course, the state and the expiry are those of one certificate.
    certified = members.filter(
        Q(learner__certificates__course_key=OuterRef("course_key")),
        Q(learner__certificates__state=_CERTIFICATE_ISSUED),
        Q(learner__certificates__expires_on__isnull=True) | Q(learner__certificates__expires_on__gte=today),
    )
    return cohorts.annotate(
        in_progress=_members_counted(members.filter(status=CohortMembership.Status.ACTIVE).filter(Exists(started))),
        certified=_members_counted(certified),
    )


@dataclass
class Totals:
    """Trainees of one or more cohorts: enrolled, of whom in progress, completed and certified."""

    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    certified: int = 0

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(
            self.enrolled + other.enrolled,
            self.in_progress + other.in_progress,
            self.completed + other.completed,
            self.certified + other.certified,
        )

    @classmethod
    def of(cls, cohort) -> "Totals":
        return cls(cohort.enrolled, cohort.in_progress, cohort.completed, cohort.certified)


@dataclass
class CascadeAuthorisation:
    """One teaching authorisation as the cascade shows it: the course, and who trained the trainer
    (the lead and co-trainers of the training-of-trainers cohort it came from, if any)."""

    authorisation: TeachingAuthorisation
    course: object
    trained_by: list

    @property
    def trained_by_names(self) -> str:
        return ", ".join(person.get_full_name() or person.email for person in self.trained_by)


@dataclass
class CascadeNode:
    trainer: object
    authorisations: list[CascadeAuthorisation]
    cohorts: list[dict]
    children: list["CascadeNode"] = field(default_factory=list)

    @property
    def totals(self) -> Totals:
        """The trainees of this trainer's own cohorts."""
        return sum((Totals.of(entry["cohort"]) for entry in self.cohorts), Totals())

    @property
    def cascade_totals(self) -> Totals:
        """The trainees of this trainer's cohorts and of those of everyone they trained."""
        return cascade_totals([self])


def cascade_trainers(nodes: list[CascadeNode]) -> list[CascadeNode]:
    """Each trainer of the tree once: one trained in two ToT cohorts appears under both teachers."""
    found: dict[int, CascadeNode] = {}
    stack = list(nodes)
    while stack:
        node = stack.pop()
        found.setdefault(node.trainer.pk, node)
        stack.extend(node.children)
    return list(found.values())


def cascade_totals(nodes: list[CascadeNode]) -> Totals:
    """The trainees of every cohort in the tree, each trainer's cohorts counted once."""
    return sum((node.totals for node in cascade_trainers(nodes)), Totals())


def cascade_tree(master, *, language: str | None = None) -> list[CascadeNode]:
    """The trainers ``master`` trained, the cohorts each runs and, below, whom those trainers trained.

    Reads every authorisation of the cascade's trainers once and every cohort of those trainers
    once, with its counts: the queries do not grow with the number of trainers, cohorts or trainees,
    nor with the cascade's depth (its trainers are found in one query)."""
    from .permissions import trainers_downstream_of

    downstream = trainers_downstream_of(master)
    authorisations = list(
        TeachingAuthorisation.objects.filter(trainer__in=downstream)
        .select_related("trainer", "granted_by", "source_cohort__lead_trainer")
        .prefetch_related("source_cohort__co_trainers")
    )
    cohorts = cohort_list(with_progress_counts(Cohort.objects.filter(lead_trainer__in=downstream)), language=language)
    courses = courses_by_key({a.course_key for a in authorisations}, language)
    by_trainer: dict[int, list[dict]] = defaultdict(list)
    for entry in cohorts:
        by_trainer[entry["cohort"].lead_trainer_id].append(entry)
    # Who trained whom: the leaders and co-leaders of the ToT cohort each authorisation came from.
    trained_by: dict[int, set[int]] = defaultdict(set)
    trainers = {}
    auths_of: dict[int, list[CascadeAuthorisation]] = defaultdict(list)
    for authorisation in authorisations:
        trainers[authorisation.trainer_id] = authorisation.trainer
        cohort = authorisation.source_cohort
        teachers = [cohort.lead_trainer, *cohort.co_trainers.all()] if cohort else []
        for teacher in teachers:
            trained_by[teacher.pk].add(authorisation.trainer_id)
        auths_of[authorisation.trainer_id].append(
            CascadeAuthorisation(authorisation, courses.get(authorisation.course_key), teachers)
        )

    def build(teacher_id: int, seen: frozenset) -> list[CascadeNode]:
        nodes = []
        for trainer_id in sorted(trained_by.get(teacher_id, ()), key=lambda pk: str(trainers[pk])):
            if trainer_id in seen:
                continue
            nodes.append(
                CascadeNode(
                    trainer=trainers[trainer_id],
                    authorisations=auths_of[trainer_id],
                    cohorts=by_trainer.get(trainer_id, []),
                    children=build(trainer_id, seen | {trainer_id}),
                )
            )
        return nodes

    return build(master.pk, frozenset({master.pk}))
