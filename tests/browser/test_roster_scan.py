"""A trainer scans a code on the roster with a phone: the page it opens fits 360 px, axe finds
nothing serious on it before or after marking, and the mark shows on the attendance page. The
crawl of every page cannot reach it (no link leads to a scan address), so it is checked here."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .pages import sign_in
from .test_accessibility import assert_accessible
from .test_cohort import cohort_setting as cohort_setting  # a fixture this module uses

pytestmark = pytest.mark.browser


def test_a_trainer_marks_a_trainee_present_by_scanning_the_roster_on_a_phone(
    browser, site_server, cohort_setting, django_db_blocker
):
    from cohorts.models import Attendance
    from cohorts.scan import scan_token
    from cohorts.services import session_create

    trainer, cohort, _session, _suffix = cohort_setting
    base = site_server.url
    with django_db_blocker.unblock():
        learner_id = cohort.memberships.get().learner_id
        session = session_create(cohort=cohort, starts_at=timezone.now())  # a code works on its day only
    token = scan_token(session_id=session.pk, learner_id=learner_id)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, base, trainer.email)
    page.goto(f"{base}/mn/attendance/scan/{token}/")
    expect(page.locator("html")).to_have_attribute("lang", "mn")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ирсэн Суралцагч")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    page.get_by_role("button", name="Ирсэн гэж тэмдэглэх").click()
    expect(page.get_by_role("status")).to_contain_text("ирсэн гэж тэмдэглэлээ")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    with django_db_blocker.unblock():
        assert Attendance.objects.filter(session=session).count() == 1

    page.goto(f"{base}/mn/attendance/scan/{token}/")  # scanned again
    expect(page.get_by_role("status")).to_contain_text("аль хэдийн тэмдэглэсэн")
    page.get_by_role("link", name="Сургалтын уулзалтын ирц").click()
    expect(page.locator(f"#status-{learner_id}-present")).to_be_checked()
    context.close()
