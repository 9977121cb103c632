"""Setting up the authenticator app, as a browser does it: the page's own requests (the icon, images,
scripts) never restart the setup, and the secret on screen is the one the code is checked against."""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"

# What Chromium sends with the requests it makes on its own or for a page.
NAVIGATION = {
    "HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "HTTP_SEC_FETCH_DEST": "document",
    "HTTP_SEC_FETCH_MODE": "navigate",
    "HTTP_SEC_FETCH_SITE": "same-origin",
}
ICON = {
    "HTTP_ACCEPT": "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
    "HTTP_SEC_FETCH_DEST": "image",
    "HTTP_SEC_FETCH_MODE": "no-cors",
    "HTTP_SEC_FETCH_SITE": "same-origin",
}
SCRIPT_FETCH = {"HTTP_ACCEPT": "*/*", "HTTP_SEC_FETCH_DEST": "empty", "HTTP_SEC_FETCH_MODE": "cors"}


@pytest.fixture
def coordinator_setting_up(client):
    """A coordinator without an authenticator app, signed in and on the setup page, with the
    password confirmed as allauth asks before showing the code to scan."""
    person = UserFactory(roles=["coordinator"])
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"), **NAVIGATION)
    assert response.status_code == 200
    return person


def secret_on_page(response) -> str:
    """The secret printed beside the QR code (the code holds the same one)."""
    return re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', response.content.decode()).group(1)


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_the_browsers_icon_request_is_answered_and_does_not_restart_the_setup(client, coordinator_setting_up):
    secret = client.session[SECRET_SESSION_KEY]
    response = client.get("/favicon.ico", **ICON)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file
    assert client.session[SECRET_SESSION_KEY] == secret


def test_reloading_the_setup_page_shows_the_same_secret(client, coordinator_setting_up):
    first = secret_on_page(client.get(reverse("mfa_activate_totp"), **NAVIGATION))
    second = secret_on_page(client.get(reverse("mfa_activate_totp"), **NAVIGATION))
    assert first == second == client.session[SECRET_SESSION_KEY]


def test_the_code_of_the_secret_shown_completes_the_setup_after_the_page_loaded_its_icon(
    client, coordinator_setting_up
):
    secret = secret_on_page(client.get(reverse("mfa_activate_totp"), **NAVIGATION))
    # The browser follows whatever answer it gets, as it would for the icon or an image.
    client.get("/favicon.ico", follow=True, **ICON)
    client.get(reverse("my_learning"), follow=True, **ICON)
    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)}, **NAVIGATION)
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator_setting_up, type=Authenticator.Type.TOTP).exists()
    assert client.get("/mn/", **NAVIGATION).status_code == 200


@pytest.mark.parametrize("headers", [ICON, SCRIPT_FETCH], ids=["an image or icon", "a script's fetch"])
def test_a_pages_own_requests_are_refused_not_sent_to_the_setup(client, coordinator_setting_up, headers):
    secret = client.session[SECRET_SESSION_KEY]
    response = client.get("/mn/", **headers)
    assert response.status_code == 403
    assert "Эхлээд хоёр шатлалт баталгаажуулалтаа тохируулна уу" in response.content.decode()
    assert client.session[SECRET_SESSION_KEY] == secret


def test_a_form_sent_elsewhere_is_refused_not_sent_to_the_setup(client, coordinator_setting_up):
    response = client.post(reverse("my_learning"), {}, **{**NAVIGATION, "HTTP_SEC_FETCH_DEST": "document"})
    assert response.status_code == 403


def test_opening_a_page_still_leads_to_the_setup(client, coordinator_setting_up):
    response = client.get("/mn/", **NAVIGATION)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_page_the_service_worker_fetches_for_the_window_leads_to_the_setup(client, coordinator_setting_up):
    """Chromium sends the page a service worker fetches for the window as mode "navigate",
    destination "empty": it is the page being opened, not one of its own requests."""
    response = client.get("/mn/", **{**NAVIGATION, "HTTP_SEC_FETCH_DEST": "empty"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("name", ["service_worker", "web_manifest"])
def test_the_apps_worker_and_manifest_are_served_during_the_setup(client, coordinator_setting_up, name):
    response = client.get(reverse(name), **SCRIPT_FETCH)
    assert response.status_code == 200


def test_the_api_still_answers_json(client, coordinator_setting_up):
    response = client.get("/api/v1/me", **SCRIPT_FETCH)
    assert response.status_code == 403
    assert response.json()["detail"] == "Эхлээд хоёр шатлалт баталгаажуулалтаа тохируулна уу."


def test_every_page_names_the_sites_icon(client, db):
    page = client.get("/mn/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert icon
    assert client.get(icon.group(1)).status_code == 200
    assert client.get("/favicon.ico").status_code == 200
