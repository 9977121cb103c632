"""``manage.py rebuild_activity``: the report's months of activity worked out again from every
lesson, attempt and attendance record (as the nightly task does), e.g. after records were imported
in bulk."""

from django.core.management.base import BaseCommand

from reports.activity import rebuild


class Command(BaseCommand):
    help = "Work out every learner's months of activity in each course again from the records."

    def handle(self, *args, **options):
        rows = rebuild()
        self.stdout.write(f"{rows} months of activity")
