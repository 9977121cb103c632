"""An editor who also reads courses on the site keeps a module for offline, then signs out of the
Wagtail admin rather than the site: the device forgets all of it, as the site's sign-out makes it."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

from .pages import sign_in
from .test_certificate_pages import current_totp
from .test_offline import CACHE_NAMES, QUEUE

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"  # the factory's

KEEP_SOMETHING = """(user) => caches.open(`cascade-u${user}-m1`)
  .then((cache) => cache.put("/kept-page/", new Response("kept")))
  .then(() => caches.open(`cascade-u${user}-a1`))
  .then((cache) => cache.put("/attempt-page/", new Response("kept")))
  .then(() => localStorage.setItem("cascade-attempt-1", JSON.stringify({"q": {"choice": "a"}})))
  .then(() => window.CascadeOffline.queueCompletion({lessonId: 1, url: "/api/v1/lessons/1/complete", title: ""}))
  .then(() => true)"""


@pytest.fixture
def editor(demo, django_db_blocker):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    with django_db_blocker.unblock():
        person = UserFactory(roles=["editor"], preferred_language="mn")
        secret = generate_totp_secret()
        TOTP.activate(person, secret)
    return person, secret


def test_signing_out_of_the_admin_forgets_what_the_device_kept(page, site_server, editor):
    person, secret = editor
    base = site_server.url
    sign_in(page, base, person.email, PASSWORD)
    page.locator("input[name=code]").fill(current_totp(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.wait_for_function("() => window.CascadeOffline && window.CascadeOffline.ready")
    page.evaluate("() => window.CascadeOffline.ready")
    page.evaluate(KEEP_SOMETHING, person.pk)
    assert [name for name in page.evaluate(CACHE_NAMES) if name.startswith("cascade-u")]
    assert page.evaluate(QUEUE)["queue"]

    # The admin's own "Log out", in its sidebar's account menu.
    page.goto(base + "/admin/")
    page.locator(".sidebar-footer__account").click()
    page.locator('form[action="/admin/logout/"] button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    page.wait_for_function("() => window.CascadeOffline && window.CascadeOffline.ready")
    page.evaluate("() => window.CascadeOffline.ready")
    # The shell (nothing personal) is kept again by the worker on the first page answered online.
    assert not [name for name in page.evaluate(CACHE_NAMES) if name.startswith("cascade-u")]
    assert page.evaluate(QUEUE) == {"queue": [], "owner": None}
    assert page.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('cascade-attempt-'))") == []
