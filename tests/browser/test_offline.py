"""A learner in a province keeps a module, reads it offline, completes a lesson there, and the
completion reaches the server once the connection returns; signing out leaves nothing behind."""

import re

import pytest
from playwright.sync_api import expect

from lms.demo.courses_content import COURSES
from tests.factories import UserFactory

from .pages import sign_in, sign_in_link, sign_out, signed_in_with_worker

pytestmark = pytest.mark.browser

BORDER_COURSE = next(spec for spec in COURSES if spec["slug"] == "trafficking-at-the-border")
MODULE = BORDER_COURSE["modules"][0]
LESSONS = MODULE["lessons"]
PASSWORD = "correct-horse-battery"  # the factory's

CACHE_NAMES = "() => caches.keys()"
QUEUE = """() => new Promise((resolve, reject) => {
  const opening = indexedDB.open("cascade-offline", 1);
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const db = opening.result;
    const transaction = db.transaction(["queue", "meta"], "readonly");
    const queue = transaction.objectStore("queue").getAll();
    const owner = transaction.objectStore("meta").get("owner");
    transaction.oncomplete = () => { db.close(); resolve({ queue: queue.result, owner: owner.result || null }); };
  };
})"""

QUEUE_AGAIN = """(id) => window.CascadeOffline.queueCompletion(
  {lessonId: id, url: `/api/v1/lessons/${id}/complete`, title: ""})"""

FOREIGN_ITEM = """() => new Promise((resolve) => {
  const opening = indexedDB.open("cascade-offline", 1);
  opening.onsuccess = () => {
    const db = opening.result;
    const transaction = db.transaction("queue", "readwrite");
    transaction.objectStore("queue").put({
      key: "complete:1", kind: "lesson-complete", lessonId: "1", url: "/api/v1/lessons/1/complete",
      title: "", user: "999999999", queuedAt: new Date().toISOString(),
    });
    transaction.oncomplete = () => { db.close(); resolve(true); };
  };
})"""
KEPT_AS_COMPLETE = """(url) => caches.match(url)
  .then((hit) => hit && hit.text())
  .then((html) => !!html && html.includes("state state-complete"))"""


@pytest.fixture
def officer(demo, django_db_blocker):
    """A border officer enrolled in the border course, who has not started it."""
    from courses.models import CoursePage
    from courses.services import enrolment_create

    with django_db_blocker.unblock():
        person = UserFactory(preferred_language="mn")
        course = CoursePage.objects.get(slug=BORDER_COURSE["slug"], locale__language_code="mn")
        enrolment_create(learner=person, course=course)
        return person


def completions(django_db_blocker, person, slug):
    from courses.models import LessonPage, LessonProgress

    with django_db_blocker.unblock():
        key = LessonPage.objects.filter(slug=slug).first().translation_key
        return list(
            LessonProgress.objects.filter(learner=person, lesson_key=key, completed_at__isnull=False).values_list(
                "completed_at", flat=True
            )
        )


def test_a_kept_module_is_read_and_completed_offline_and_sent_once_online(
    page, site_server, officer, django_db_blocker
):
    base = site_server.url
    course_url = f"{base}/mn/courses/{BORDER_COURSE['slug']}/"
    lesson_url = f"{course_url}{MODULE['slug']}/{LESSONS[0]['slug']}/"
    signed_in_with_worker(page, base, officer.email, PASSWORD, course_url)

    # Keep the first module: its lessons are stored in a cache of this learner's own.
    module = page.locator("li.module").first
    module.get_by_role("button", name="Офлайн үзэхээр хадгалах").click()
    expect(module.locator(".offline-keep [data-state]")).to_contain_text("Энэ төхөөрөмжид хадгалсан", timeout=20_000)
    kept = [name for name in page.evaluate(CACHE_NAMES) if name.startswith(f"cascade-u{officer.pk}-m")]
    assert len(kept) == 1, page.evaluate(CACHE_NAMES)
    assert any(name.startswith("cascade-shell-") for name in page.evaluate(CACHE_NAMES))

    # "Modules kept for offline" lists it with the space it takes.
    page.goto(f"{base}/mn/learning/offline/")
    expect(page.locator(".offline-module")).to_have_count(1)
    expect(page.locator(".offline-module")).to_contain_text(re.compile(r"\d+(,\d)? (КБ|МБ)"))

    # Offline: the kept lesson opens; completing it is queued, and the learner sees it waiting.
    page.context.set_offline(True)
    page.goto(lesson_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSONS[0]["mn"]["title"])
    lesson_id = page.locator("article.lesson").get_attribute("data-lesson-id")
    page.locator(".complete-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSONS[1]["mn"]["title"])  # the next, kept too
    expect(page.locator("#offline-status")).to_contain_text("илгээгдэхийг хүлээж")
    stored = page.evaluate(QUEUE)
    assert f"complete:{lesson_id}" in {item["key"] for item in stored["queue"]}
    assert stored["owner"] == {"key": "owner", "user": str(officer.pk)}
    assert completions(django_db_blocker, officer, LESSONS[0]["slug"]) == []

    # A page never kept gives the offline page, in the page's language.
    page.goto(f"{base}/en/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("No connection")
    page.go_back()

    # Online again: the queue is sent, and the server has the one completion.
    page.context.set_offline(False)
    page.goto(lesson_url)
    page.wait_for_function("() => window.CascadeOffline && window.CascadeOffline.ready")
    page.evaluate("() => window.CascadeOffline.ready.then(() => window.CascadeOffline.sendQueued())")
    page.wait_for_function(f"() => ({QUEUE})().then((stored) => stored.queue.length === 0)")
    first = completions(django_db_blocker, officer, LESSONS[0]["slug"])
    assert len(first) == 1

    # Sending it again (another tab, a retry) changes nothing.
    page.evaluate(f"(id) => ({QUEUE_AGAIN})(id).then(() => window.CascadeOffline.sendQueued())", lesson_id)
    assert page.evaluate(QUEUE)["queue"] == []
    assert completions(django_db_blocker, officer, LESSONS[0]["slug"]) == first

    # A kept lesson visited online is stored again: offline, it now shows the lesson completed.
    page.goto(lesson_url)
    expect(page.locator("#lesson-state")).to_have_class(re.compile("state-complete"))
    page.wait_for_function(KEPT_AS_COMPLETE, arg=lesson_url)
    page.context.set_offline(True)
    page.goto(lesson_url)
    expect(page.locator("#lesson-state")).to_have_class(re.compile("state-complete"))
    page.context.set_offline(False)

    # Signing out forgets the kept module and the queue.
    page.evaluate(QUEUE_AGAIN, lesson_id)
    sign_out(page)
    expect(sign_in_link(page)).to_be_visible()
    page.wait_for_function("() => window.CascadeOffline && window.CascadeOffline.ready")
    page.evaluate("() => window.CascadeOffline.ready")
    assert not [name for name in page.evaluate(CACHE_NAMES) if name.startswith("cascade-u")]
    assert page.evaluate(QUEUE) == {"queue": [], "owner": None}


def test_another_learner_on_the_same_browser_finds_nothing_of_the_first(page, site_server, officer):
    """A session that ran out (no sign-out) and someone else signing in on the same browser: the
    first page of the new learner forgets what the first one kept."""
    base = site_server.url
    signed_in_with_worker(page, base, officer.email, PASSWORD, f"{base}/mn/courses/{BORDER_COURSE['slug']}/")
    module = page.locator("li.module").first
    module.get_by_role("button", name="Офлайн үзэхээр хадгалах").click()
    expect(module.locator(".offline-keep [data-state]")).to_contain_text("Энэ төхөөрөмжид хадгалсан", timeout=20_000)
    assert [name for name in page.evaluate(CACHE_NAMES) if name.startswith("cascade-u")]

    page.context.clear_cookies()
    sign_in(page, base, "learner2@demo.mn")
    expect(sign_in_link(page)).to_have_count(0)
    page.wait_for_function("() => window.CascadeOffline && window.CascadeOffline.ready")
    page.evaluate("() => window.CascadeOffline.ready")
    assert not [name for name in page.evaluate(CACHE_NAMES) if name.startswith("cascade-u")]
    owner = page.evaluate(QUEUE)["owner"]
    assert owner is not None and owner["user"] != str(officer.pk)

    # A completion queued by someone else is never sent as this learner: dropped, with a notice.
    page.evaluate(FOREIGN_ITEM)
    page.evaluate("() => window.CascadeOffline.sendQueued()")
    expect(page.locator("#offline-status")).to_contain_text("Өөр хэрэглэгчээр нэвтэрсэн үед")
    assert page.evaluate(QUEUE)["queue"] == []


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_offline_pages_fit_a_phone_and_pass_axe(page, site_server, officer, language):
    """The course page with its "Keep for offline" controls shown, the list of kept modules with
    one in it, and the offline page, at 360 px."""
    from .test_accessibility import assert_accessible
    from .test_every_page import PHONE, overflow

    base = site_server.url
    page.set_viewport_size(PHONE)
    signed_in_with_worker(page, base, officer.email, PASSWORD, f"{base}/{language}/courses/{BORDER_COURSE['slug']}/")
    keep = page.locator("li.module").first.locator(".offline-keep")
    keep.locator("[data-keep]").click()
    expect(keep.locator("[data-remove]")).to_be_visible(timeout=20_000)
    for address in (
        f"/{language}/courses/{BORDER_COURSE['slug']}/",
        f"/{language}/learning/offline/",
        f"/{language}/offline/",
    ):
        page.goto(base + address)
        expect(page.locator("html")).to_have_attribute("lang", language)
        if address.endswith("/learning/offline/"):
            expect(page.locator(".offline-module")).to_have_count(1)
        assert overflow(page) is None, f"{address}: {overflow(page)}"
        assert_accessible(page)

    # Where the browser offers to install, the hint shows in the page's language; "Not now" is kept.
    offer = """() => {
      const offered = new Event("beforeinstallprompt", { cancelable: true });
      offered.prompt = () => {};
      dispatchEvent(offered);
    }"""
    hint = page.locator("#install-hint")
    expect(hint).to_be_hidden()
    page.evaluate(offer)
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Cascade-ийг энэ төхөөрөмжид суулгана уу" if language == "mn" else "Install Cascade")
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)
    hint.locator("[data-dismiss]").click()
    expect(hint).to_be_hidden()
    page.reload()
    page.evaluate(offer)
    expect(hint).to_be_hidden()
