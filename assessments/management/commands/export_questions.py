"""python manage.py export_questions CATEGORY_ID --format gift|moodlexml [--language mn|en] [-o FILE]"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.exporting import NothingToExport, export_category
from assessments.importing import FORMATS
from assessments.models import QuestionCategory


class Command(BaseCommand):
    help = "Export a category of the question bank (with its subcategories) as GIFT or Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("category", type=int)
        parser.add_argument("--format", choices=FORMATS, required=True, dest="file_format")
        parser.add_argument("--language", choices=["mn", "en"], default="mn")
        parser.add_argument("-o", "--output", type=Path, help="write here instead of standard output")

    def handle(self, *args, category, file_format, language, output, **options):
        found = QuestionCategory.objects.filter(pk=category).first()
        if found is None:
            raise CommandError(_("No question category with the number %(id)s.") % {"id": category})
        try:
            data = export_category(found, file_format=file_format, language=language)
        except NothingToExport as error:
            raise CommandError(error.message) from error
        if output:
            output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
