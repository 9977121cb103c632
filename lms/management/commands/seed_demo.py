from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo import national
from lms.demo.certificates import demo_certificates
from lms.demo.content import DEMO_PASSWORD, PEOPLE
from lms.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Build the demo site: organisations, an account for every role, and bilingual content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--national",
            action="store_true",
            help="also fill a country's worth of training records for the reports' charts (generate_load_data)",
        )
        parser.add_argument(
            "--learners", type=int, default=5000, help="trainees generated with --national (default 5000)"
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a published password; it runs only with DEBUG on.")
        seed_demo()
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        self.stdout.write(f"Every demo account's password: {DEMO_PASSWORD}")
        for email, roles, *_rest in PEOPLE:
            self.stdout.write(f"  {email:<22} {', '.join(roles) or 'learner'}")
        self.stdout.write(
            "admin, editor and coordinator are asked to set up two-factor authentication at first sign-in."
        )
        self.stdout.write("Certificates to check at /verify/<code>/:")
        for status, certificate in demo_certificates().items():
            if certificate is not None:
                self.stdout.write(f"  {status:<8} {certificate.display_code}  {certificate.learner.email}")
        if options["national"]:
            self.seed_national(options["learners"])

    def seed_national(self, learners: int) -> None:
        from .generate_load_data import write_made

        if national.exists():
            self.stdout.write("National data already there (manage.py generate_load_data --reset replaces them).")
            return
        self.stdout.write(f"Generating national data: {learners} trainees with their trainers, over three years…")
        write_made(self.stdout, national.generate(learners=learners))
        self.stdout.write("See them at /mn/reports/ as admin@demo.mn (group by region for the map).")
