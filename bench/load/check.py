"""The load test's consistency check: what the database holds against what the clients were told.

Run by ``bench/load/run.py`` after the load, with the load settings::

    python bench/load/check.py COUNTS.json [COUNTS.json ...] [--wait SECONDS]

Prints one ``consistency:`` line per check and exits non-zero when one fails:

- every submit the clients saw succeed is a submitted attempt in the database, and there are no
  more submitted attempts than submits sent (the two are equal unless the run had to stop people
  in mid-request, when the server may have carried out requests whose answers nobody read);
- no learner has two progress records for one lesson, two enrolments in one course, or two
  certificates (not revoked) for one course and cycle;
- every course the clients saw completed is completed in the database (and no more than the
  completions sent), and every completed enrolment of the load's learners has its certificate;
- the worker rendered every certificate issued during the run (waiting up to ``--wait`` seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402

from assessments.models import Attempt  # noqa: E402
from certificates.models import Certificate  # noqa: E402
from courses.models import CoursePage, Enrolment, LessonProgress  # noqa: E402

LOAD_LEARNERS = {"learner__email__endswith": "@load.test"}


def duplicates(queryset, *fields: str) -> int:
    """How many groups of ``fields`` hold more than one row."""
    return queryset.values(*fields).annotate(rows=Count("pk")).filter(rows__gt=1).count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=Path, nargs="+")
    parser.add_argument("--wait", type=float, default=120, help="seconds to wait for the worker's renders")
    options = parser.parse_args()
    counts: dict[str, int] = {}
    for path in options.counts:
        for name, value in json.loads(path.read_text()).items():
            counts[name] = counts.get(name, 0) + value

    border = CoursePage.objects.get(locale__language_code="mn", slug="trafficking-at-the-border")
    failures = []

    submitted = Attempt.objects.filter(**LOAD_LEARNERS).exclude(state=Attempt.State.IN_PROGRESS).count()
    ok = counts["submits"] <= submitted <= counts["submits_sent"]
    failures += [] if ok else ["submits"]
    print(
        f"consistency: submits_sent={counts['submits_sent']} submits_seen={counts['submits']} "
        f"attempts_submitted={submitted} {'ok' if ok else 'MISMATCH'}"
    )

    twice = {
        "lesson_progress": duplicates(LessonProgress.objects.filter(**LOAD_LEARNERS), "learner", "lesson_key"),
        "enrolments": duplicates(Enrolment.objects.filter(**LOAD_LEARNERS), "learner", "course_key"),
        "certificates": duplicates(
            Certificate.objects.filter(**LOAD_LEARNERS).exclude(state=Certificate.State.REVOKED),
            "learner",
            "course_key",
            "cycle",
        ),
    }
    ok = not any(twice.values())
    failures += [] if ok else ["duplicates"]
    print("consistency: duplicates " + " ".join(f"{name}={n}" for name, n in twice.items()) + (" ok" if ok else ""))

    completed = Enrolment.objects.filter(**LOAD_LEARNERS, course_key=border.translation_key, completed_at__isnull=False)
    certificates = Certificate.objects.filter(**LOAD_LEARNERS, course_key=border.translation_key)
    without = completed.exclude(learner__certificates__course_key=border.translation_key).count()
    ok = counts["courses_completed"] <= completed.count() <= counts["completions_sent"] and not without
    failures += [] if ok else ["completions"]
    print(
        f"consistency: completions_sent={counts['completions_sent']} courses_completed_seen="
        f"{counts['courses_completed']} enrolments_completed={completed.count()} certificates={certificates.count()} "
        f"completed_without_certificate={without} {'ok' if ok else 'MISMATCH'}"
    )

    # The worker renders in the background: give it time to catch up with the end of the run.
    deadline = time.monotonic() + options.wait
    while (pending := certificates.filter(rendered_at__isnull=True).count()) and time.monotonic() < deadline:
        time.sleep(2)
    ok = not pending
    failures += [] if ok else ["renders"]
    print(f"consistency: certificates_rendered={certificates.count() - pending} pending={pending} {'ok' if ok else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
