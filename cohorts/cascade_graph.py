"""Who trained whom, as SQL: the cascade followed to every depth in ONE query, a recursive common
table expression (``WITH RECURSIVE``, which PostgreSQL and SQLite both run).

An edge of the cascade is a teaching authorisation that came from a training-of-trainers cohort:
the cohort's lead trainer and each of its co-trainers trained the authorised trainer. A trainer
trained in two such cohorts hangs under both teachers; the level a trainer is counted at, under a
given root, is the shortest way down to them.

The SQL here is built from the models' own table and column names, and takes its parameters
(the roots, as a queryset's SQL) from the caller; nothing the user typed is ever put in the text.
"""

from django.db import connection

from .models import Cohort, TeachingAuthorisation

# Someone trained by someone they trained (a cycle) would be walked for ever: the walk stops this
# deep. No real cascade comes near it (master → trainer → trainer's trainer is three levels).
MAX_DEPTH = 20


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def teaches_sql() -> str:
    """The CTE ``teaches(teacher, trainee)``: each teacher of a ToT cohort and each trainer
    authorised through it."""
    authorisation, cohort = _q(TeachingAuthorisation._meta.db_table), _q(Cohort._meta.db_table)
    field = Cohort._meta.get_field("co_trainers")
    co_trainers = _q(field.remote_field.through._meta.db_table)
    co_cohort, co_user = _q(field.m2m_column_name()), _q(field.m2m_reverse_name())
    return (
        f"teaches(teacher, trainee) AS ("  # noqa: S608  (names from the models, values as parameters)
        f" SELECT c.{_q('lead_trainer_id')}, a.{_q('trainer_id')} FROM {authorisation} a"
        f" JOIN {cohort} c ON c.{_q('id')} = a.{_q('source_cohort_id')}"
        f" UNION"
        f" SELECT t.{co_user}, a.{_q('trainer_id')} FROM {authorisation} a"
        f" JOIN {co_trainers} t ON t.{co_cohort} = a.{_q('source_cohort_id')})"
    )


def placed_sql(roots_sql: str) -> str:
    """The CTEs, after ``WITH RECURSIVE``, down to ``placed(root, trainer, depth)``: every trainer
    below each root of ``roots_sql`` (a SELECT of user ids), once, at their shortest depth (1 for a
    trainer the root trained themselves). A root is never below itself."""
    return (
        f"{teaches_sql()},"  # noqa: S608  (names from the models, values as parameters)
        f" tree(root, trainer, depth) AS ("
        f" SELECT t.teacher, t.trainee, 1 FROM teaches t WHERE t.teacher IN ({roots_sql}) AND t.trainee <> t.teacher"
        f" UNION"
        f" SELECT tree.root, t.trainee, tree.depth + 1 FROM tree JOIN teaches t ON t.teacher = tree.trainer"
        f" WHERE tree.depth < {MAX_DEPTH} AND t.trainee <> tree.root),"
        f" placed(root, trainer, depth) AS (SELECT root, trainer, MIN(depth) FROM tree GROUP BY root, trainer)"
    )


def trainers_below(user_id: int) -> frozenset[int]:
    """The trainers ``user_id`` trained, directly or through those they trained, to every depth:
    one query whatever the depth."""
    with connection.cursor() as cursor:
        cursor.execute(f"WITH RECURSIVE {placed_sql('%s')} SELECT trainer FROM placed", [user_id])  # noqa: S608  (names from the models, values as parameters)
        return frozenset(row[0] for row in cursor.fetchall())
