"""The report page, its cascade section included, on a phone: nothing wider than 360 px, and axe
finds nothing serious."""

import pytest
from playwright.sync_api import expect

from .pages import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_master_trainers_report_fits_a_phone_and_passes_axe(page, site_server, demo, language):
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, site_server.url, "master@demo.mn")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(f"{site_server.url}/{language}/reports/")
    expect(page.locator("#cascade")).to_be_visible()
    expect(page.locator("figure.chart svg").last).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
