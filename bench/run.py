"""Page-speed benchmark: each budgeted page measured against a floor, in one process.

Run from the repository root::

    .venv/bin/python bench/run.py [--rounds N] [--warmup N] [--only NAME ...] [--budget]

The floor is a bare Wagtail ``Page`` served to a signed-in learner: the whole middleware stack, the
session, the context processors, Wagtail's serve view and Wagtail's own title-only template, and
nothing of Cascade's pages. Each scenario's
time is reported as a ratio to that floor, so the numbers compare across machines and databases.

Output, one line per page (the floor first)::

    floor: ratio=1.00 queries=N median_ms=X
    NAME: ratio=R queries=N median_ms=X

This is a measurement, not a test: it never fails on timing. It exits non-zero only when it cannot
measure (a page that does not answer 200 has no ratio).

To measure a new page, add one function::

    @scenario("lesson_page", budget=1.3)
    def lesson_page(bench: Bench) -> tuple[str, User]:
        bench.demo()  # the demo data, seeded once per run
        ...  # create what the page needs
        return "/mn/.../", bench.learner
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

    from accounts.models import User

REPO_ROOT = Path(__file__).resolve().parent.parent

FLOOR = "floor"
FLOOR_SLUG = "bench-floor"
LEARNER_EMAIL = "bench-learner@example.mn"
LEARNER_PASSWORD = "bench-learner-password-0123"


# --- The registry --------------------------------------------------------------------------------

# Largest accepted ratio to the floor, by scenario name. ``--budget`` reports the ratios above these.
# Filled by ``@scenario(..., budget=...)``.
BUDGETS: dict[str, float] = {}


@dataclass
class Scenario:
    name: str
    setup: Callable[[Bench], tuple[str, User]]
    budget: float | None = None


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, *, budget: float | None = None):
    """Register a page to measure: ``setup(bench)`` creates its data and returns (URL, user)."""

    def register(setup: Callable[[Bench], tuple[str, User]]):
        if name == FLOOR or name in SCENARIOS:
            raise ValueError(f"scenario name already taken: {name}")
        SCENARIOS[name] = Scenario(name, setup, budget)
        if budget is not None:
            BUDGETS[name] = budget
        return setup

    return register


@dataclass
class Bench:
    """What scenarios share: the signed-in learner, and the demo data seeded at most once."""

    learner: User
    _demo: dict[str, User] | None = field(default=None, repr=False)

    def demo(self) -> dict[str, User]:
        """Seed the demo (organisations, people, home page content); returns the demo people by e-mail."""
        if self._demo is None:
            from lms.demo.seed import seed_demo

            self._demo = seed_demo()
        return self._demo


# --- The scenarios -------------------------------------------------------------------------------


@scenario("home_page")
def home_page(bench: Bench) -> tuple[str, User]:
    """The Mongolian home page with the demo's introduction and audience blocks."""
    bench.demo()
    return "/mn/", bench.learner


def _enrol(learner: User, course, lessons_done: int) -> None:
    from courses.models import LessonPage
    from courses.services import enrolment_create, lesson_complete

    enrolment_create(learner=learner, course=course)
    for lesson in LessonPage.objects.descendant_of(course).live().order_by("path")[:lessons_done]:
        lesson_complete(learner=learner, lesson=lesson)


@scenario("lesson_page", budget=1.3)
def lesson_page(bench: Bench) -> tuple[str, User]:
    """A demo lesson (text, callouts, a content note, a scenario, a reflection) read by a learner
    part-way through the course."""
    from courses.models import CoursePage, LessonPage

    bench.demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    _enrol(bench.learner, course, lessons_done=2)
    # In module 1: module 2 opens only once module 1's quiz is passed.
    lesson = LessonPage.objects.live().get(locale__language_code="mn", slug="behaviour-and-disclosure")
    return lesson.url, bench.learner


def _fifty_lesson_course(bench: Bench):
    """A 50-lesson course (5 modules of 10 demo lessons), built once per run."""
    import copy

    from wagtail.models import Locale

    from courses.models import CourseIndexPage, CoursePage
    from lms.demo.courses import seed_course
    from lms.demo.courses_content import COURSES

    bench.demo()
    existing = CoursePage.objects.filter(locale__language_code="mn", slug="bench-fifty-lessons").first()
    if existing is not None:
        return existing
    spec = copy.deepcopy(next(course for course in COURSES if course["slug"] == "trauma-informed-interviewing"))
    lessons = [lesson for module in spec["modules"] for lesson in module["lessons"]]
    spec["slug"] = "bench-fifty-lessons"
    spec["modules"] = [
        {
            **spec["modules"][m % len(spec["modules"])],
            "slug": f"module-{m + 1}",
            "lessons": [{**lessons[(m * 10 + n) % len(lessons)], "slug": f"lesson-{m + 1}-{n + 1}"} for n in range(10)],
        }
        for m in range(5)
    ]
    mn, en = Locale.objects.get(language_code="mn"), Locale.objects.get(language_code="en")
    catalogue = CourseIndexPage.objects.get(locale=mn)
    return seed_course(spec, catalogue, mn, en)


@scenario("course_page", budget=1.6)
def course_page(bench: Bench) -> tuple[str, User]:
    """A 50-lesson course (5 modules of 10 demo lessons) with its states, for a learner 12 lessons in."""
    course = _fifty_lesson_course(bench)
    _enrol(bench.learner, course, lessons_done=12)
    return course.url, bench.learner


@scenario("cohort_dashboard", budget=8.0)
def cohort_dashboard(bench: Bench) -> tuple[str, User]:
    """A trainer's progress matrix: 200 trainees × the 50-lesson course, each part-way through it."""
    from datetime import date

    from accounts.models import User
    from cohorts.models import CohortMembership, TeachingAuthorisation
    from cohorts.services import authorisation_grant, cohort_create, memberships_add_many
    from courses.models import LessonPage, LessonProgress

    course = _fifty_lesson_course(bench)
    trainer = User.objects.create_user(email="bench-trainer@example.mn", password=LEARNER_PASSWORD)
    authorisation_grant(
        trainer=trainer, course=course, by=None, basis=TeachingAuthorisation.Basis.COORDINATOR, evidence="Bench"
    )
    cohort = cohort_create(
        course=course,
        lead_trainer=trainer,
        by=trainer,
        name="Bench cohort",
        organisation=bench.demo()["trainer@demo.mn"].organisation,
        starts_on=date(2026, 11, 1),
    )
    trainees = User.objects.bulk_create(
        [User(email=f"bench-trainee-{n}@example.mn", last_name="Дорж", first_name=f"Бат{n}") for n in range(200)]
    )
    memberships_add_many(cohort=cohort, learners=trainees, source=CohortMembership.Source.IMPORT)
    lessons = list(LessonPage.objects.descendant_of(course).live().values_list("translation_key", flat=True))
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                learner=trainee, course_key=course.translation_key, lesson_key=key, completed_at=trainee.date_joined
            )
            for n, trainee in enumerate(trainees)
            for key in lessons[: n % len(lessons)]
        ]
    )
    return f"/mn/cohorts/{cohort.pk}/", trainer


def _demo_quiz(slug: str):
    from assessments.models import QuizPage

    return QuizPage.objects.live().get(locale__language_code="mn", slug=slug)


@scenario("quiz_page", budget=2.0)
def quiz_page(bench: Bench) -> tuple[str, User]:
    """A demo module quiz, for a learner with two finished attempts."""
    from assessments.services import attempt_start, attempt_submit
    from courses.models import CoursePage

    bench.demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    if not bench.learner.enrolments.exists():
        _enrol(bench.learner, course, lessons_done=0)
    quiz = _demo_quiz("trauma-and-the-child-quiz")
    for _ in range(2):
        attempt_submit(attempt=attempt_start(learner=bench.learner, quiz=quiz))
    return quiz.url, bench.learner


@scenario("attempt_submit", budget=3.0)
def attempt_submit_scenario(bench: Bench) -> tuple:
    """Submitting a fresh attempt of a demo quiz with every question answered, through the API."""
    from assessments.services import answer_save, attempt_start
    from courses.models import CoursePage

    bench.demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    if not bench.learner.enrolments.exists():
        _enrol(bench.learner, course, lessons_done=0)
    quiz = _demo_quiz("conducting-the-interview-quiz")  # not quiz_page's: its attempts pile up here

    def next_request() -> str:
        attempt = attempt_start(learner=bench.learner, quiz=quiz)
        for entry in attempt.snapshot:
            response = _first_answer(entry)
            if response is not None:
                answer_save(attempt=attempt, question_id=entry["id"], response=response)
        return f"/api/v1/attempts/{attempt.pk}/submit"

    return next_request, bench.learner, "post"


def _first_answer(entry: dict) -> dict | None:
    """Some well-formed answer to a served question, whatever its type."""
    qtype = entry["qtype"]
    if qtype in ("single_choice", "true_false"):
        return {"choice": entry["answers"][0]["id"]}
    if qtype == "multiple_response":
        return {"choices": [entry["answers"][0]["id"]]}
    if qtype in ("short_answer", "essay"):
        return {"text": "Хариулт"}
    if qtype == "numeric":
        return {"value": "1"}
    if qtype == "matching":
        return {"pairs": {prompt["id"]: entry["options"][0] for prompt in entry["prompts"]}}
    if qtype == "ordering":
        return {"order": [item["id"] for item in entry["items"]]}
    return None


# --- Set-up ----------------------------------------------------------------------------------------


def configure_environment(workdir: Path) -> None:
    """Settings come from the environment: point them at throwaway places before Django starts."""
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    if not os.environ.get("DATABASE_URL"):
        # Never the repository's db.sqlite3: the test database below is a temporary file as well.
        os.environ["CASCADE_SQLITE_PATH"] = str(workdir / "unused.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))


def create_databases(workdir: Path) -> Any:
    """A fresh, migrated database: a temporary SQLite file, or ``test_<name>`` on DATABASE_URL's server."""
    from django.db import connections
    from django.test.utils import setup_databases

    for connection in connections.all():
        if connection.vendor == "sqlite":
            # Without a name, Django's SQLite test database lives in memory; a file is what a site serves from.
            connection.settings_dict["TEST"]["NAME"] = str(workdir / f"bench-{connection.alias}.sqlite3")
    return setup_databases(verbosity=0, interactive=False, serialized_aliases=set())


def create_learner() -> User:
    from accounts.models import User

    return User.objects.create_user(
        email=LEARNER_EMAIL,
        password=LEARNER_PASSWORD,
        first_name="Тэмүүлэн",
        last_name="Бат",
        latin_first_name="Temuulen",
        latin_last_name="Bat",
    )


def create_floor_page() -> str:
    """A bare ``wagtailcore.Page`` (template ``wagtailcore/page.html``) under the Mongolian home page."""
    from wagtail.models import Page, Site

    home = Site.objects.get(is_default_site=True).root_page
    if home.locale.language_code != "mn":
        raise RuntimeError(f"expected the Mongolian home page as the site root, found {home!r}")
    # HomePage.subpage_types does not allow a bare Page; the admin's rule is not enforced at model level.
    page = home.add_child(instance=Page(title="Bench floor", slug=FLOOR_SLUG))
    page.save_revision().publish()
    return f"/mn/{FLOOR_SLUG}/"


# --- Measuring -------------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    url: str | Callable[[], str]  # an address, or a function preparing the next request's (untimed)
    client: Client
    method: str = "get"
    times: list[float] = field(default_factory=list)
    queries: int = 0

    def next_url(self) -> str:
        return self.url() if callable(self.url) else self.url

    def get(self, url: str | None = None) -> float:
        """One request; its wall time in seconds. A page that does not answer 200 stops the run."""
        url = url or self.next_url()
        start = time.perf_counter()
        response = getattr(self.client, self.method)(url)
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            where = response.headers.get("Location", "")
            raise RuntimeError(
                f"{self.name}: {self.method.upper()} {url} answered {response.status_code}"
                + (f" (redirect to {where})" if where else "")
                + "; a broken page has no ratio."
            )
        return elapsed

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def signed_in_client(user: User) -> Client:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def measure(targets: list[Target], *, warmup: int, rounds: int) -> None:
    """Warm up, count one request's queries, then time alternating rounds (floor, A, B, floor, A, B, …)."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        for target in targets:
            target.get()
    gc.collect()

    for target in targets:
        url = target.next_url()  # preparing the request (a fresh attempt to submit) is not counted
        with contextlib.ExitStack() as stack:
            captured = [stack.enter_context(CaptureQueriesContext(connection)) for connection in connections.all()]
            target.get(url)
        target.queries = sum(len(context) for context in captured)
    gc.collect()

    for _ in range(rounds):
        for target in targets:
            target.times.append(target.get())
    gc.collect()


def profile(target: Target, requests: int = 50) -> None:
    """One request's queries, then cProfile over ``requests`` requests: the costliest calls."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = target.next_url()
    with CaptureQueriesContext(connection) as queries:
        target.get(url)
    for number, query in enumerate(queries, start=1):
        print(f"{number:3}. {query['sql'][:300]}", file=sys.stderr)

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        target.get()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(80)
    stats.sort_stats("tottime").print_stats(30)


def report(targets: list[Target], *, show_budgets: bool) -> None:
    floor = targets[0]
    ratios = {target.name: target.median / floor.median for target in targets}
    ratios[FLOOR] = 1.0  # exactly, as printed
    for target in targets:
        median_ms = target.median * 1000
        print(f"{target.name}: ratio={ratios[target.name]:.2f} queries={target.queries} median_ms={median_ms:.2f}")
    del ratios[FLOOR]
    if not show_budgets:
        return
    print()
    exceeded = []
    for name, ratio in ratios.items():
        budget = BUDGETS.get(name)
        if budget is None:
            print(f"budget {name}: ratio={ratio:.2f}, no budget declared")
        elif round(ratio, 2) > budget:
            exceeded.append(name)
            print(f"budget {name}: ratio={ratio:.2f} EXCEEDS budget={budget:.2f}")
        else:
            print(f"budget {name}: ratio={ratio:.2f} within budget={budget:.2f}")
    for name in sorted(BUDGETS.keys() - ratios.keys()):
        print(f"budget {name}: not measured in this run (budget={BUDGETS[name]:.2f})")
    print(f"budgets exceeded: {', '.join(exceeded) if exceeded else 'none'}")


# --- Main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=200, help="timed requests per page (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per page first (default 20)")
    parser.add_argument(
        "--only", action="append", choices=sorted(SCENARIOS), metavar="NAME", help="measure only these scenarios"
    )
    parser.add_argument("--budget", action="store_true", help="after the lines, note the ratios above BUDGETS")
    parser.add_argument("--profile", metavar="NAME", help="after measuring, print where one page's time goes")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.warmup < 0:
        parser.error("--rounds must be at least 1 and --warmup at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="cascade-bench-"))
    old_config = None
    try:
        configure_environment(workdir)
        import django

        django.setup()
        from django.test.utils import teardown_databases

        try:
            old_config = create_databases(workdir)
            learner = create_learner()
            bench = Bench(learner=learner)
            targets = [Target(FLOOR, create_floor_page(), signed_in_client(learner))]
            for name in dict.fromkeys(args.only or SCENARIOS):
                entry = SCENARIOS[name]
                url, user, *method = entry.setup(bench)
                targets.append(Target(name, url, signed_in_client(user), *method))
            measure(targets, warmup=args.warmup, rounds=args.rounds)
            if args.profile:
                profile(next(target for target in targets if target.name == args.profile))
        finally:
            if old_config is not None:
                teardown_databases(old_config, verbosity=0)
        report(targets, show_budgets=args.budget)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
