"""A staff member's first sign-in: set up the authenticator app as a person does, while the browser
asks for the site's icon behind the page."""

import re
import time

import pytest
from playwright.sync_api import expect

from lms.demo.content import DEMO_PASSWORD

from .pages import sign_in, sign_out_button

pytestmark = pytest.mark.browser

EDITOR = "editor@demo.mn"
# Resolves with how the browser's request for the site's icon ended.
FETCH_ICON = """() => new Promise((resolve) => {
    const icon = new Image();
    icon.onload = () => resolve(icon.naturalWidth > 0 ? "loaded" : "empty");
    icon.onerror = () => resolve("failed");
    icon.src = "/favicon.ico?" + Date.now();
})"""


def code_from_the_app(secret: str) -> str:
    """What an authenticator app that scanned ``secret`` shows now (never a code about to expire)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


@pytest.fixture
def editor_without_an_app(demo, django_db_blocker):
    from allauth.mfa.models import Authenticator

    editor = demo[EDITOR]
    with django_db_blocker.unblock():
        Authenticator.objects.filter(user=editor).delete()
    yield editor
    with django_db_blocker.unblock():
        Authenticator.objects.filter(user=editor).delete()  # as the demo has it


def test_an_editor_sets_up_the_authenticator_app_while_the_browser_fetches_the_icon(
    page, site_server, editor_without_an_app, django_db_blocker
):
    from allauth.mfa.models import Authenticator

    base = site_server.url
    sign_in(page, base, EDITOR)
    # Sent to the setup; allauth asks for the password once more before it shows the secret.
    expect(page).to_have_url(re.compile(r"/accounts/(reauthenticate|2fa/totp/activate)/"))
    if "/reauthenticate/" in page.url:
        page.locator('input[name="password"]').fill(DEMO_PASSWORD)
        page.locator('input[name="password"]').press("Enter")
    expect(page).to_have_url(f"{base}/accounts/2fa/totp/activate/")

    # Scan: the app reads the secret the page shows (the QR code holds the same one).
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    expect(page.locator("img[src^='data:image/svg+xml']")).to_be_visible()

    # Meanwhile the browser asks for the site's icon, as browsers do after a page loads.
    icon = page.evaluate(FETCH_ICON)

    page.locator('input[name="code"]').fill(code_from_the_app(secret))
    page.locator('input[name="code"]').press("Enter")
    expect(page).not_to_have_url(re.compile(r"/2fa/totp/activate/"))
    with django_db_blocker.unblock():
        assert Authenticator.objects.filter(user=editor_without_an_app, type=Authenticator.Type.TOTP).exists()

    # Signed in, with the second factor active: the site opens instead of the setup.
    page.goto(f"{base}/mn/")
    expect(page).to_have_url(f"{base}/mn/")
    expect(sign_out_button(page)).to_be_attached()
    assert icon == "loaded"
