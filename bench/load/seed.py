"""The load test's data, written into the load test's own database, and the plan the locustfile reads.

Run by ``bench/load/run.py`` with the load settings (never by hand against a real database)::

    python bench/load/seed.py --learners N --plan PATH

What it makes, on top of the demo (``seed_demo()``, called directly: its command refuses to run
without DEBUG, and the load test runs with DEBUG off):

- ``N`` learners (``load-00001@load.test`` …), verified, all with one password, enrolled in the demo's
  border course (three lessons and a quiz; completing the lessons issues a certificate);
- one in-person cohort for each of the demo's two trainers, of the interviewing course they are
  authorised for, with 100 of those learners each and a session today whose attendance is taken
  during the run;
- the demo's certificates rendered (issued), for the visitors to verify;
- the plan (JSON): the accounts, the pages' and the API's ids, the certificates' codes to verify.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Organisation, User  # noqa: E402
from assessments.models import QuizPage  # noqa: E402
from certificates.models import Certificate  # noqa: E402
from certificates.tasks import render_certificate  # noqa: E402
from cohorts.models import Cohort, CohortMembership  # noqa: E402
from cohorts.services import cohort_create, memberships_add_many, session_create  # noqa: E402
from courses.models import CoursePage, Enrolment, LessonPage  # noqa: E402
from courses.outline import course_outline  # noqa: E402
from courses.services import enrolments_create  # noqa: E402
from lms.demo.content import DEMO_PASSWORD  # noqa: E402
from lms.demo.seed import seed_demo  # noqa: E402

LEARNER_EMAIL = "load-{:05d}@load.test"
LEARNER_PASSWORD = "Cascade-load-2026"
LEARNER_COURSE = "trafficking-at-the-border"
TRAINERS = ("trainer@demo.mn", "trainer2@demo.mn")
COHORT_COURSE = "trauma-informed-interviewing"
COHORT_SIZE = 100


def seed_learners(count: int) -> list[User]:
    """``count`` learners in one bulk insert each for the accounts, their addresses and enrolments."""
    organisation = Organisation.objects.get(code="police-bayanzurkh")
    password = make_password(LEARNER_PASSWORD)  # hashed once for all: hashing is the slow part
    User.objects.bulk_create(
        [
            User(
                email=LEARNER_EMAIL.format(number),
                first_name=f"Суралцагч {number}",
                last_name="Ачаалал",
                latin_first_name=f"Learner {number}",
                latin_last_name="Load",
                organisation=organisation,
                password=password,
                preferred_language="mn",
            )
            for number in range(1, count + 1)
        ]
    )
    learners = list(User.objects.filter(email__endswith="@load.test").order_by("email"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=learner, email=learner.email, verified=True, primary=True) for learner in learners]
    )
    course = CoursePage.objects.get(locale__language_code="mn", slug=LEARNER_COURSE)
    enrolments_create(learners=learners, course=course, source=Enrolment.Source.SELF)
    return learners


def seed_cohorts(learners: list[User]) -> list[Cohort]:
    """One in-person cohort per demo trainer, each with its own share of the learners and a session today."""
    course = CoursePage.objects.get(locale__language_code="mn", slug=COHORT_COURSE)
    today = timezone.localdate()
    cohorts = []
    for index, email in enumerate(TRAINERS):
        trainer = User.objects.get(email=email)
        cohort = cohort_create(
            course=course,
            lead_trainer=trainer,
            by=trainer,
            name=f"Load test cohort {index + 1}",
            organisation=trainer.organisation,
            mode=Cohort.Mode.IN_PERSON,
            status=Cohort.Status.RUNNING,
            starts_on=today - timedelta(days=7),
            location="Training hall",
        )
        members = learners[index * COHORT_SIZE : (index + 1) * COHORT_SIZE]
        memberships_add_many(cohort=cohort, learners=members, source=CohortMembership.Source.IMPORT)
        starts_at = timezone.now().replace(minute=0, second=0, microsecond=0)
        session_create(cohort=cohort, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))
        cohorts.append(cohort)
    return cohorts


def course_plan() -> dict:
    """The border course as the learners meet it, in Mongolian: the course, its lessons, its quiz."""
    course = CoursePage.objects.get(locale__language_code="mn", slug=LEARNER_COURSE)
    outline = course_outline(course)
    lessons = [item.page for item in outline.lessons if isinstance(item.page, LessonPage)]
    quizzes = [item.page for item in outline.lessons if isinstance(item.page, QuizPage)]
    return {
        "course": course.pk,
        "course_url": course.get_url(),
        "lessons": [{"id": page.pk, "url": page.get_url()} for page in lessons],
        "quiz": quizzes[0].pk,
    }


def plan() -> dict:
    """What the locustfile needs to know, read back from the database."""
    learners = User.objects.filter(email__endswith="@load.test").order_by("email").values_list("email", flat=True)
    trainers = []
    for email in TRAINERS:
        cohort = Cohort.objects.filter(lead_trainer__email=email, name__startswith="Load test cohort").get()
        trainers.append({"email": email, "cohort": cohort.pk, "session": cohort.sessions.get().pk})
    codes = Certificate.objects.exclude(learner__email__endswith="@load.test").order_by("pk")
    return {
        "learners": list(learners),
        "learner_password": LEARNER_PASSWORD,
        "trainers": trainers,
        "trainer_password": DEMO_PASSWORD,
        "certificates": [certificate.display_code for certificate in codes],
        **course_plan(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=0, help="learner accounts to make")
    parser.add_argument("--plan", type=Path, help="write the plan there")
    parser.add_argument("--plan-only", action="store_true", help="only write the plan of a seeded database")
    options = parser.parse_args()
    if not options.plan_only:
        with transaction.atomic():
            seed_demo()
            # Two cohorts of COHORT_SIZE come out of the learners.
            seed_cohorts(seed_learners(max(options.learners, 2 * COHORT_SIZE)))
        # The demo's certificates, rendered here rather than by a worker: the run's Redis database is
        # emptied before each run, and a certificate still pending is one nobody can verify.
        for certificate in Certificate.objects.filter(state=Certificate.State.PENDING):
            render_certificate(certificate.pk)
    if options.plan:
        written = plan()
        options.plan.write_text(json.dumps(written, indent=1))
        print(f"plan: learners={len(written['learners'])} certificates={len(written['certificates'])}")


if __name__ == "__main__":
    main()
