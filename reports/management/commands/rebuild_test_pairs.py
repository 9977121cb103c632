"""``manage.py rebuild_test_pairs``: the report's pre- and post-test pairs worked out again from
every attempt (as the nightly task does), e.g. after attempts were imported in bulk."""

from django.core.management.base import BaseCommand

from reports.test_pairs import rebuild


class Command(BaseCommand):
    help = "Work out every learner's pre- and post-test grades again from their attempts."

    def handle(self, *args, **options):
        pairs = rebuild()
        self.stdout.write(f"{pairs} pre- and post-test pairs")
