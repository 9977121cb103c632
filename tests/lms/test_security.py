"""Headers and session rules that hold in every run mode."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_inline_code(client):
    policy = client.get("/mn/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy


def test_only_the_wagtail_admin_gets_the_relaxed_policy(client, admin_user):
    client.force_login(admin_user)
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy


def _stored_expiry(client, settings):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).expire_date


def test_the_session_expires_after_the_idle_timeout(client, learner, settings):
    client.force_login(learner)
    response = client.get("/mn/")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_IDLE_MINUTES * 60
    assert cookie["httponly"]
    expiry = _stored_expiry(client, settings)
    assert timezone.now() + timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1) < expiry
    assert expiry <= timezone.now() + timedelta(minutes=settings.SESSION_IDLE_MINUTES)


def test_a_request_within_the_minute_leaves_the_session_as_it_is(client, learner, settings):
    client.force_login(learner)
    client.get("/mn/")
    expiry = _stored_expiry(client, settings)
    with mock.patch("lms.middleware.time") as clock:  # this module's clock only, not the cache's
        clock.time.return_value = time.time() + 50
        response = client.get("/mn/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the browser's cookie still holds
    assert _stored_expiry(client, settings) == expiry


def test_a_request_a_few_minutes_on_moves_the_idle_timeout(client, learner, settings):
    client.force_login(learner)
    client.get("/mn/")
    expiry = _stored_expiry(client, settings)
    with mock.patch("lms.middleware.time") as clock:
        clock.time.return_value = time.time() + 5 * 60
        response = client.get("/mn/")
    assert int(response.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == settings.SESSION_IDLE_MINUTES * 60
    assert _stored_expiry(client, settings) > expiry
    # Still signed in: the session is the same one.
    assert client.get(reverse("profile")).status_code == 200


def test_a_visitor_without_a_session_is_given_none(client, settings):
    response = client.get("/mn/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_pages_cannot_be_framed(client):
    assert client.get("/mn/")["X-Frame-Options"] == "DENY"
