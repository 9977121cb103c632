"""Low-data mode's pages on a phone: the profile with its setting, and a lesson with a picture and a
video as a data saver sees them (the browser sends Save-Data), at 360 px and through axe."""

import pytest
from playwright.sync_api import expect

from .test_accessibility import assert_accessible
from .test_every_page import PHONE, overflow, sign_in_by_session

pytestmark = pytest.mark.browser

LEARNER = "learner@demo.mn"


@pytest.fixture
def lesson_with_media(demo, django_db_blocker, settings, tmp_path):
    from accounts.models import User
    from bench.run import Bench
    from bench.weight import lesson_with_media

    settings.MEDIA_ROOT = str(tmp_path)
    with django_db_blocker.unblock():
        return lesson_with_media(Bench(learner=User.objects.get(email=LEARNER), _demo=demo))


@pytest.fixture
def saver(browser, site_server, demo, django_db_blocker):
    context = browser.new_context(viewport=PHONE, extra_http_headers={"Save-Data": "on"})
    with django_db_blocker.unblock():
        sign_in_by_session(context, site_server.url, LEARNER)
    yield context.new_page()
    context.close()


def test_the_profile_with_the_setting_fits_a_phone_and_passes_axe(saver, site_server):
    saver.goto(site_server.url + "/accounts/profile/")
    expect(saver.locator(".low-data-notice")).to_be_visible()
    expect(saver.get_by_label("Бага дата горим")).to_be_visible()
    assert overflow(saver) is None, overflow(saver)
    assert_accessible(saver)


def test_a_lesson_in_low_data_mode_fits_a_phone_and_passes_axe(saver, site_server, lesson_with_media):
    saver.goto(site_server.url + lesson_with_media.url)
    expect(saver.locator(".video-placeholder")).to_be_visible()
    expect(saver.locator("video")).to_have_count(0)
    assert overflow(saver) is None, overflow(saver)
    assert_accessible(saver)
