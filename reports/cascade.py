"""The cascade's indicators: per master trainer, to every depth, the trainers authorised through
them, those trainers' cohorts, the trainees reached and certified, per level and in total; and the
trainers authorised per course and per region, with how many were active in the period.

Levels: level 1 is the trainers a master trained themselves (in a training-of-trainers cohort),
level 2 those whom level 1 trained, and so on down. A trainer is counted once under a master, at
the shortest way down to them. The master's own cohorts are not a level: they are the headline's.

Whose cascades (the roots):
- an administrator: every master trainer's;
- a coordinator: those of the master trainers of their organisation and the units below it, the
  trainees counted being those of that organisation (as the rest of their report);
- a master trainer, or a trainer who trained trainers: their own, every trainee in it counted.
The report's organisation filter keeps the masters of that organisation and its trainees; the
region, position and gender filters narrow the trainees; the course keeps the cohorts of that
course and the trainers authorised for it; the period keeps the cohorts that ran in it (and a
trainee counts as certified by a certificate of the cohort's course issued in it).

A cascade is others' cohorts: wherever one is shown, a count under five (of trainers, cohorts or
trainees) is "<5", on the page, in the files and in the API; only a trainer who trained nobody
reads their own figures (their authorisations) whole on the page, as the rest of their report.
The tree names the trainers (who is authorised to teach is what the cascade shows, and the same
viewers read those authorisations on the cohorts pages) with their trainees' counts, "<5" alike.

Computed in the database: ONE query for the levels, the totals, each trainer's figures and the
branches between them (a recursive CTE on ``cohorts.cascade_graph``), one for the names, two for the
trainers by course and by region and one for the regions' names: the same number whatever the
data's size or the cascade's depth (one fewer when the viewer has no cascade at all: no names).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Count, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import Region, User
from accounts.permissions import in_coordinated_organisations
from certificates.models import Certificate
from cohorts.cascade_graph import placed_sql
from cohorts.courses_lookup import courses_by_key
from cohorts.models import Cohort, CohortMembership, TeachingAuthorisation, TrainingSession
from cohorts.permissions import authorisations_visible_to
from core import formatting

from . import charts
from .filters import Filters
from .indicators import Cell, _bounds, people_filtered
from .permissions import (
    _COUNTED_MEMBERSHIPS,
    _reaches_by_organisation,
    can_view_reports,
    learners_reported_to,
    reports_broader_than_own_cohorts,
    reports_reach_everyone,
)

# Above this many trainers the tree is drawn a level at a time (how many trainers, trainees and
# certificates at each), so that a national programme's chart stays a page long.
CHART_PEOPLE = 60


@dataclass(frozen=True)
class Level:
    """The figures of one level of a master's cascade, or (``depth`` 0) of the whole of it."""

    depth: int
    trainers: Cell
    cohorts: Cell
    reached: Cell
    certified: Cell


@dataclass
class MasterCascade:
    master_id: int
    name: str
    levels: list[Level]
    total: Level

    @property
    def depth(self) -> int:
        """How many levels of trainers the cascade has below the master."""
        return max((level.depth for level in self.levels), default=0)


@dataclass(frozen=True)
class TrainerCount:
    label: str
    authorised: Cell
    active: Cell


@dataclass
class CascadeReport:
    masters: list[MasterCascade] = field(default_factory=list)
    # ``charts.cascade_tree``'s nodes: the masters, the trainers below each, every count as a
    # chart takes it (the number, or "<5").
    tree: list[dict] = field(default_factory=list)
    by_course: list[TrainerCount] = field(default_factory=list)
    by_region: list[TrainerCount] = field(default_factory=list)
    hide_small: bool = True  # the small-cell rule, on the page and in the API


FIGURES = ("trainers", "cohorts", "reached", "certified")


def labels() -> dict[str, str]:
    return {
        "master": _("Master trainer"),
        "level": _("Level"),
        "trainers": _("Trainers authorised"),
        "cohorts": _("Their cohorts"),
        "reached": _("Trainees reached"),
        "certified": _("Trainees certified"),
        "total": _("All levels"),
        "authorised": _("Trainers authorised"),
        "active": _("Of them active in the period"),
    }


# --- Scope --------------------------------------------------------------------------------------


def _roots(user, filters: Filters):
    """The master trainers (or the trainer) whose cascades ``user`` sees."""
    if roles.has_role(user, roles.ADMIN):
        roots = User.objects.filter(groups__name=roles.MASTER_TRAINER)
    else:
        query = Q(pk=user.pk) if roles.has_role(user, roles.TRAINER, roles.MASTER_TRAINER) else Q(pk__in=[])
        if (coordinated := in_coordinated_organisations(user)) is not None:
            query |= Q(pk__in=User.objects.filter(coordinated, groups__name=roles.MASTER_TRAINER).values("pk"))
        roots = User.objects.filter(query)
    if filters.organisation is not None:
        roots = roots.filter(organisation__path__startswith=filters.organisation.path)
    return roots.values("pk")


def _trainees(user, filters: Filters):
    """The people counted as trainees: by organisation for a coordinator (everyone for an
    administrator), as the rest of their report; for a trainer or master trainer, anyone in their
    cascade, which the roots already keep to. Either way narrowed by the report's filters on people.
    None where that is everyone: a condition on every account would only cost a pass over them."""
    narrowed = filters.organisation or filters.region or filters.position or filters.gender
    if not narrowed and (reports_reach_everyone(user) or not _reaches_by_organisation(user)):
        return None
    if _reaches_by_organisation(user):
        return people_filtered(learners_reported_to(user), filters)
    return people_filtered(User.objects.all(), filters)


# --- The one query ------------------------------------------------------------------------------


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model) -> str:
    return _q(model._meta.db_table)


def _column(model, name: str) -> str:
    return _q(model._meta.get_field(name).column)


def _sql(user, filters: Filters) -> tuple[str, list]:
    ops = connection.ops
    # Without the people's default ordering: a subquery's ORDER BY would sort every account by name.
    roots_sql, roots_params = _roots(user, filters).order_by().query.sql_with_params()
    people = _trainees(user, filters)
    people_sql, people_params = people.order_by().query.sql_with_params() if people is not None else ("", ())
    counted_people = f" AND m.{_column(CohortMembership, 'learner')} IN ({people_sql})" if people is not None else ""
    course = None
    if filters.course_key is not None:
        course = Cohort._meta.get_field("course_key").get_db_prep_value(filters.course_key, connection)
    start, end = ops.adapt_datefield_value(filters.date_from), ops.adapt_datefield_value(filters.date_to)

    authorisation, cohort = _table(TeachingAuthorisation), _table(Cohort)
    membership, certificate = _table(CohortMembership), _table(Certificate)
    if course is None:
        counted = "p.trainer"
    else:
        counted = (
            f"CASE WHEN EXISTS (SELECT 1 FROM {authorisation} a WHERE a.{_column(TeachingAuthorisation, 'trainer')}"  # noqa: S608  (names from the models, values as parameters)
            f" = p.trainer AND a.{_column(TeachingAuthorisation, 'course_key')} = %s) THEN p.trainer END"
        )
    cohort_course = f" AND c.{_column(Cohort, 'course_key')} = %s" if course is not None else ""
    statuses = ", ".join(["%s"] * len(_COUNTED_MEMBERSHIPS))
    sql = (
        f"WITH RECURSIVE {placed_sql(roots_sql)},"  # noqa: S608  (names from the models, values as parameters)
        # Who holds a certificate of which course issued in the period and not revoked: one set,
        # looked up by each trainee (one pass over the certificates, not a probe per trainee).
        f" certified(learner, course) AS (SELECT DISTINCT ce.{_column(Certificate, 'learner')},"
        f" ce.{_column(Certificate, 'course_key')} FROM {certificate} ce WHERE ce.{_column(Certificate, 'state')} = %s"
        f" AND ce.{_column(Certificate, 'issued_on')} >= %s AND ce.{_column(Certificate, 'issued_on')} <= %s),"
        # Each trainer placed below a root, their cohorts that ran in the period (of the course),
        # those cohorts' trainees really in them and among those counted, and whether certified in
        # the cohort's course. Joined straight to the tables, so that the planner knows their sizes.
        f" facts(root, depth, who, trainer, cohort, learner, certified) AS ("
        f" SELECT p.root, p.depth, p.trainer, {counted}, c.{_column(Cohort, 'id')},"
        f" m.{_column(CohortMembership, 'learner')}, ce.learner FROM placed p"
        f" LEFT JOIN {cohort} c ON c.{_column(Cohort, 'lead_trainer')} = p.trainer"
        f" AND c.{_column(Cohort, 'starts_on')} <= %s"
        f" AND (c.{_column(Cohort, 'ends_on')} IS NULL OR c.{_column(Cohort, 'ends_on')} >= %s){cohort_course}"
        f" LEFT JOIN {membership} m ON m.{_column(CohortMembership, 'cohort')} = c.{_column(Cohort, 'id')}"
        f" AND m.{_column(CohortMembership, 'status')} IN ({statuses}){counted_people}"
        f" LEFT JOIN certified ce ON ce.learner = m.{_column(CohortMembership, 'learner')}"
        f" AND ce.course = c.{_column(Cohort, 'course_key')})"
        # One statement, four kinds of row: each level, each master's total (depth 0), each
        # trainer (for the tree), and each branch between two trainers of a tree.
        " SELECT 'level', root, depth, COUNT(DISTINCT trainer), COUNT(DISTINCT cohort),"
        " COUNT(DISTINCT learner), COUNT(DISTINCT certified) FROM facts GROUP BY root, depth"
        " UNION ALL SELECT 'total', root, 0, COUNT(DISTINCT trainer), COUNT(DISTINCT cohort),"
        " COUNT(DISTINCT learner), COUNT(DISTINCT certified) FROM facts GROUP BY root"
        " UNION ALL SELECT 'trainer', root, depth, who, COUNT(DISTINCT cohort),"
        " COUNT(DISTINCT learner), COUNT(DISTINCT certified) FROM facts GROUP BY root, depth, who"
        " UNION ALL SELECT DISTINCT 'branch', p.root, p.depth, t.teacher, t.trainee, 0, 0"
        " FROM placed p JOIN teaches t ON t.trainee = p.trainer"
    )
    # In the order of the placeholders: the roots, the certificates, the course of the trainers, the
    # period (and the course) of the cohorts, the memberships, the people.
    params = [*roots_params, Certificate.State.ISSUED.value, start, end, *([course] if course is not None else [])]
    params += [end, start, *([course] if course is not None else [])]
    params += [*(status.value for status in _COUNTED_MEMBERSHIPS), *people_params]
    return sql, params


def _hidden(count: int) -> Cell:
    """A count the small-cell rule applies to: "<5" under five where the rule holds. A count of
    cohorts too: a cohort or two of a named trainer is close to naming its trainees."""
    return Cell(count, count)


def _level(depth: int, trainers: int, cohorts: int, reached: int, certified: int) -> Level:
    return Level(depth, _hidden(trainers), _hidden(cohorts), _hidden(reached), _hidden(certified))


def charted(cell: Cell, hide: bool = True):
    """A count as a chart takes it: the number, or "<5"."""
    return "<5" if cell.hidden(hide) else (cell.value or 0)


def _name(person) -> str:
    if isinstance(person, str):
        return person
    return person.get_full_name() or person.email if person else ""


def _names_within_organisation(user) -> bool:
    """Whether ``user`` reads only the names of the cascade's trainers of their own organisation."""
    if roles.has_role(user, roles.ADMIN) or not _reaches_by_organisation(user):
        return False
    return not roles.has_role(user, roles.MASTER_TRAINER, roles.TRAINER)  # else their own, as on "My cascade"


def _named(user, people: dict) -> dict:
    """For a coordinator, a trainer of the cascade outside their organisation is not named (they
    would not see that person anywhere else): "a trainer of another organisation" stands instead.
    Anyone else sees the names of the cascade they see, as on "My cascade"."""
    if not _names_within_organisation(user):
        return people
    within = user.organisation.path
    other = _("A trainer of another organisation")
    return {
        pk: person if person.organisation and person.organisation.path.startswith(within) else other
        for pk, person in people.items()
    }


def _tree(masters: list[MasterCascade], trainers: dict, branches: dict, people: dict) -> list[dict]:
    """The chart's nodes: each master, then whom they trained, and so on down; each trainer under
    one of their teachers one level up (the first by id), so that a trainer with two teachers is
    drawn once. Too many people for a page, and each master's levels are drawn instead."""
    if sum(len(found) for found in trainers.values()) > CHART_PEOPLE:
        return [
            {
                "name": master.name,
                "trained": charted(master.total.reached),
                "certified": charted(master.total.certified),
                "children": _chain(master.levels),
            }
            for master in masters
        ]
    nodes = []
    for master in masters:
        found = trainers.get(master.master_id, {})  # trainer → (depth, reached, certified)
        children: dict = defaultdict(list)
        for trainer, (depth, _reached, _certified) in found.items():
            teachers = [
                teacher
                for teacher in branches.get((master.master_id, trainer), ())
                if (depth == 1 and teacher == master.master_id) or found.get(teacher, (0,))[0] == depth - 1
            ]
            if teachers:
                children[min(teachers)].append(trainer)

        nodes.append(
            {
                "name": master.name,
                "trained": charted(master.total.reached),
                "certified": charted(master.total.certified),
                "children": _below(master.master_id, frozenset({master.master_id}), found, children, people),
            }
        )
    return nodes


def _below(teacher: int, seen: frozenset, found: dict, children: dict, people: dict) -> list[dict]:
    return [
        {
            "name": _name(people.get(trainer)),
            "trained": charted(_hidden(found[trainer][1])),
            "certified": charted(_hidden(found[trainer][2])),
            "children": _below(trainer, seen | {trainer}, found, children, people),
        }
        for trainer in sorted(children.get(teacher, ()), key=lambda pk: _name(people.get(pk)))
        if trainer not in seen
    ]


def _chain(levels: list[Level]) -> list[dict]:
    if not levels:
        return []
    level, *deeper = levels
    trainers = level.trainers.shown(True)
    name = _("Level %(level)s: %(trainers)s trainers") % {"level": level.depth, "trainers": trainers}
    return [
        {
            "name": name,
            "trained": charted(level.reached),
            "certified": charted(level.certified),
            "children": _chain(deeper),
        }
    ]


def cascade(user, filters: Filters) -> CascadeReport:
    """The cascades ``user`` sees, with ``filters``: per master and level, each trainer for the
    tree, and the trainers by course and by region."""
    found = CascadeReport()
    if not can_view_reports(user):
        return found
    sql, params = _sql(user, filters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    levels: dict = defaultdict(list)
    totals: dict = {}
    trainers: dict = defaultdict(dict)
    branches: dict = defaultdict(set)
    for kind, root, depth, a, b, c, d in rows:
        if kind == "level":
            levels[root].append(_level(depth, a, b, c, d))
        elif kind == "total":
            totals[root] = _level(0, a, b, c, d)
        elif kind == "trainer":
            trainers[root][a] = (depth, c, d)
        else:
            branches[(root, b)].add(a)
    ids = set(totals) | {trainer for found_ in trainers.values() for trainer in found_}
    # Only what a name and the organisation's reach need: at national scale thousands of trainers.
    named = User.objects.only("first_name", "last_name", "latin_first_name", "latin_last_name", "email")
    if _names_within_organisation(user):  # the organisations only where they decide who is named
        named = named.select_related("organisation").only(
            "first_name", "last_name", "latin_first_name", "latin_last_name", "email", "organisation__path"
        )
    people = _named(user, named.in_bulk(ids) if ids else {})
    for root, total in totals.items():
        found.masters.append(
            MasterCascade(root, _name(people.get(root)), sorted(levels[root], key=lambda level: level.depth), total)
        )
    found.masters.sort(key=lambda master: formatting.mongolian_sort_key(master.name))
    found.tree = _tree(found.masters, trainers, branches, people)
    found.by_course, found.by_region = _trainers(user, filters)
    found.hide_small = reports_broader_than_own_cohorts(user) or bool(found.masters)
    return found


# --- Trainers by course and by region ------------------------------------------------------------


def _counts(row: dict) -> tuple[Cell, Cell]:
    return _hidden(row["authorised"]), _hidden(row["active"])


def _active_trainers(filters: Filters) -> RawSQL:
    """A condition on teaching authorisations: the trainer was active in the course in the period,
    that is led or co-led a cohort of it that ran in the period (running or closed), or one that held
    a session in it.

    Written as ONE set of (trainer, course) pairs that each authorisation is looked up in, the
    cohorts and sessions read once, rather than two correlated lookups per authorisation (each an
    OR over the lead and the co-trainers, which no index answers)."""
    start, end = _bounds(filters)
    field = Cohort._meta.get_field("co_trainers")
    through = field.remote_field.through
    co_cohort, co_user = field.m2m_field_name(), field.m2m_reverse_field_name()
    ran = Q(status__in=[Cohort.Status.RUNNING, Cohort.Status.CLOSED], starts_on__lte=filters.date_to) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=filters.date_from)
    )
    held = TrainingSession.objects.filter(starts_at__gte=start, starts_at__lt=end).values("cohort")
    parts = (
        Cohort.objects.filter(ran).values_list("lead_trainer_id", "course_key"),
        through.objects.filter(**{f"{co_cohort}__in": Cohort.objects.filter(ran).values("pk")}).values_list(
            f"{co_user}_id", f"{co_cohort}__course_key"
        ),
        Cohort.objects.filter(pk__in=held).values_list("lead_trainer_id", "course_key"),
        through.objects.filter(**{f"{co_cohort}__in": held}).values_list(f"{co_user}_id", f"{co_cohort}__course_key"),
    )
    selects, params = [], []
    for part in parts:
        sql, part_params = part.order_by().query.sql_with_params()
        selects.append(sql)
        params.extend(part_params)
    table = _table(TeachingAuthorisation)
    pair = (
        f"({table}.{_column(TeachingAuthorisation, 'trainer')}, {table}.{_column(TeachingAuthorisation, 'course_key')})"
    )
    return RawSQL(f"{pair} IN ({' UNION ALL '.join(selects)})", params, output_field=BooleanField())  # noqa: S611 - SQL compiled by Django, values as parameters


def _trainers(user, filters: Filters) -> tuple[list[TrainerCount], list[TrainerCount]]:
    """The trainers ``user`` sees authorised now (``cohorts.permissions``), per course and per
    region (their own, else their organisation's), and of them how many were active in the period:
    ran a cohort of the course, or a session of one, in it."""
    authorised = authorisations_visible_to(user).current()
    if filters.course_key is not None:
        authorised = authorised.filter(course_key=filters.course_key)
    if filters.organisation is not None:
        authorised = authorised.filter(trainer__organisation__path__startswith=filters.organisation.path)
    if filters.region is not None:
        own, organisations = Q(trainer__region=filters.region), Q(trainer__organisation__region=filters.region)
        authorised = authorised.filter(own | (Q(trainer__region__isnull=True) & organisations))
    authorised = authorised.annotate(active=_active_trainers(filters))
    counts = {
        "authorised": Count("trainer", distinct=True),
        "active": Count("trainer", distinct=True, filter=Q(active=True)),
    }
    per_course = list(authorised.values("course_key").annotate(**counts).order_by())
    per_region = list(
        authorised.annotate(where=Coalesce("trainer__region", "trainer__organisation__region"))
        .values("where")
        .annotate(**counts)
        .order_by()
    )
    titles = {key: course.title for key, course in courses_by_key([row["course_key"] for row in per_course]).items()}
    regions = Region.objects.in_bulk()  # thirty: read whole, the same one query whatever the rows
    unknown = _("Not stated")
    by_course = [TrainerCount(titles.get(row["course_key"], unknown), *_counts(row)) for row in per_course]
    by_region = [TrainerCount(getattr(regions.get(row["where"]), "name", unknown), *_counts(row)) for row in per_region]
    order = lambda count: (count.label == unknown, formatting.mongolian_sort_key(count.label))  # noqa: E731
    return sorted(by_course, key=order), sorted(by_region, key=order)


# --- As the page, the files and the API show it --------------------------------------------------


def level_name(level: Level) -> str:
    return str(labels()["total"]) if level.depth == 0 else _("Level %(level)s") % {"level": level.depth}


def master_rows(found: CascadeReport, hide: bool = True) -> list[list[str]]:
    """The per-master table: a row per level and one for all levels, every figure as shown ("<5")."""
    return [
        [master.name, level_name(level), *(getattr(level, name).shown(hide) for name in FIGURES)]
        for master in found.masters
        for level in [*master.levels, master.total]
    ]


def master_head() -> list[str]:
    names = labels()
    return [str(names["master"]), str(names["level"]), *(str(names[name]) for name in FIGURES)]


def trainer_head(dimension: str) -> list[str]:
    names = labels()
    return [dimension, str(names["authorised"]), str(names["active"])]


def trainer_rows(counts: list[TrainerCount], hide: bool = True) -> list[list[str]]:
    return [[count.label, count.authorised.shown(hide), count.active.shown(hide)] for count in counts]


def page_context(found: CascadeReport) -> dict:
    """What the page's cascade section shows."""
    hide = found.hide_small
    return {
        "cascade": found,
        "cascade_chart": charts.cascade_tree(found.tree, first_level=0),
        "cascade_head": master_head(),
        "cascade_rows": master_rows(found, hide),
        "trainers_by_course_head": trainer_head(_("Course")),
        "trainers_by_course": trainer_rows(found.by_course, hide),
        "trainers_by_region_head": trainer_head(_("Region")),
        "trainers_by_region": trainer_rows(found.by_region, hide),
    }


def export_rows(found: CascadeReport) -> list[list]:
    """The same figures as a file's extra section, after the indicators: a blank row, a heading,
    each table with its head. Every small count is "<5", whoever asks (a file leaves the
    organisation); whole counts stay numbers."""

    def number(value):
        return int(value) if isinstance(value, str) and value.isdigit() else value

    rows: list[list] = [[], [_("The cascade of trainers")], master_head()]
    rows += [[*row[:2], *(number(value) for value in row[2:])] for row in master_rows(found)]
    for title, dimension, counts in (
        (_("Trainers authorised by course"), _("Course"), found.by_course),
        (_("Trainers authorised by region"), _("Region"), found.by_region),
    ):
        rows += [[], [title], trainer_head(dimension)]
        rows += [[label, *(number(value) for value in values)] for label, *values in trainer_rows(counts)]
    return rows
