""" "Modules kept for offline" lists the quiz attempts kept on the device as well as the modules: a
learner in a province sees, without a connection, which attempt waits, when it started, when its
time runs out, how much is answered and that the submission waits. Every date is written as the
server's pages write it (core.formatting), whatever the device's locale and time zone."""

import re

import pytest
from playwright.sync_api import expect

from .pages import signed_in_with_worker
from .test_accessibility import assert_accessible
from .test_every_page import PHONE, overflow
from .test_offline import QUEUE
from .test_offline_quiz import set_online, timed_quiz, wait_until  # noqa: F401 (a fixture)
from .test_quiz import PASSWORD

pytestmark = pytest.mark.browser

MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")
LEGACY = """(user) => caches.open(`cascade-u${user}-mlegacy`).then((cache) => cache.put(
  "/offline-module-record.json",
  new Response(JSON.stringify({
    key: "legacy", id: 1, title: "Хуучин модуль", courseTitle: "", courseUrl: "/mn/", lessons: [],
    bytes: 1.5 * 1024 * 1024, savedAt: "2026-12-04T16:05:00Z",
  }), { headers: { "Content-Type": "application/json" } })
))"""


@pytest.fixture
def browser_context_args(browser_context_args):
    # A device whose locale and time zone are not the site's: nothing may be written in them.
    return {**browser_context_args, "locale": "en-US", "timezone_id": "America/Los_Angeles"}


def test_the_kept_list_shows_an_attempt_answered_offline_with_the_servers_dates(
    page,
    site_server,
    timed_quiz,  # noqa: F811 (the fixture imported above)
    django_db_blocker,
):
    from assessments.models import Attempt
    from core.formatting import short_datetime

    learner, quiz = timed_quiz
    base = site_server.url
    signed_in_with_worker(page, base, learner.email, PASSWORD, base + quiz.url)
    page.get_by_role("button", name="Сорил эхлэх").click()
    attempt_id = page.locator("form.attempt-form").get_attribute("data-attempt-id")
    with django_db_blocker.unblock():
        attempt = Attempt.objects.get(pk=attempt_id)
        module_id = quiz.get_parent().pk
    started, deadline = short_datetime(attempt.started_at), short_datetime(attempt.deadline)
    cache = f"cascade-u{learner.pk}-a{attempt_id}"
    wait_until(page, f"() => caches.open('{cache}').then((c) => c.match('/offline-attempt-record.json')).then(Boolean)")
    # Its module kept too: "Modules kept for offline" is among the pages kept with it.
    record = page.evaluate(
        "(url) => window.CascadeOffline.keepModule(url)", f"/api/v1/modules/{module_id}/offline?lang=mn"
    )
    assert MOMENT.fullmatch(record["keptAt"]), record

    # A module kept before the server wrote the moment: dated by the same pattern, in the site's time.
    page.evaluate(LEGACY, learner.pk)

    page.goto(base + "/mn/learning/offline/")
    legacy = page.locator(".offline-module[data-module-key='legacy']")
    expect(legacy).to_contain_text("хадгалсан: 1.5 МБ, хадгалсан огноо: 2026-12-05 00:05.")
    module = page.locator(".offline-module:not([data-module-key='legacy'])")
    expect(module).to_contain_text(f"хадгалсан огноо: {record['keptAt']}.")
    expect(module).to_contain_text(re.compile(r"хадгалсан: \d+(\.\d)? (КБ|МБ),"))
    kept = page.locator(f".offline-attempt[data-attempt-id='{attempt_id}']")
    expect(kept).to_be_visible()
    expect(kept.get_by_role("heading", level=3)).to_have_text(quiz.title)
    expect(kept).to_contain_text(f"Эхэлсэн: {started}.")
    expect(kept).to_contain_text(f"Хугацаа дуусах: {deadline}.")
    expect(kept).to_contain_text("Хариулсан асуулт: 0 / 1.")
    expect(kept).not_to_contain_text("илгээгдэхийг хүлээж")

    # Offline: answered and submitted on the device; the list, opened offline, says what waits.
    page.goto(base + f"/mn/learning/attempts/{attempt_id}/")
    set_online(page, False)
    page.get_by_label("Юу болсныг ярина уу.").check()
    page.get_by_role("button", name="Хариултаа илгээх").click()
    expect(page.locator("#offline-submit")).to_be_visible()
    page.goto(base + "/mn/learning/offline/")
    kept = page.locator(f".offline-attempt[data-attempt-id='{attempt_id}']")
    expect(kept).to_contain_text("Хариулсан асуулт: 1 / 1.")
    expect(kept).to_contain_text("хараахан хадгалагдаагүй хариулт: 1.")
    expect(kept).to_contain_text("Холболтгүй үед хариултаа илгээсэн: илгээгдэхийг хүлээж байна.")
    # What waits is never removed with the kept pages: the attempt can be removed once it is sent.
    expect(kept.get_by_role("button", name="Энэ төхөөрөмжөөс устгах")).to_have_count(0)
    expect(kept).to_contain_text("Хариултууд нь илгээгдсэний дараа устгах боломжтой.")
    expect(kept.get_by_role("link", name=quiz.title)).to_have_attribute("href", f"/mn/learning/attempts/{attempt_id}/")
    # On a phone, and through axe, with every line shown.
    page.set_viewport_size(PHONE)
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)

    # Online again: submitted, and the attempt's copy is gone from the device and from the list.
    set_online(page, True)
    wait_until(page, f"() => ({QUEUE})().then((stored) => stored.queue.length === 0)")
    wait_until(page, f"() => caches.has('{cache}').then((has) => !has)")
    page.goto(base + "/mn/learning/offline/")
    expect(page.locator(".offline-module:not([data-module-key='legacy'])")).to_be_visible()
    expect(page.locator("#offline-attempts")).to_be_hidden()
    with django_db_blocker.unblock():
        assert Attempt.objects.get(pk=attempt_id).state == "submitted"
