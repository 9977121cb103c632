"""The monthly summary against a real Celery worker on Redis and PostgreSQL, as in production: the
beat's job, run twice, e-mails the coordinator one message with the PDF of their scope attached,
holding the headline figures."""

import email
import email.policy
from pathlib import Path

import pytest

from accounts import roles
from reports.models import MonthlySummarySend
from reports.tasks import send_monthly_summaries
from tests.reports.conftest import build_known
from tests.reports.test_monthly_summary import figure, text_of
from tests.workers import celery_workers, wait_for, wait_until_done

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workers(redis_required, settings, tmp_path):
    """Workers on queues of this test's own, writing their mail to files the test reads."""
    mailbox = tmp_path / "mail"
    mailbox.mkdir()
    workers = celery_workers(settings, CASCADE_TEST_EMAIL_DIR=str(mailbox))
    start = next(workers)
    start.mailbox = mailbox
    start.all_queues = list(start.queues.values())
    yield start
    next(workers, None)  # stops them


def messages(mailbox: Path) -> list[email.message.EmailMessage]:
    """Each message the file backend wrote (a file per connection, its messages divided by a line)."""
    found = []
    for path in sorted(mailbox.iterdir()):
        for part in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if part.strip():
                found.append(email.message_from_bytes(part.lstrip(), policy=email.policy.default))
    return found


def test_the_monthly_job_through_the_worker_emails_the_coordinator_the_pdf_once(workers):
    known = build_known()
    coordinator = known.staff[roles.COORDINATOR]
    workers()
    send_monthly_summaries.delay(month="2026-03-01")
    send_monthly_summaries.delay(month="2026-03-01")  # the beat's job run twice
    wait_for(lambda: MonthlySummarySend.objects.filter(person=coordinator, sent_at__isnull=False).exists())
    wait_until_done(workers.all_queues)  # every send the second run enqueued, too
    [message] = messages(workers.mailbox)
    assert message["To"] == coordinator.email
    assert message["Message-ID"].startswith(f"<monthly-summary-{coordinator.pk}-2026-03@")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    text = text_of(attachment.get_content())
    assert figure(text, "Бүртгүүлсэн") == "8"
    assert figure(text, "Сорилд тэнцсэн хувь") == "20%"
    assert MonthlySummarySend.objects.count() == 1
