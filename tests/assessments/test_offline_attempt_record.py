"""What the device keeps to list an attempt and a module kept for offline, and to tell the learner
when the time ran out: the moments come written by the server as every page writes them
(core.formatting), never formatted on the device in its own locale or time zone; no answer, mark
or feedback among them."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Attempt
from assessments.services import answer_save, attempt_start
from core.formatting import short_datetime
from lms.pwa import SHELL_ASSETS
from tests.factories import add_quiz

from .test_attempts import SECRETS, qid
from .test_offline_submission import _submit

pytestmark = pytest.mark.django_db

RECORD = re.compile(r'<script id="offline-attempt-record" type="application/json">(.*?)</script>', re.S)


def record_of(page: str) -> dict | None:
    found = RECORD.search(page)
    return json.loads(found.group(1)) if found else None


def test_the_attempt_page_carries_its_record_with_the_servers_moments_and_no_answer(client, learner, course, bank):
    quiz = add_quiz(course, bank.values(), slug="timed", time_limit_minutes=30)
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    page = client.get(f"/mn/learning/attempts/{attempt.pk}/").content.decode()
    record = record_of(page)
    assert record == {
        "id": attempt.pk,
        "url": f"/mn/learning/attempts/{attempt.pk}/",
        "quiz": quiz.title,
        "started": short_datetime(attempt.started_at),
        "deadline": short_datetime(attempt.deadline),
        "questions": len(attempt.snapshot),
        "answered": [qid(bank, "single")],
    }
    # Written as the site's pages write a moment, in the site's time, the same in both languages.
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", record["deadline"])
    english = record_of(client.get(f"/en/learning/attempts/{attempt.pk}/").content.decode())
    assert english["deadline"] == record["deadline"]
    text = RECORD.search(page).group(1)
    assert "s-right" not in text and not [secret for secret in SECRETS if secret in text]


def test_an_attempt_without_a_time_limit_has_no_deadline_in_its_record(client, learner, quiz):
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    record = record_of(client.get(f"/mn/learning/attempts/{attempt.pk}/").content.decode())
    assert record["deadline"] == "" and record["answered"] == []


def test_no_record_on_a_page_not_kept(client, learner, course, bank):
    """A page that shows a checked answer's feedback, a submitted attempt, another person's view."""
    from assessments.services import answer_check, attempt_submit
    from tests.factories import UserFactory, with_totp

    immediate = add_quiz(course, bank.values(), slug="immediate", feedback_policy="immediate")
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=immediate)
    address = f"/mn/learning/attempts/{attempt.pk}/"
    assert record_of(client.get(address).content.decode())
    client.force_login(with_totp(UserFactory(roles=["admin"])))
    assert record_of(client.get(address).content.decode()) is None
    client.force_login(learner)
    answer_save(attempt=attempt, question_id=qid(bank, "single"), response={"choice": "s-right"})
    answer_check(attempt=attempt, question_id=qid(bank, "single"))
    assert record_of(client.get(address).content.decode()) is None
    attempt_submit(attempt=attempt)
    assert record_of(client.get(address).content.decode()) is None


def test_the_attempt_page_links_only_scripts_the_device_keeps(client, learner, quiz):
    """Opened offline from the device, the page's scripts must come from the worker's shell."""
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    page = client.get(f"/mn/learning/attempts/{attempt.pk}/").content.decode()
    linked = set(re.findall(r'(?:href|src)="/static/([^"?#]+)"', page))
    assert {"js/quiz.js", "js/offline_quiz.js"} <= linked
    assert {path for path in linked if path.startswith(("css/", "fonts/", "js/"))} <= set(SHELL_ASSETS)


def test_a_late_submission_says_the_deadline_as_the_pages_write_it(client, learner, course, bank):
    quiz = add_quiz(course, [bank["single"]], time_limit_minutes=10, slug="timed")
    client.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    deadline = timezone.now() - timedelta(minutes=3)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=deadline)
    body = _submit(client, attempt.pk, {qid(bank, "single"): {"choice": "s-right"}}, learner).json()
    assert body["late"] is True
    assert body["deadline_text"] == short_datetime(deadline)
    assert body["deadline_text"] == timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")


def test_a_kept_module_carries_when_it_was_kept_as_the_pages_write_it(client, learner, course):
    from wagtail.models import Locale

    module = course.get_children().live().first()
    client.force_login(learner)
    before = short_datetime(timezone.now())
    for language in ("mn", "en"):
        page = module.get_translation(Locale.objects.get(language_code=language))
        kept = client.get(f"/api/v1/modules/{page.pk}/offline?lang={language}").json()
        assert kept["kept_at"] in {before, short_datetime(timezone.now())}
