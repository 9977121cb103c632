from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo import national


class Command(BaseCommand):
    help = (
        "Generate a country's worth of training records (organisations in every aimag and district, a "
        "three-level cascade, enrolments, lessons, tests, attendance, certificates over three years) "
        "for trying and measuring the reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, required=True, help="trainees to generate (e.g. 100000)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed on the same day gives the same data")
        parser.add_argument("--reset", action="store_true", help="delete the load data already there first")

    def handle(self, *args, learners: int, seed: int, reset: bool, **options):
        if not settings.DEBUG:
            raise CommandError("generate_load_data fills the reports with made-up people; it runs only with DEBUG on.")
        if learners < 1:
            raise CommandError("--learners must be at least 1.")
        if national.exists():
            if not reset:
                raise CommandError("Load data already exist. Run again with --reset to replace them.")
            deleted = national.reset()
            self.stdout.write(f"Deleted the load data already there ({deleted} people).")
        made = national.generate(learners=learners, seed=seed)
        write_made(self.stdout, made)


def write_made(out, made: national.Made) -> None:
    for label, count in sorted(made.rows.items()):
        out.write(f"  {label:<32} {count:>9}")
    expected = made.expected()
    out.write(
        f"People enrolled {expected['enrolled']}, completed {expected['completed']}, certified "
        f"{expected['certified_valid']} valid, {expected['certified_expired']} expired, "
        f"{expected['certified_revoked']} revoked."
    )
    out.write(f"Made in {made.seconds:.1f} s.")
