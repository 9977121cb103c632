"""A trainer marks a trainee's essay from the marking queue; axe-core checks both pages."""

import re

import pytest
from playwright.sync_api import expect

from .pages import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


def test_the_trainer_marks_a_waiting_essay(page, site_server, demo):
    base = site_server.url
    sign_in(page, base, "trainer@demo.mn")
    page.goto(f"{base}/mn/marking/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    marks = page.locator("main table a.button")
    expect(marks.first).to_be_visible()  # the demo trainee whose essay waits
    waiting = marks.count()
    marks.first.click()
    assert_accessible(page)
    page.locator("input[name=mark]").fill("1")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/mn/marking/$"))
    expect(page.locator(".message-success")).to_be_visible()
    expect(page.locator("main table a.button")).to_have_count(waiting - 1)
