"""E-mail on the console for the embedded default, readable: attachments (a certificate's PDF) are
named, not printed as pages of base64."""

import copy

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend


class ConsoleEmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        shown = copy.copy(message)
        shown.attachments = []
        super().write_message(shown)
        for attachment in message.attachments:
            name, content, kind = (
                (attachment.filename, attachment.content, attachment.mimetype)
                if hasattr(attachment, "filename")
                else attachment
            )
            self.stream.write(f"[attachment: {name}, {kind}, {len(content)} bytes]\n")
