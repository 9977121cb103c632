"""The summary as a PDF: its figures against a count made directly in the database on the known data
set, "<5" for small cells and no one's name; downloaded from the page in the viewer's scope; and
e-mailed each month to each coordinator, once."""

import re
import subprocess
from datetime import date, datetime, time, timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from assessments.models import Attempt
from courses.models import Enrolment
from reports.models import MonthlySummarySend
from reports.monthly import month_filters, previous_month, summary_pdf
from reports.tasks import send_monthly_summaries
from tests.factories import make_user

pytestmark = pytest.mark.django_db

MARCH, JUNE = date(2026, 3, 1), date(2026, 6, 1)


def text_of(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def figure(text: str, label: str) -> str:
    """The value printed beside ``label`` in the headline table."""
    found = re.search(rf"^\s*{re.escape(label)}\s+(\S+)\s*$", text, re.M)
    assert found, f"{label!r} not in the summary"
    return found.group(1)


def in_month(first: date, path: str) -> dict:
    zone = timezone.get_current_timezone()
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return {
        f"{path}__gte": datetime.combine(first, time.min, tzinfo=zone),
        f"{path}__lt": datetime.combine(following, time.min, tzinfo=zone),
    }


def scope_of(known):
    return {"learner__organisation__path__startswith": known.org.path}


def assert_no_one_named(text: str, known) -> None:
    for person in known.people.values():
        for name in (person.first_name, person.last_name, person.latin_first_name, person.email):
            assert name not in text


def test_the_summary_holds_the_headline_figures_counted_directly(known):
    pdf = summary_pdf(known.staff[roles.COORDINATOR], month_filters(MARCH), made_on=date(2026, 4, 1))
    text = text_of(pdf)
    enrolled = Enrolment.objects.filter(**scope_of(known), **in_month(MARCH, "enrolled_at"))
    started = Attempt.objects.filter(**scope_of(known), **in_month(MARCH, "started_at"))
    submitted = Attempt.objects.filter(**scope_of(known), **in_month(MARCH, "submitted_at"))
    assert figure(text, "Бүртгүүлсэн") == str(enrolled.values("learner").distinct().count()) == "8"
    assert figure(text, "Хугацаанд идэвхтэй оролцсон") == str(started.values("learner").distinct().count()) == "5"
    passed = 100 * submitted.filter(passed=True).count() // submitted.count()
    assert figure(text, "Сорилд тэнцсэн хувь") == f"{passed}%" == "20%"
    # The scope, the period and the day it was made, in both languages.
    assert "А агентлаг" in text and "2026 оны 3 дугаар сар" in text and "March 2026" in text
    assert "2026 оны 4 дүгээр сарын 1" in text and "1 April 2026" in text
    assert "Headline figures" in text and "Гол тоон үзүүлэлт" in text
    assert_no_one_named(text, known)


def test_small_cells_are_written_less_than_five_and_five_is_shown(known):
    text = text_of(summary_pdf(known.staff[roles.COORDINATOR], month_filters(JUNE)))
    completed = Enrolment.objects.filter(**scope_of(known), **in_month(JUNE, "completed_at")).count()
    assert figure(text, "Дуусгасан") == str(completed) == "5"
    assert figure(text, "Гэрчилгээтэй, хүчинтэй") == "<5"  # u1–u3
    assert figure(text, "Хүчингүй болсон гэрчилгээ") == "<5"  # u4
    assert figure(text, "Өмнөх болон дараах сорилын хос") == "<5"  # four pairs
    assert_no_one_named(text, known)


def test_the_charts_and_the_table_by_region_are_in_the_summary(known):
    text = text_of(summary_pdf(known.staff[roles.COORDINATOR], month_filters(JUNE)))
    assert "Бүртгэлээс гэрчилгээ хүртэл" in text  # the funnel
    assert "2025 оны 7 дугаар сар – 2026 оны 6 дугаар сар" in text  # the trend's twelve months
    assert "6-р сар" in text
    arkhangai = re.search(r"^\s*Архангай аймаг\s+(.*)$", text, re.M).group(1).split()
    assert arkhangai[:3] == ["0", "<5", "5"]  # enrolled in June, active, completed (u1–u5)
    assert "Arkhangai" in text and "Булган" in text


def test_even_a_trainers_own_summary_hides_small_cells_and_counts_only_their_cohorts(known):
    text = text_of(summary_pdf(known.staff[roles.TRAINER], month_filters(MARCH)))
    assert figure(text, "Бүртгүүлсэн") == "6"  # u1–u6, not o1–o2
    assert "Сургагч багшийн өөрийн сургалтын бүлгүүд" in text
    june = text_of(summary_pdf(known.staff[roles.TRAINER], month_filters(JUNE)))
    assert figure(june, "Гэрчилгээтэй, хүчинтэй") == "<5"


# --- On demand, from the page -------------------------------------------------------------------


def download(client, viewer, **params):
    client.force_login(viewer)
    return client.get(reverse("reports_summary"), params)


def test_the_coordinator_downloads_the_summary_of_the_filters_and_it_is_audited(client, known):
    response = download(client, known.staff[roles.COORDINATOR], date_from="2026-03-01", date_to="2026-03-31")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="summary-2026-03.pdf"'
    assert figure(text_of(response.content), "Бүртгүүлсэн") == "8"
    event = AuditEvent.objects.get(action="report_exported")
    assert event.actor == known.staff[roles.COORDINATOR] and event.data["format"] == "pdf"


def test_a_trainers_download_counts_only_their_cohorts(client, known):
    response = download(client, known.staff[roles.TRAINER], date_from="2026-03-01", date_to="2026-03-31")
    assert figure(text_of(response.content), "Бүртгүүлсэн") == "6"


def test_the_page_links_the_summary_of_its_filters_and_of_the_last_month(client, known):
    client.force_login(known.staff[roles.COORDINATOR])
    html = client.get(reverse("reports"), {"date_from": "2026-01-01", "date_to": "2026-12-31"}).content.decode()
    start = previous_month(timezone.localdate())
    assert f"{reverse('reports_summary')}?date_from=2026-01-01&amp;date_to=2026-12-31" in html
    assert f"date_from={start.isoformat()}" in html
    assert "Сарын тайлан (PDF)" in html


def test_a_summary_of_an_organisation_outside_ones_scope_is_no_pdf(client, known):
    response = download(client, known.staff[roles.COORDINATOR], organisation=known.other_org.pk)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert 'class="errorlist' in response.content.decode()


def test_a_learner_gets_404(client, known):
    assert download(client, known.people["u1"]).status_code == 404


# --- Each month, by e-mail ----------------------------------------------------------------------


def pdf_attached(message) -> str:
    [(name, content, kind)] = message.attachments
    assert kind == "application/pdf" and name.endswith(".pdf")
    return text_of(content)


def test_the_beat_job_runs_early_on_the_first_of_each_month_in_ulaanbaatar_and_the_next_mornings():
    job = settings.CELERY_BEAT_SCHEDULE["reports-monthly-summaries"]
    assert job["task"] == "reports.tasks.send_monthly_summaries"
    assert job["schedule"] == crontab(minute=0, hour=6, day_of_month="1-7")
    assert job["schedule"].day_of_month == set(range(1, 8))
    assert settings.CELERY_TIMEZONE == "Asia/Ulaanbaatar"


def test_each_coordinator_gets_their_scopes_summary_once_in_their_language(known):
    english = make_user(roles.COORDINATOR, organisation=known.other_org, email="coord-en@known.mn",
                        preferred_language="en")  # fmt: skip
    send_monthly_summaries(month="2026-03-01")
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {"coord@known.mn", "coord-en@known.mn"}  # no administrator, no trainer
    mongolian = by_person["coord@known.mn"]
    assert mongolian.subject == "Хөтөлбөрийн шалгуур үзүүлэлтийн сарын тайлан: 2026 оны 3 дугаар сар"
    assert "Эрхэм" in mongolian.body and "«<5»" in mongolian.body
    assert mongolian.extra_headers["Message-ID"].startswith(
        f"<monthly-summary-{known.staff[roles.COORDINATOR].pk}-2026-03@"
    )
    assert figure(pdf_attached(mongolian), "Бүртгүүлсэн") == "8"
    other = by_person["coord-en@known.mn"]
    assert other.subject == "Monthly summary of programme indicators: March 2026"
    assert figure(pdf_attached(other), "Бүртгүүлсэн") == "<5"  # x1, x2 in the other organisation
    assert MonthlySummarySend.objects.filter(month=MARCH, sent_at__isnull=False).count() == 2
    assert AuditEvent.objects.filter(action="report_exported", data__sent_by="e-mail").count() == 2

    send_monthly_summaries(month="2026-03-01")  # the job again: nothing twice
    assert len(mail.outbox) == 2
    assert english.pk in set(MonthlySummarySend.objects.values_list("person", flat=True))


def test_without_a_month_the_job_sends_the_month_before(known):
    send_monthly_summaries()
    [message] = mail.outbox
    assert MonthlySummarySend.objects.get().month == previous_month(timezone.localdate())
    assert f"summary-{previous_month(timezone.localdate()):%Y-%m}.pdf" == message.attachments[0][0]


def test_the_claim_is_written_before_sending_and_a_refused_send_leaves_it_for_the_next_run(known, monkeypatch):
    seen = []

    def refused(self, fail_silently=False):
        seen.append(MonthlySummarySend.objects.filter(month=MARCH).exists())
        raise RuntimeError("the mail server refused it")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refused)
        with pytest.raises(RuntimeError):
            send_monthly_summaries(month="2026-03-01")
    assert seen == [True]  # claimed before the server was asked
    assert not MonthlySummarySend.objects.exists()  # nothing went out: released
    send_monthly_summaries(month="2026-03-01")
    assert len(mail.outbox) == 1


def test_a_claim_never_confirmed_is_not_sent_again(known):
    """A worker killed after the server took the message leaves its claim: no run sends again."""
    MonthlySummarySend.objects.create(person=known.staff[roles.COORDINATOR], month=MARCH)
    send_monthly_summaries(month="2026-03-01")
    assert mail.outbox == []


def test_the_filters_beyond_the_scope_are_written_at_the_top(client, known):
    arkhangai = known.people["u1"].region
    response = download(
        client, known.staff[roles.COORDINATOR], date_from="2026-03-01", date_to="2026-03-31",
        region=arkhangai.pk, gender="female", course=str(known.course.translation_key),
    )  # fmt: skip
    text = text_of(response.content)
    assert "Архангай аймаг" in text and "Эмэгтэй" in text and "Female" in text
    assert known.course.title in text
    assert figure(text, "Бүртгүүлсэн") == "<5"  # u1–u4
