"""Attendance in a hall without a connection. A trainer and a co-trainer open the same session's
sheet online on two phones, lose the connection, mark the same trainee differently, see their marks
waiting, and come back online: the server keeps the later mark, and the phone whose mark lost says
so on the sheet. A roster code scanned offline is queued by the service worker's scan page and
recorded once the connection returns."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import UserFactory

from .pages import sign_in
from .test_accessibility import assert_accessible
from .test_cohort import cohort_setting as cohort_setting  # a fixture this module uses

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"  # the factory's
PHONE = {"width": 360, "height": 740}

QUEUE = """() => new Promise((resolve, reject) => {
  const opening = indexedDB.open("cascade-offline", 1);
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const db = opening.result;
    const reading = db.transaction("queue", "readonly").objectStore("queue").getAll();
    reading.onsuccess = () => { db.close(); resolve(reading.result); };
  };
})"""
SHEET_KEPT = """(name) => caches.has(name)
  .then((kept) => kept && caches.open(name).then((cache) => cache.keys()).then((keys) => keys.length > 0))"""
SCAN_PAGE_KEPT = """(address) => caches.keys()
  .then((names) => names.filter((name) => name.startsWith("cascade-shell-")))
  .then((names) => Promise.all(names.map((name) => caches.open(name).then((cache) => cache.match(address)))))
  .then((hits) => hits.some(Boolean))"""


@pytest.fixture
def hall(cohort_setting, django_db_blocker):
    """The cohort with two trainees, a co-trainer, and a session today."""
    from cohorts.services import authorisation_grant, membership_add, session_create
    from courses.models import CoursePage

    trainer, cohort, _session, _suffix = cohort_setting
    with django_db_blocker.unblock():
        present = cohort.memberships.get().learner
        second = UserFactory(last_name="Хоёрдугаар", first_name="Суралцагч")
        membership_add(cohort=cohort, learner=second, source="trainer")
        co_trainer = UserFactory(preferred_language="mn")
        course = CoursePage.objects.get(translation_key=cohort.course_key, locale__language_code="mn")
        authorisation_grant(trainer=co_trainer, course=course, by=None, evidence="Browser test")
        cohort.co_trainers.add(co_trainer)
        session = session_create(cohort=cohort, starts_at=timezone.now())  # a code works on its day only
    return trainer, co_trainer, cohort, session, present, second


def until(page, script, arg=None) -> None:
    """Wait until ``script`` (which may answer a promise) is true in the page."""
    for _attempt in range(150):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    assert page.evaluate(script, arg), script


def sent(page) -> None:
    """Wait until the page's queue is empty: everything in it was sent and answered."""
    until(page, f"() => ({QUEUE})().then((items) => items.length === 0)")


def open_sheet(page, address, user_id, session_id):
    page.goto(address)
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    until(page, SHEET_KEPT, f"cascade-u{user_id}-s{session_id}")


def mark(page, learner_id, status):
    page.locator(f'label[for="status-{learner_id}-{status}"]').click()


def test_two_phones_take_the_same_session_offline_and_the_later_mark_is_kept(
    browser, site_server, hall, django_db_blocker
):
    from cohorts.models import Attendance

    trainer, co_trainer, cohort, session, bat, dorj = hall
    base = site_server.url
    sheet = f"{base}/mn/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    first, second = browser.new_context(viewport=PHONE), browser.new_context(viewport=PHONE)
    phone_a, phone_b = first.new_page(), second.new_page()
    sign_in(phone_a, base, trainer.email)
    sign_in(phone_b, base, co_trainer.email, PASSWORD)
    open_sheet(phone_a, sheet, trainer.pk, session.pk)
    open_sheet(phone_b, sheet, co_trainer.pk, session.pk)

    # In the hall: no connection. The sheet kept on the phone opens.
    first.set_offline(True)
    second.set_offline(True)
    phone_a.reload()
    expect(phone_a.get_by_role("heading", level=1)).to_contain_text("Ирц")

    # Phone A marks Bat late, then phone B marks him absent; A marks Dorj excused; both save.
    mark(phone_a, bat.pk, "late")
    mark(phone_b, bat.pk, "absent")
    mark(phone_a, dorj.pk, "excused")
    phone_a.get_by_role("button", name="Ирц хадгалах").click()
    phone_b.get_by_role("button", name="Ирц хадгалах").click()
    waiting = phone_a.locator("#attendance-waiting")
    expect(waiting).to_be_visible()
    expect(waiting.locator("li")).to_have_count(2)
    expect(waiting).to_contain_text("Хоцорсон")
    assert phone_a.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone_a)
    with django_db_blocker.unblock():
        assert not Attendance.objects.filter(session=session).exists()

    # Phone B finds a connection first, then phone A: both send what waited.
    second.set_offline(False)
    sent(phone_b)
    first.set_offline(False)
    sent(phone_a)

    with django_db_blocker.unblock():
        kept = {a.learner_id: a.status for a in Attendance.objects.filter(session=session)}
    assert kept == {bat.pk: "absent", dorj.pk: "excused"}

    # Phone A's mark of Bat lost: its sheet says so, and shows what was kept.
    conflicts = phone_a.locator("#attendance-conflicts")
    expect(conflicts).to_be_visible()
    expect(conflicts).to_contain_text("«хоцорсон»")
    expect(conflicts).to_contain_text("«тасалсан» хэвээр үлдлээ")
    expect(phone_a.locator(f"#status-{bat.pk}-absent")).to_be_checked()
    expect(phone_a.locator("#attendance-waiting")).to_be_hidden()
    assert_accessible(phone_a)
    # Read, it goes away; the sheet online shows what the server holds.
    conflicts.get_by_role("button").click()
    expect(conflicts).to_be_hidden()
    phone_b.reload()
    expect(phone_b.locator(f"#status-{dorj.pk}-excused")).to_be_checked()
    expect(phone_b.locator("#attendance-conflicts")).to_be_hidden()
    first.close()
    second.close()


def test_a_roster_code_scanned_offline_is_queued_and_recorded_once_online(
    browser, site_server, hall, django_db_blocker
):
    from cohorts.models import Attendance
    from cohorts.scan import scan_token

    trainer, _co_trainer, cohort, session, bat, _dorj = hall
    base = site_server.url
    sheet = f"{base}/mn/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, base, trainer.email)
    open_sheet(page, sheet, trainer.pk, session.pk)
    until(page, SCAN_PAGE_KEPT, "/mn/attendance/scan-offline/")

    context.set_offline(True)
    page.goto(f"{base}/mn/attendance/scan/{scan_token(session_id=session.pk, learner_id=bat.pk)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Уншуулсан код")
    expect(page.get_by_role("status").filter(has_text="цагт ирсэн гэж тэмдэглэлээ")).to_be_visible()
    expect(page.locator("#scan-offline [data-name]")).to_have_text(bat.get_full_name())
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    [queued] = page.evaluate(QUEUE)
    assert (queued["kind"], queued["user"], queued["status"]) == ("attendance-scan", str(trainer.pk), "present")
    page.reload()  # scanned again: one mark waits
    expect(page.get_by_role("status").filter(has_text="аль хэдийн")).to_be_visible()
    assert len(page.evaluate(QUEUE)) == 1
    with django_db_blocker.unblock():
        assert not Attendance.objects.filter(session=session).exists()

    # Back online: the sheet sends it, and the trainee is present.
    context.set_offline(False)
    page.goto(sheet)
    sent(page)
    with django_db_blocker.unblock():
        record = Attendance.objects.get(session=session, learner=bat)
    assert record.status == "present" and str(record.change_id) == queued["body"]["id"]
    page.reload()
    expect(page.locator(f"#status-{bat.pk}-present")).to_be_checked()
    context.close()
