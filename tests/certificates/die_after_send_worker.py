"""The Celery application with a pause right after a certificate's e-mail is handed to the mail
server, so that a test can kill the worker between sending and recording it
(``celery -A tests.certificates.die_after_send_worker worker``)."""

import time

from celery.signals import worker_ready

from lms.celery import app

__all__ = ["app"]


@worker_ready.connect
def _hang_after_sending(**kwargs):
    """Patched once Django is set up: the e-mail module imports the models."""
    from certificates import emails

    send = emails.send_certificate

    def send_then_hang(certificate):
        send(certificate)
        time.sleep(120)

    emails.send_certificate = send_then_hang
