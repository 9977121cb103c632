"""python manage.py import_questions FILE --format gift|moodlexml [--category NAME] [--language mn|en] [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.forms import MAX_UPLOAD_BYTES
from assessments.importing import FORMATS, questions_import


class Command(BaseCommand):
    help = "Import a question bank from a GIFT or Moodle XML file. With any problem, nothing is imported."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=FORMATS, required=True, dest="file_format")
        parser.add_argument("--category", help="put the questions under this top-level category (created if new)")
        parser.add_argument("--language", choices=["mn", "en"], default="mn")
        parser.add_argument("--dry-run", action="store_true", help="check the file and write nothing")
        parser.add_argument("--skip-errors", action="store_true", help="import the good questions, skip the bad")

    def handle(self, *args, file, file_format, category, language, dry_run, skip_errors, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        if file.stat().st_size > MAX_UPLOAD_BYTES:  # the admin's limit, for the same reasons
            raise CommandError(_("The file is larger than 10 MB."))
        # Created by the import itself, and only if the questions are written: a dry run or a refused
        # file leaves no empty category behind.
        report = questions_import(
            data=file.read_bytes(),
            file_format=file_format,
            language=language,
            new_category=category or "",
            dry_run=dry_run,
            skip_errors=skip_errors,
        )
        for issue in report.issues:
            self.stderr.write(_("line %(line)s, %(question)s: %(message)s") % vars(issue))
        summary = _("%(created)s new questions, %(unchanged)s already in the bank, %(issues)s problems.") % {
            "created": len(report.created),
            "unchanged": report.unchanged,
            "issues": len(report.issues),
        }
        if report.committed:
            self.stdout.write(summary)
        elif dry_run and (skip_errors or not report.issues):
            self.stdout.write(_("Dry run, nothing written: %(summary)s") % {"summary": summary})
        elif dry_run:  # a check that finds problems fails, so that a script can tell
            raise CommandError(_("Dry run, nothing written: %(summary)s") % {"summary": summary})
        else:
            raise CommandError(
                _("Nothing was imported: %(summary)s Fix the file, or pass --skip-errors.") % {"summary": summary}
            )
