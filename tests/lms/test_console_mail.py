"""The demo's e-mail: one line on the console per message, and the whole message in a file."""

import email
import io

from django.core.mail import EmailMessage, get_connection


def test_each_email_is_one_console_line_naming_the_file_that_holds_it_whole(settings, tmp_path):
    settings.CASCADE_MAIL_DIR = tmp_path
    console = io.StringIO()
    connection = get_connection("core.mail.ConsoleEmailBackend", stream=console)
    message = EmailMessage(
        subject="Таны гэрчилгээ бэлэн боллоо", body="Сайн байна уу?\n" * 40, to=["inspector@example.mn"],
        connection=connection,
    )  # fmt: skip
    message.attach("certificate.pdf", b"%PDF-1.4 " + b"x" * 50_000, "application/pdf")
    message.send()
    EmailMessage(subject="Урилга", body="Нэгдэнэ үү", to=["trainee@example.mn"], connection=connection).send()

    lines = console.getvalue().splitlines()
    assert len(lines) == 2
    assert "inspector@example.mn" in lines[0] and "Таны гэрчилгээ бэлэн боллоо" in lines[0]
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2 and files[0].name in lines[0] and files[1].name in lines[1]

    kept = email.message_from_bytes(files[0].read_bytes())
    parts = {part.get_content_type(): part for part in kept.walk()}
    assert parts["text/plain"].get_payload(decode=True).decode().count("Сайн байна уу?") == 40
    assert parts["application/pdf"].get_payload(decode=True).startswith(b"%PDF-1.4")
