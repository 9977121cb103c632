"""axe-core on the certificate pages people work from, and on a quiz with immediate feedback:
a coordinator (with an authenticator app) revoking a certificate, a trainer's list and ZIP page,
a learner checking an answer."""

import re
import time

import pytest
from playwright.sync_api import expect

from .pages import demo_cohort, sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


def current_totp(secret: str) -> str:
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def test_the_coordinator_revokes_a_certificate_with_a_reason(page, site_server, demo, django_db_blocker):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from certificates.permissions import certificates_managed_by

    with django_db_blocker.unblock():
        coordinator = User.objects.get(email="coordinator@demo.mn")
        Authenticator.objects.filter(user=coordinator).delete()
        secret = generate_totp_secret()
        TOTP.activate(coordinator, secret)
        valid = (
            certificates_managed_by(coordinator).filter(state="issued").first()
        )  # a certificate of someone in the coordinator's organisation
    sign_in(page, site_server.url, coordinator.email)
    page.locator("input[name=code]").fill(current_totp(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()

    page.goto(f"{site_server.url}/mn/certificates/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.goto(f"{site_server.url}/mn/certificates/{valid.pk}/revoke/")
    page.locator("main form button[type=submit]").click()  # no reason: the form says so
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)


def test_the_trainer_asks_for_the_cohorts_certificates_as_a_zip(page, site_server, demo, django_db_blocker):

    with django_db_blocker.unblock():
        cohort = demo_cohort(demo["trainer@demo.mn"])
    sign_in(page, site_server.url, "trainer@demo.mn")
    page.goto(f"{site_server.url}/mn/certificates/?cohort={cohort.pk}")
    assert_accessible(page)
    page.locator(f"form[action$='/cohorts/{cohort.pk}/zip/'] button").click()
    expect(page).to_have_url(re.compile(r"/mn/certificates/bundles/\d+/$"))
    expect(page.locator("main a.button")).to_be_visible()  # built at once in-process
    assert_accessible(page)


def test_a_learner_checks_an_answer_in_a_quiz_with_immediate_feedback(page, site_server, demo):
    sign_in(page, site_server.url, "learner2@demo.mn")
    page.goto(f"{site_server.url}/mn/courses/trafficking-at-the-border/recognise-speak-act/recognise-speak-act-quiz/")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/mn/learning/attempts/\d+/"))
    first = page.locator("fieldset.question").first
    first.locator("input").first.check()
    first.locator("button[name=check]").click()
    expect(page.locator("fieldset.question").first.locator(".review")).to_be_visible()
    expect(page.locator("fieldset.question").first.locator("input").first).to_be_disabled()
    assert_accessible(page)


def test_a_large_export_shows_its_progress_then_its_file_on_a_phone(
    page, site_server, demo, django_db_blocker, settings
):
    """Above the inline threshold the export is prepared by a worker (at once, in-process, here): the
    page that waits for it and the page that offers it fit 360 px and pass axe."""
    from core.models import PreparedDownload

    settings.CASCADE_EXPORT_INLINE_ROWS = 0
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, site_server.url, "trainer@demo.mn")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(f"{site_server.url}/mn/certificates/export.xlsx")
    expect(page).to_have_url(re.compile(r"/mn/downloads/\d+/$"))
    expect(page.locator("main a.button")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.locator("main a.button").click()
    assert download_info.value.suggested_filename.endswith(".xlsx")

    with django_db_blocker.unblock():  # one still waiting for a worker
        waiting = PreparedDownload.objects.filter(requested_by__email="trainer@demo.mn").order_by("-pk").first()
        PreparedDownload.objects.filter(pk=waiting.pk).update(finished_at=None, done=1, total=3)
    page.goto(f"{site_server.url}/mn/downloads/{waiting.pk}/")
    expect(page.locator("main progress")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
