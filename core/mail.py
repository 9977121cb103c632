"""E-mail for the embedded default: each message is kept whole in a file, and the console gets one
line saying who it was for, what it is about and where to read it. (Printed whole, a certificate's
e-mail with its PDF is pages of base64, and the demo's start-up drowned in them.)"""

import itertools
import threading
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend
from django.utils import timezone

_numbers = itertools.count(1)
_lock = threading.Lock()


def mail_dir() -> Path:
    return Path(settings.CASCADE_MAIL_DIR)


class ConsoleEmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        folder = mail_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with _lock:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{next(_numbers):04d}.eml"
        path = folder / name
        path.write_bytes(message.message().as_bytes(linesep="\n"))
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        recipients = ", ".join(message.recipients())
        attached = f" (+{len(message.attachments)} attached)" if message.attachments else ""
        self.stream.write(f"E-mail to {recipients}: «{message.subject}»{attached} → {shown}\n")
