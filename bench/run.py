"""Page-speed benchmark: each budgeted page measured against two floors, in one process.

Run from the repository root::

    .venv/bin/python bench/run.py [--rounds N] [--warmup N] [--only NAME ...] [--budget]

Both floors are the same bare Wagtail ``Page``, Wagtail's own title-only template, requested by the
same signed-in learner. ``floor`` is served through Cascade's whole middleware stack and address
book, at /mn/bench-floor/; ``floor_plain`` as a stock Wagtail project serves it (Django's default
middleware as ``wagtail start`` lists it, ``wagtail start``'s addresses, no session write), at
/bench-floor/. Each page's time is reported as a ratio to both (``ratio=``, ``plain=``), so the
numbers compare across machines and databases. The budgets of pages are ratios to the plain floor.

Output, one line per page (the floors first)::

    floor: ratio=1.00 plain=P queries=N median_ms=X
    floor_plain: ratio=R plain=1.00 queries=N median_ms=X
    NAME: ratio=R plain=P queries=N median_ms=X

Some budgets are not pages: a certificate's PDF is made by a worker, not served. These are measured
by calling Cascade's code, each against a floor of its own (not the floor page), and their lines
follow the pages'::

    certificate_pdf: ratio=R queries=N median_ms=X weasyprint_ms=Y
    certificate_rss: ratio=R rss_20_mb=A rss_500_mb=B

This is a measurement, not a test: it never fails on timing. It exits non-zero only when it cannot
measure (a page that does not answer 200 has no ratio), or, with ``--budget``, when the programme's
indicators break their rules (``indicator_failures``): the report page over generated national data
must make the same queries at 10,000 and 100,000 trainees, take at most ten times as long at 100,000,
and, on PostgreSQL, less than a second::

    indicators_10k: ms=X queries=N grouped_ms=Y grouped_queries=M learners=10000 generate_s=S
    indicators_100k: ms=X queries=N grouped_ms=Y grouped_queries=M learners=100000 generate_s=S ratio=R

To measure a new page, add one function::

    @scenario("lesson_page", budget=1.5)
    def lesson_page(bench: Bench) -> tuple[str, User]:
        bench.demo()  # the demo data, seeded once per run
        ...  # create what the page needs
        return "/mn/.../", bench.learner

To measure something that is not a page, add one function returning its line's figures, ratio first::

    @measurement("certificate_pdf", budget=1.0)
    def certificate_pdf(bench: Bench, *, warmup: int, rounds: int) -> dict[str, float | int]:
        ...  # time it and its own floor
        return {"ratio": median / floor_median, "median_ms": median * 1000}
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

    from accounts.models import User

REPO_ROOT = Path(__file__).resolve().parent.parent

FLOOR = "floor"
FLOOR_PLAIN = "floor_plain"
FLOOR_SLUG = "bench-floor"
# What ``wagtail start`` puts in MIDDLEWARE: the plain floor is served through these alone.
STOCK_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
STOCK_URLCONF = "bench.plain_urls"
LEARNER_EMAIL = "bench-learner@example.mn"
LEARNER_PASSWORD = "bench-learner-password-0123"


# --- The registry --------------------------------------------------------------------------------

# Largest accepted ratio to the plain floor (a page's), or to its own floor (a measurement's), by
# scenario name. ``--budget`` reports the ratios above these.
# Filled by ``@scenario(..., budget=...)`` and ``@measurement(..., budget=...)``.
BUDGETS: dict[str, float] = {}


@dataclass
class Scenario:
    name: str
    setup: Callable[[Bench], tuple[str, User]]
    budget: float | None = None
    # Its requests change the page tree (a publish before each): timed in rounds of its own with the
    # floors, so that the other pages are not measured cold after it.
    isolated: bool = False


SCENARIOS: dict[str, Scenario] = {}

# A figure of an in-process measurement's line, by name: ``ratio`` first, then what explains it.
Figures = dict[str, float | int]


@dataclass
class Measurement:
    """Not a page: ``run(bench, warmup=N, rounds=N)`` measures in-process, against a floor of its own,
    and returns its line's figures. Its ratio is checked against its budget like a page's."""

    name: str
    run: Callable[..., Figures]
    budget: float | None = None


MEASUREMENTS: dict[str, Measurement] = {}


def _claim(name: str, budget: float | None) -> None:
    # Pages and measurements share one namespace: ``--only`` and BUDGETS go by name.
    if name in (FLOOR, FLOOR_PLAIN) or name in SCENARIOS or name in MEASUREMENTS:
        raise ValueError(f"scenario name already taken: {name}")
    if budget is not None:
        BUDGETS[name] = budget


def scenario(name: str, *, budget: float | None = None, isolated: bool = False):
    """Register a page to measure: ``setup(bench)`` creates its data and returns (URL, user).
    ``isolated``: its requests change what the others read (see ``Scenario.isolated``)."""

    def register(setup: Callable[[Bench], tuple[str, User]]):
        _claim(name, budget)
        SCENARIOS[name] = Scenario(name, setup, budget, isolated)
        return setup

    return register


def measurement(name: str, *, budget: float | None = None):
    """Register an in-process measurement: ``run(bench, warmup=, rounds=)`` returns its figures, ratio first."""

    def register(run: Callable[..., Figures]):
        _claim(name, budget)
        MEASUREMENTS[name] = Measurement(name, run, budget)
        return run

    return register


@dataclass
class Bench:
    """What scenarios share: the signed-in learner, and the demo data seeded at most once."""

    learner: User
    _demo: dict[str, User] | None = field(default=None, repr=False)
    # The numbers of trainees behind indicators_10k and indicators_100k (smaller in the test suite),
    # and the 10k figures, which the 100k line is compared with.
    indicator_sizes: tuple[int, int] = (10_000, 100_000)
    indicator_figures: dict[str, Figures] = field(default_factory=dict, repr=False)

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
    """Enrols ``learner`` in ``course`` with its first lessons done; nothing if already enrolled."""
    from courses.models import Enrolment, LessonPage
    from courses.services import enrolment_create, lesson_complete

    if Enrolment.objects.filter(learner=learner, course_key=course.translation_key).exists():
        return
    enrolment_create(learner=learner, course=course)
    for lesson in LessonPage.objects.descendant_of(course).live().order_by("path")[:lessons_done]:
        lesson_complete(learner=learner, lesson=lesson)


def _demo_lesson(bench: Bench):
    """A demo lesson (text, callouts, a content note, a scenario, a reflection), for
    the learner enrolled and part-way through its course."""
    from courses.models import CoursePage, LessonPage

    bench.demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    _enrol(bench.learner, course, lessons_done=2)
    # In module 1: module 2 opens only once module 1's quiz is passed.
    return LessonPage.objects.live().get(locale__language_code="mn", slug="behaviour-and-disclosure")


@scenario("lesson_page", budget=1.5)
def lesson_page(bench: Bench) -> tuple[str, User]:
    """A demo lesson read by a learner part-way through the course, the page tree's facts cached."""
    return _demo_lesson(bench).url, bench.learner


@scenario("lesson_page_cold", budget=2.5, isolated=True)
def lesson_page_cold(bench: Bench) -> tuple[Callable[[], str], User]:
    """The same lesson, each time just after it is published again (the publishing is not timed):
    the first request after a publish. A lesson's publish starts a new version of the page tree's
    cache below the courses, so nothing cached for the lesson, its route or its course's outline is
    read; publishing the lesson itself is the change no cache of its own could outlive."""
    lesson = _demo_lesson(bench)

    def next_request() -> str:
        lesson.save_revision().publish()
        return lesson.url

    return next_request, bench.learner


def _fifty_lesson_course(bench: Bench):
    """A 50-lesson course (5 modules of 10 demo lessons), built once per run."""
    import copy

    from wagtail.models import Locale

    from courses.models import CourseIndexPage, CoursePage
    from lms.demo.courses import seed_course
    from lms.demo.courses_content import COURSES
    from lms.demo.support import seed_support

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
    return seed_course(spec, catalogue, mn, en, seed_support(mn, en))  # the demo's contacts, already there


@scenario("course_page", budget=1.7)
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


@scenario("quiz_page", budget=1.7)
def quiz_page(bench: Bench) -> tuple[str, User]:
    """A demo module quiz, for a learner with two finished attempts."""
    from assessments.services import attempt_start, attempt_submit
    from courses.models import CoursePage

    bench.demo()
    course = CoursePage.objects.get(locale__language_code="mn", slug="trauma-informed-interviewing")
    _enrol(bench.learner, course, lessons_done=0)
    quiz = _demo_quiz("trauma-and-the-child-quiz")
    for _ in range(2):
        attempt_submit(attempt=attempt_start(learner=bench.learner, quiz=quiz))
    return quiz.url, bench.learner


@scenario("attempt_submit", budget=3.0)
def attempt_submit_scenario(bench: Bench) -> tuple:
    """Submitting a fresh attempt of a demo quiz with every question answered, through the API."""
    from assessments.services import answer_save, attempt_start

    # A demo trainer who finished the course: module 2's quiz is open to them (modules open in
    # order, on the server too), and the attempts that pile up here are not quiz_page's learner's.
    taker = bench.demo()["trainer@demo.mn"]
    quiz = _demo_quiz("conducting-the-interview-quiz")

    def next_request() -> str:
        attempt = attempt_start(learner=taker, quiz=quiz)
        for entry in attempt.snapshot:
            response = _first_answer(entry)
            if response is not None:
                answer_save(attempt=attempt, question_id=entry["id"], response=response)
        return f"/api/v1/attempts/{attempt.pk}/submit"

    return next_request, taker, "post"


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


# --- In-process measurements -----------------------------------------------------------------------

# A certificate's PDF is made by a Celery worker, not served: there is no page to request, and the
# floor page is no yardstick for it. Each measurement here brings its own floor.

CERTIFICATE_TEMPLATE = "Bench certificate"
RSS_WARM = 20  # renders before the first reading: imports, the font configuration, the stylesheet
RSS_RENDERS = 500  # the budget's count: memory after this many renders over memory after RSS_WARM


def _certificates(bench: Bench) -> list[int]:
    """RSS_RENDERS certificates of a demo course for the learner (one per cycle), created once per run;
    their primary keys. Each has a code of its own, so each render makes a different QR code."""
    from certificates.codes import new_code
    from certificates.models import Certificate, CertificateTemplate, CertificationRule
    from courses.models import CoursePage

    bench.demo()
    # Not the course the page scenarios enrol the learner in: these certificates are the only ones
    # the learner holds of it.
    course = CoursePage.objects.get(locale__language_code="mn", slug="trafficking-at-the-border")
    rule = CertificationRule.objects.filter(course_key=course.translation_key).select_related("template").first()
    if rule is None:  # the demo's rule when it has one (its template has a signatory), else the bench's
        template = CertificateTemplate.objects.create(
            name=CERTIFICATE_TEMPLATE,
            issuer_mn="Хүүхэд хамгааллын сургалтын төв",
            issuer_en="Child Protection Training Centre",
        )
        rule = CertificationRule.objects.create(course=course, template=template)
    certificates = Certificate.objects.filter(learner=bench.learner, rule=rule).order_by("cycle")
    if not certificates.exists():
        english = CoursePage.objects.get(locale__language_code="en", translation_key=course.translation_key)
        snapshot = rule.template.snapshot()
        Certificate.objects.bulk_create(
            Certificate(
                learner=bench.learner,
                rule=rule,
                course_key=rule.course_key,
                cycle=cycle,
                code=new_code(),
                holder_name="Дорж Батболд",
                holder_name_latin="Batbold Dorj",
                course_title={"mn": course.title, "en": english.title},
                hours=12,
                completed_on=date(2026, 1, 15),
                template=snapshot,
            )
            for cycle in range(1, RSS_RENDERS + 1)
        )
    return list(certificates.values_list("pk", flat=True))


@measurement("certificate_pdf", budget=1.0)
def certificate_pdf_measurement(bench: Bench, *, warmup: int, rounds: int) -> Figures:
    """A worker's warm render of one certificate PDF: the row from the database, the Django template,
    the QR code, and WeasyPrint with the process's font configuration and parsed stylesheet.

    Its floor is NOT the floor page: it is a bare ``weasyprint.HTML(string=html).write_pdf()`` of
    the same certificate's HTML, in the same process, with nothing reused between calls. That HTML is
    the screen version, whose stylesheet is inlined in a <style> element: the bare call prints the
    same certificate, without the cached font configuration and parsed stylesheet."""
    import weasyprint

    from certificates.models import Certificate
    from certificates.rendering import certificate_html, certificate_pdf

    pk = _certificates(bench)[0]
    html = certificate_html(Certificate.objects.get(pk=pk), for_pdf=False)
    sides = {
        "cascade": lambda: certificate_pdf(Certificate.objects.get(pk=pk)),
        "bare": lambda: weasyprint.HTML(string=html).write_pdf(),
    }

    for _ in range(warmup):
        for render in sides.values():
            render()
    gc.collect()

    queries = count_queries(sides["cascade"])
    for side, render in sides.items():
        if not render().startswith(b"%PDF-"):
            raise RuntimeError(f"certificate_pdf: the {side} render made no PDF; a broken render has no ratio.")
    gc.collect()

    # Alternating, as the pages are (cascade, bare, cascade, bare, …): a slower moment hits both.
    times: dict[str, list[float]] = {side: [] for side in sides}
    for _ in range(rounds):
        for side, render in sides.items():
            start = time.perf_counter()
            render()
            times[side].append(time.perf_counter() - start)
    gc.collect()

    median, floor = statistics.median(times["cascade"]), statistics.median(times["bare"])
    return {"ratio": median / floor, "queries": queries, "median_ms": median * 1000, "weasyprint_ms": floor * 1000}


@measurement("certificate_rss", budget=1.25)
def certificate_rss_measurement(bench: Bench, *, warmup: int, rounds: int) -> Figures:
    """A worker's memory over many certificates: resident memory after RSS_RENDERS renders over
    resident memory after RSS_WARM, each render a different certificate, as a worker's would be.

    Measured in a fresh child process, so that nothing this process did before (the demo, the pages,
    certificate_pdf) weighs in either reading. ``--warmup`` and ``--rounds`` do not apply: the budget
    is for these counts."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from django.db import connections

    pks = _certificates(bench)
    # The child starts from the settings, which name no test database: it is told where the data is.
    databases = {connection.alias: connection.settings_dict["NAME"] for connection in connections.all()}
    # "spawn": a new interpreter importing only what rendering needs, not a copy of this process's memory.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as child:
        resident = child.submit(_render_certificates, databases, pks, (RSS_WARM, RSS_RENDERS)).result()
    return {
        "ratio": resident[RSS_RENDERS] / resident[RSS_WARM],
        f"rss_{RSS_WARM}_mb": resident[RSS_WARM],
        f"rss_{RSS_RENDERS}_mb": resident[RSS_RENDERS],
    }


def _render_certificates(databases: dict[str, str], pks: list[int], readings: tuple[int, ...]) -> dict[int, float]:
    """In the child process: render the certificates in turn, each loaded as a worker loads it; the
    resident memory (MB) after each count of renders in ``readings``."""
    import django

    django.setup()  # the environment is the parent's: configure_environment() has run there
    from django.db import connections

    from certificates.models import Certificate
    from certificates.rendering import certificate_pdf

    for alias, name in databases.items():
        connections[alias].settings_dict["NAME"] = name  # before the first query opens the connection
    quiet_weasyprint()
    resident = {}
    try:
        for done, pk in enumerate(pks, start=1):
            certificate_pdf(Certificate.objects.get(pk=pk))
            if done in readings:
                gc.collect()  # what is still held, not garbage waiting for the collector
                resident[done] = resident_mb()
    finally:
        connections.close_all()  # a server database is dropped after the run; nothing may hold it open
    return resident


def resident_mb() -> float:
    """This process's resident memory now (VmRSS), in MB; without /proc, its peak so far (ru_maxrss)."""
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024  # kB
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, kB elsewhere


# --- The programme's indicators at national scale ---------------------------------------------------

# The report page over generated national data (``lms.demo.national``), for an administrator, the
# whole country, the default filters (this year) and grouped by region. Not against a floor: what
# matters is that the page's queries do not grow with the data and its time grows less than the data.
INDICATOR_PAGES = {"ms": "/mn/reports/", "grouped_ms": "/mn/reports/?group_by=region"}
INDICATOR_ROUNDS = 10  # at most: a request over 100,000 people takes a second or more
INDICATOR_GROWTH = 10.0  # at most this many times the 10k time at 100k, under --budget
INDICATOR_SECONDS = 1.0  # under --budget on PostgreSQL: each 100k page in less than this


def _indicator_admin() -> User:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts import roles
    from accounts.models import User
    from accounts.services import role_grant

    admin = User.objects.filter(email="bench-admin@example.mn").first()
    if admin is None:
        admin = User.objects.create_user(email="bench-admin@example.mn", password=LEARNER_PASSWORD)
        role_grant(user=admin, role=roles.ADMIN)
        TOTP.activate(admin, generate_totp_secret())  # an administrator signs in with two factors
        admin.refresh_from_db()
    return admin


def _indicators(bench: Bench, learners: int, *, warmup: int, rounds: int) -> Figures:
    """Generate ``learners`` trainees (replacing any load data), then time the two report pages."""
    from lms.demo import national

    if national.exists():
        national.reset()
    made = national.generate(learners=learners, seed=1)
    client = signed_in_client(_indicator_admin())
    targets = {name: Target(name, url, client) for name, url in INDICATOR_PAGES.items()}
    for _ in range(max(1, min(warmup, 2))):  # the first request fills the page tree's cache
        for target in targets.values():
            target.get()
    queries = {name: count_queries(target.get) for name, target in targets.items()}
    for _ in range(max(1, min(rounds, INDICATOR_ROUNDS))):
        for target in targets.values():
            target.times.append(target.get())
    figures: Figures = {}
    for name, target in targets.items():
        figures[name] = target.median * 1000
        figures[name.replace("ms", "queries")] = queries[name]
    figures["learners"] = learners
    figures["generate_s"] = made.seconds
    return figures


@measurement("indicators_10k")
def indicators_10k(bench: Bench, *, warmup: int, rounds: int) -> Figures:
    """The report page over 10,000 generated trainees (their trainers and three years of records)."""
    figures = _indicators(bench, bench.indicator_sizes[0], warmup=warmup, rounds=rounds)
    bench.indicator_figures["indicators_10k"] = figures
    return figures


@measurement("indicators_100k", budget=INDICATOR_GROWTH)
def indicators_100k(bench: Bench, *, warmup: int, rounds: int) -> Figures:
    """The same over 100,000; ``ratio`` is its time over the 10k time (the slower of the two pages),
    when indicators_10k was measured in the same run."""
    figures = _indicators(bench, bench.indicator_sizes[1], warmup=warmup, rounds=rounds)
    small = bench.indicator_figures.get("indicators_10k")
    if small is not None:
        ratio = max(figures[name] / small[name] for name in INDICATOR_PAGES)
        figures["ratio"] = ratio
    bench.indicator_figures["indicators_100k"] = figures
    return figures


def indicator_failures(readings: dict[str, Figures], *, postgresql: bool) -> list[str]:
    """What ``--budget`` fails the run on: the queries differ between the sizes, the 100k page takes
    more than INDICATOR_GROWTH times the 10k page, or (on PostgreSQL) INDICATOR_SECONDS or more."""
    small, large = readings.get("indicators_10k"), readings.get("indicators_100k")
    failures = []
    if small and large:
        for name in INDICATOR_PAGES:
            count = name.replace("ms", "queries")
            if small[count] != large[count]:
                failures.append(f"{count}: {small[count]} at 10k, {large[count]} at 100k")
        if large["ratio"] > INDICATOR_GROWTH:
            failures.append(f"100k takes {large['ratio']:.2f} times the 10k time (at most {INDICATOR_GROWTH:.0f})")
    if large and postgresql:
        for name in INDICATOR_PAGES:
            if large[name] >= INDICATOR_SECONDS * 1000:
                failures.append(f"{name} at 100k: {large[name]:.0f} ms (under {INDICATOR_SECONDS * 1000:.0f})")
    return failures


# --- Set-up ----------------------------------------------------------------------------------------


def configure_environment(workdir: Path) -> None:
    """Settings come from the environment: point them at throwaway places before Django starts."""
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    if not os.environ.get("DATABASE_URL"):
        # Never the repository's db.sqlite3: the test database below is a temporary file as well.
        os.environ["CASCADE_SQLITE_PATH"] = str(workdir / "unused.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))


def allow_test_client_host() -> None:
    """After ``django.setup()``: the bench requests pages through Django's test client, which names
    the host "testserver". The test settings allow any host, but the bench may run under other
    settings (``DJANGO_SETTINGS_MODULE=lms.settings.dev``), whose host list would answer 400."""
    from django.conf import settings

    if "*" not in settings.ALLOWED_HOSTS and "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def quiet_weasyprint() -> None:
    """After ``django.setup()``: WeasyPrint logs each step of a render at INFO, which the settings let
    through to the console; over hundreds of certificates, thousands of lines burying the output."""
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


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


def plain_client(user: User) -> Client:
    """A test client served as a stock Wagtail project serves: Django's default middleware
    (``STOCK_MIDDLEWARE``) and ``wagtail start``'s URLs (Wagtail's pages at the site's root, no
    language prefix), in this process, on this database and these settings otherwise. Signed in as
    ``user``, although nothing of the floor page asks who is there."""
    from django.test.client import ClientHandler
    from django.test.utils import override_settings

    class StockHandler(ClientHandler):
        def load_middleware(self, is_async=False):
            # Once, before the first request: the chain is kept for the client's lifetime.
            with override_settings(MIDDLEWARE=STOCK_MIDDLEWARE):
                super().load_middleware(is_async)

        def get_response(self, request):
            request.urlconf = STOCK_URLCONF  # Django's own way for a request to use other URLs
            return super().get_response(request)

    client = signed_in_client(user)
    client.handler = StockHandler(client.handler.enforce_csrf_checks)
    return client


def floor_targets(learner: User) -> list[Target]:
    """The two floors, the same page: through Cascade's whole stack at its Mongolian address, and as
    a stock Wagtail site serves it at the site's root (``plain_client``)."""
    from django.conf import settings

    if settings.SESSION_SAVE_EVERY_REQUEST:
        # Stock Django saves a session only when it changed; the plain floor must not pay for it.
        raise RuntimeError("SESSION_SAVE_EVERY_REQUEST is on: the plain floor would not be Django's default")
    url = create_floor_page()
    return [
        Target(FLOOR, url, signed_in_client(learner)),
        Target(FLOOR_PLAIN, url.removeprefix("/mn"), plain_client(learner)),
    ]


# --- Measuring -------------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    url: str | Callable[[], str]  # an address, or a function preparing the next request's (untimed)
    client: Client
    method: str = "get"
    times: list[float] = field(default_factory=list)
    queries: int = 0
    # The floor and plain floor timed in the same rounds, when not the first two targets'.
    floors: list[Target] | None = None

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


def count_queries(call: Callable[[], Any]) -> int:
    """The database queries of one call, on every connection."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    with contextlib.ExitStack() as stack:
        captured = [stack.enter_context(CaptureQueriesContext(connection)) for connection in connections.all()]
        call()
    return sum(len(context) for context in captured)


def measure(targets: list[Target], *, warmup: int, rounds: int) -> None:
    """Warm up, count one request's queries, then time alternating rounds (floor, A, B, floor, A, B, …)."""
    for _ in range(warmup):
        for target in targets:
            target.get()
    gc.collect()

    for target in targets:
        url = target.next_url()  # preparing the request (a fresh attempt to submit) is not counted
        target.queries = count_queries(lambda: target.get(url))  # noqa: B023 (called here, in the loop)
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


def report(targets: list[Target], readings: dict[str, Figures], *, show_budgets: bool) -> None:
    """The pages' lines (the floors first; none when no page was measured), then the measurements'.

    A page's budget is a ratio to the plain floor (``plain=``); a measurement's, to its own floor."""
    ratios: dict[str, float] = {}
    if targets:
        for target in targets:
            floor, plain = (yardstick.median for yardstick in (target.floors or targets[:2]))
            ratio = 1.0 if target.name == FLOOR else target.median / floor  # exactly, as printed
            ratio_plain = 1.0 if target.name == FLOOR_PLAIN else target.median / plain
            if target.name not in (FLOOR, FLOOR_PLAIN):
                ratios[target.name] = ratio_plain
            print(
                f"{target.name}: ratio={ratio:.2f} plain={ratio_plain:.2f} queries={target.queries}"
                f" median_ms={target.median * 1000:.2f}"
            )
    for name, figures in readings.items():
        if "ratio" in figures:  # indicators_10k has none: it is the 100k line's yardstick
            ratios[name] = figures["ratio"]
        print(f"{name}: " + " ".join(f"{key}={_figure(value)}" for key, value in figures.items()))
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


def _figure(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{value:.2f}"


# --- Main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--rounds", type=int, default=200, help="timed requests per page, or renders per side (default 200)"
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="untimed requests per page, or renders per side, first (default 20)"
    )
    parser.add_argument(
        "--only",
        action="extend",
        nargs="+",
        choices=sorted([*SCENARIOS, *MEASUREMENTS]),
        metavar="NAME",
        help="measure only these scenarios (--only A B, or --only A --only B)",
    )
    parser.add_argument(
        "--budget",
        action="store_true",
        help="after the lines, note the ratios above BUDGETS; fail on the indicators' rules (see indicator_failures)",
    )
    parser.add_argument(
        "--skip-100k", action="store_true", help="leave out indicators_100k (minutes of data generation on SQLite)"
    )
    parser.add_argument(
        "--indicator-learners",
        type=int,
        nargs=2,
        default=(10_000, 100_000),
        metavar=("SMALL", "LARGE"),
        help="trainees generated for indicators_10k and indicators_100k (default 10000 100000)",
    )
    parser.add_argument(
        "--profile",
        choices=sorted([FLOOR, FLOOR_PLAIN, *SCENARIOS]),
        metavar="NAME",
        help="after measuring, print where one page's time goes",
    )
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
        allow_test_client_host()
        quiet_weasyprint()
        from django.test.utils import teardown_databases

        try:
            old_config = create_databases(workdir)
            learner = create_learner()
            bench = Bench(learner=learner, indicator_sizes=tuple(args.indicator_learners))
            chosen = list(dict.fromkeys(args.only or [*SCENARIOS, *MEASUREMENTS]))
            if args.skip_100k and "indicators_100k" in chosen:
                chosen.remove("indicators_100k")
            if "indicators_10k" in chosen and "indicators_100k" in chosen:  # the 100k line is compared with it
                chosen.remove("indicators_10k")
                chosen.insert(chosen.index("indicators_100k"), "indicators_10k")
            targets: list[Target] = []
            pages = [name for name in chosen if name in SCENARIOS]
            if pages:  # the floors are the pages' yardstick; the measurements bring their own
                targets += floor_targets(learner)
            for name in pages:
                url, user, *method = SCENARIOS[name].setup(bench)
                targets.append(Target(name, url, signed_in_client(user), *method))
            if targets:
                floors = targets[:2]
                together = [
                    target for target in targets if not (target.name in SCENARIOS and SCENARIOS[target.name].isolated)
                ]
                measure(together, warmup=args.warmup, rounds=args.rounds)
                for target in targets:
                    if target not in together:  # its own rounds, with floors of its own
                        target.floors = [replace(floor, times=[]) for floor in floors]
                        measure([*target.floors, target], warmup=args.warmup, rounds=args.rounds)
            if args.profile:
                profile(next(target for target in targets if target.name == args.profile))
            # After the pages: the learner's 500 certificates are not there while the pages are timed.
            readings = {
                name: MEASUREMENTS[name].run(bench, warmup=args.warmup, rounds=args.rounds)
                for name in chosen
                if name in MEASUREMENTS
            }
            postgresql = connection_vendor() == "postgresql"
        finally:
            if old_config is not None:
                teardown_databases(old_config, verbosity=0)
        report(targets, readings, show_budgets=args.budget)
        failures = indicator_failures(readings, postgresql=postgresql) if args.budget else []
        for failure in failures:
            print(f"indicators budget: {failure}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


if __name__ == "__main__":
    sys.exit(main())
