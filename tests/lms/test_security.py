"""Headers and session rules that hold in every run mode."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_inline_code(client):
    policy = client.get("/mn/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy


def test_only_the_wagtail_admin_gets_the_relaxed_policy(client, admin_user):
    client.force_login(admin_user)
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy


def test_the_session_expires_after_the_idle_timeout(client, learner, settings):
    client.force_login(learner)
    response = client.get("/mn/")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_IDLE_MINUTES * 60
    assert cookie["httponly"]


def test_pages_cannot_be_framed(client):
    assert client.get("/mn/")["X-Frame-Options"] == "DENY"
