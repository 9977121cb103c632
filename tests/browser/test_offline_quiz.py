"""A learner starts a quiz online, loses the connection, answers and submits: the submission waits
on the device and reaches the server once the connection returns, where it is marked once."""

import uuid

import pytest
from playwright.sync_api import expect

from .pages import signed_in_with_worker
from .test_offline import QUEUE
from .test_quiz import PASSWORD, quiz_setting  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

CACHE_NAMES = "() => caches.keys()"
REPLAY = """([id, answers]) => window.CascadeOffline.queueAttemptSubmit({
  attemptId: id, url: `/api/v1/attempts/${id}/submit`, answers, pageUrl: location.pathname, title: ""
}).then(() => window.CascadeOffline.sendQueued())"""


def attempts_of(django_db_blocker, learner):
    from assessments.models import Attempt

    with django_db_blocker.unblock():
        return [
            (attempt.pk, attempt.state, str(attempt.score), {a.slot: a.response for a in attempt.answers.all()})
            for attempt in Attempt.objects.filter(learner=learner).prefetch_related("answers")
        ]


def wait_until(page, script: str, timeout: float = 20_000):
    """Until the page's asynchronous script answers true (caches and IndexedDB answer in promises)."""
    waited = 0
    while not page.evaluate(script):
        assert waited < timeout, script
        page.wait_for_timeout(100)
        waited += 100


def set_online(page, online: bool):
    page.context.set_offline(not online)
    page.evaluate(f"window.dispatchEvent(new Event('{'online' if online else 'offline'}'))")


def test_a_quiz_answered_and_submitted_offline_is_submitted_once_online(
    page,
    site_server,
    quiz_setting,  # noqa: F811 (the fixture imported above)
    django_db_blocker,
):
    learner, quiz = quiz_setting
    base = site_server.url
    signed_in_with_worker(page, base, learner.email, PASSWORD, base + quiz.url)

    # Offline, an attempt cannot be started: the page says so and offers no start.
    notice = page.locator("[data-offline-only]")
    expect(notice).to_be_hidden()
    set_online(page, False)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("холболтгүй үед эхлүүлэх боломжгүй")
    expect(page.get_by_role("button", name="Сорил эхлэх")).to_be_disabled()
    set_online(page, True)
    expect(notice).to_be_hidden()

    # Started online: the attempt's page is kept in the learner's own cache.
    page.get_by_role("button", name="Сорил эхлэх").click()
    expect(page.locator("fieldset.question")).to_have_count(2)
    attempt_id = page.locator("form.attempt-form").get_attribute("data-attempt-id")
    cache = f"cascade-u{learner.pk}-a{attempt_id}"
    kept = f"() => caches.open('{cache}').then((c) => c.keys()).then((k) => k.map((r) => r.url))"
    wait_until(page, f"() => ({kept})().then((urls) => urls.length === 3)")
    assert {url.split("/", 3)[3] for url in page.evaluate(kept)} == {
        f"mn/learning/attempts/{attempt_id}/",
        f"mn/learning/attempts/{attempt_id}/?page=1",
        "offline-attempt-record.json",  # what "Modules kept for offline" lists of it
    }

    # Offline: answered, and submitted; the submission waits on the device.
    set_online(page, False)
    page.get_by_label("Юу болсныг ярина уу.").check()
    page.locator("fieldset.question").nth(1).locator("input[type=text]").fill("палермо")
    page.locator("fieldset.question").nth(1).locator("input[type=text]").blur()
    # The kept page opens offline, showing the answers given on this device.
    page.reload()
    expect(page.locator("fieldset.question").nth(1).locator("input[type=text]")).to_have_value("палермо")
    expect(page.get_by_label("Юу болсныг ярина уу.")).to_be_checked()
    page.get_by_role("button", name="Хариултаа илгээх").click()
    expect(page.locator("#offline-submit")).to_have_text("Таныг сүлжээнд дахин холбогдоход хариултууд тань илгээгдэнэ.")
    expect(page.get_by_role("button", name="Хариултаа илгээх")).to_be_disabled()
    queued = [item for item in page.evaluate(QUEUE)["queue"] if item["kind"] == "attempt-submit"]
    assert len(queued) == 1 and len(queued[0]["body"]["answers"]) == 2, queued
    assert queued[0]["user"] == str(learner.pk)
    # Only the submission is asked of the server here: whether the answers reached it meanwhile is
    # up to Chromium's offline emulation, which does not always cover a service worker it has just
    # started (a phone that is really offline sends nothing at all).
    [(_pk, state, _score, _saved)] = attempts_of(django_db_blocker, learner)
    assert state == "in_progress"

    # Opened again offline, it says the submission waits.
    page.reload()
    expect(page.locator("fieldset.question")).to_have_count(2)
    expect(page.locator("#offline-submit")).to_be_visible()

    # Online again: submitted once, with the answers given offline, and a link to the result.
    set_online(page, True)
    wait_until(page, f"() => ({QUEUE})().then((stored) => stored.queue.length === 0)")
    expect(page.locator("#offline-submit")).to_contain_text("Таны хариултууд илгээгдлээ.")
    expect(page.locator("#offline-submit a")).to_have_text("Дүнгээ харах")
    [(pk, state, score, saved)] = attempts_of(django_db_blocker, learner)
    assert (str(pk), state, score) == (attempt_id, "submitted", "2.000")
    assert saved[2] == {"text": "палермо"}
    wait_until(page, f"() => caches.has('{cache}').then((has) => !has)")

    # Sent again (another tab, a retry): nothing changes.
    page.evaluate(REPLAY, [attempt_id, {"x": {"choice": "y"}}])
    wait_until(page, f"() => ({QUEUE})().then((stored) => stored.queue.length === 0)")
    assert attempts_of(django_db_blocker, learner) == [(pk, state, score, saved)]

    page.locator("#offline-submit a").click()
    expect(page.locator(".result")).to_contain_text("100")


@pytest.fixture
def timed_quiz(demo, django_db_blocker):
    from assessments.formats import base as formats
    from courses.services import enrolment_create
    from tests.factories import UserFactory, add_quiz, build_course, choice, question

    with django_db_blocker.unblock():
        suffix = uuid.uuid4().hex[:8]
        course = build_course(slug=f"timed-course-{suffix}", modules=1, lessons=1, translate=False)
        single = question(
            formats.SINGLE_CHOICE,
            "Аль нь нээлттэй асуулт вэ?",
            [
                choice("Юу болсныг ярина уу.", "1", "Зөв.", f"r-{suffix}"),
                choice("Тэр цохисон уу?", "0", "", f"w-{suffix}"),
            ],
            name=f"timed-{suffix}",
        )
        quiz = add_quiz(course, [single], time_limit_minutes=30, pass_mark=50)
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
    return learner, quiz


def test_a_quiz_whose_time_ran_out_offline_is_submitted_as_saved_by_the_deadline(
    page, site_server, timed_quiz, django_db_blocker
):
    from .test_accessibility import assert_accessible
    from .test_every_page import PHONE, overflow

    learner, quiz = timed_quiz
    base = site_server.url
    page.set_viewport_size(PHONE)
    signed_in_with_worker(page, base, learner.email, PASSWORD, base + quiz.url)
    set_online(page, False)
    expect(page.locator("[data-offline-only]")).to_be_visible()
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)
    set_online(page, True)

    page.get_by_role("button", name="Сорил эхлэх").click()
    attempt_id = page.locator("form.attempt-form").get_attribute("data-attempt-id")
    wait_until(
        page,
        f"() => caches.open('cascade-u{learner.pk}-a{attempt_id}').then((c) => c.keys()).then((k) => k.length === 3)",
    )
    set_online(page, False)
    page.get_by_label("Юу болсныг ярина уу.").check()
    page.get_by_role("button", name="Хариултаа илгээх").click()
    expect(page.locator("#offline-submit")).to_be_visible()
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)

    # The deadline passes before the connection returns: the answer given offline does not count.
    from django.utils import timezone

    from assessments.models import Attempt

    with django_db_blocker.unblock():
        deadline = timezone.now() - timezone.timedelta(minutes=1)
        Attempt.objects.filter(pk=attempt_id).update(deadline=deadline)
    set_online(page, True)
    wait_until(page, f"() => ({QUEUE})().then((stored) => stored.queue.length === 0)")
    expect(page.locator("#offline-submit")).to_contain_text("хугацаа дууссан")
    # The deadline as the server's pages write it, not in the device's locale or time zone.
    from core.formatting import short_datetime

    expect(page.locator("#offline-submit")).to_contain_text(f"{short_datetime(deadline)} цаг хүртэл")
    [(_pk, state, score, saved)] = attempts_of(django_db_blocker, learner)
    assert (state, score, saved) == ("submitted", "0.000", {1: None})
