from django.core.management.base import BaseCommand, CommandError

from certificates.codes import normalise
from certificates.models import Certificate


class Command(BaseCommand):
    help = (
        "Send a certificate's e-mail again whose sending started but was never confirmed (the worker "
        "died mid-send; the sweep lists them). Check the mail server's log for its Message-ID first: "
        "if the e-mail went out, resending doubles it."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="+", help="verification codes, as printed or as the sweep lists them")

    def handle(self, *args, codes, **options):
        from certificates.tasks import render_certificate

        for typed in codes:
            code = normalise(typed)
            certificate = Certificate.objects.filter(code=code).first() if code else None
            if certificate is None:
                raise CommandError(f"No certificate has the code {typed}.")
            if certificate.emailed_at:
                self.stdout.write(f"{certificate.display_code}: already e-mailed; nothing sent.")
                continue
            Certificate.objects.filter(pk=certificate.pk, emailed_at__isnull=True).update(email_started_at=None)
            render_certificate.delay(certificate.pk)
            self.stdout.write(self.style.SUCCESS(f"{certificate.display_code}: queued to be e-mailed again."))
