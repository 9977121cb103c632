"""The monthly summary against a real Celery worker on Redis and PostgreSQL, as in production: the
beat's job, run twice, e-mails the coordinator one message with the PDF of their scope attached,
holding the headline figures."""

import pytest

from accounts import roles
from reports.models import MonthlySummarySend
from reports.tasks import send_monthly_summaries
from tests.reports.conftest import build_known
from tests.reports.test_monthly_summary import figure, text_of
from tests.workers import mails, wait_for, wait_until_done

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workers(mail_workers):
    return mail_workers


def test_the_monthly_job_through_the_worker_emails_the_coordinator_the_pdf_once(workers):
    known = build_known()
    coordinator = known.staff[roles.COORDINATOR]
    workers()
    send_monthly_summaries.delay(month="2026-03-01")
    send_monthly_summaries.delay(month="2026-03-01")  # the beat's job run twice
    wait_for(lambda: MonthlySummarySend.objects.filter(person=coordinator, sent_at__isnull=False).exists())
    wait_until_done(workers.all_queues)  # every send the second run enqueued, too
    [message] = mails(workers.mailbox)
    assert message["To"] == coordinator.email
    assert message["Message-ID"].startswith(f"<monthly-summary-{coordinator.pk}-2026-03@")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    text = text_of(attachment.get_content())
    assert figure(text, "Бүртгүүлсэн") == "8"
    assert figure(text, "Сорилд тэнцсэн хувь") == "20%"
    assert MonthlySummarySend.objects.count() == 1
