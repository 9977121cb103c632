"""python manage.py import_trainees FILE --cohort ID [--by EMAIL] [--dry-run]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts import importing
from cohorts.models import Cohort, TraineeImport


class Command(BaseCommand):
    help = (
        "Import trainees into a cohort from a CSV or XLSX file. Every row is checked first; "
        "with any problem, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--cohort", type=int, required=True, help="the cohort's id")
        parser.add_argument("--by", help="e-mail address of the person importing (default: the lead trainer)")
        parser.add_argument("--dry-run", action="store_true", help="check the file and write nothing")

    def handle(self, *args, file: Path, cohort: int, by: str | None, dry_run: bool, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        found = Cohort.objects.select_related("organisation", "lead_trainer").filter(pk=cohort).first()
        if found is None:
            raise CommandError(_("No cohort has the id %(id)s.") % {"id": cohort})
        # One byte past the limit is enough for the import to refuse the file as too large; a
        # larger file is never read into memory whole.
        with file.open("rb") as opened:
            data = opened.read(importing.MAX_FILE_BYTES + 1)
        person = self._person(by) if by else found.lead_trainer
        if dry_run:
            # The whole import, undone: the same checks as the real run, and nothing written.
            rehearsed = importing.rehearse(cohort=found, file_name=file.name, data=data, by=person)
            self._report_problems(importing.problems_of(rehearsed))
            self.stdout.write(
                _("Dry run, nothing written. New accounts: %(create)s; existing accounts to invite: %(invite)s; "
                  "already in the cohort: %(already)s.")
                % {"create": rehearsed.created_accounts, "invite": rehearsed.invited_accounts,
                   "already": rehearsed.already_members}
            )  # fmt: skip
            return
        trainee_import = importing.check(cohort=found, file_name=file.name, data=data, by=person)
        self._report_problems(importing.problems_of(trainee_import))
        # A command is already in the background: no need for a Celery worker, whatever the size.
        trainee_import = importing.run(trainee_import=trainee_import)
        if trainee_import.status != TraineeImport.Status.DONE:
            self._report_problems(importing.problems_of(trainee_import))
            raise CommandError(_("Nothing was imported."))  # refused without a reason: not expected
        for entry in trainee_import.report:
            self.stdout.write(
                _("row %(row)s: %(email)s, %(outcome)s")
                % {"row": entry["row"], "email": entry["email"], "outcome": importing.OUTCOME_LABELS[entry["outcome"]]}
            )
        self.stdout.write(
            _("Imported. New accounts: %(created)s; existing accounts invited: %(invited)s; "
              "already in the cohort: %(already)s.")
            % {
                "created": trainee_import.created_accounts,
                "invited": trainee_import.invited_accounts,
                "already": trainee_import.already_members,
            }
        )  # fmt: skip

    def _person(self, email: str):
        person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
        if person is None:
            raise CommandError(_("No active account has the address %(email)s.") % {"email": email})
        return person

    def _report_problems(self, problems) -> None:
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(
                ngettext(
                    "%(count)s problem: nothing was imported. Fix the file and run the command again.",
                    "%(count)s problems: nothing was imported. Fix the file and run the command again.",
                    len(problems),
                )
                % {"count": len(problems)}
            )
