"""/healthz tells a load balancer and an operator which part is down."""

import time

import pytest
from django.test import override_settings

from tests.workers import celery_conf, celery_workers

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "celery"}
    assert all(part["ok"] for part in body["checks"].values())


def test_healthz_needs_no_language_prefix_and_no_sign_in(client):
    assert client.get("/healthz").status_code == 200


PUBLIC = "203.0.113.7"


def test_healthz_tells_a_visitor_from_outside_only_whether_cascade_is_up(client):
    """How the database, cache and workers are set up (engine, backend, worker host names) is a map
    for an attacker; the load balancer needs the status and the code only."""
    response = client.get("/healthz", REMOTE_ADDR=PUBLIC)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert b'"status": "ok"' in response.content


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_healthz_says_degraded_without_a_cache_but_keeps_200_so_the_load_balancer_keeps_the_site(client):
    response = client.get("/healthz", REMOTE_ADDR=PUBLIC)
    assert response.status_code == 200
    assert response.json() == {"status": "degraded"}


def test_healthz_says_unavailable_with_503_to_an_outside_visitor_and_nothing_more_without_the_database(
    client, monkeypatch
):
    from lms import health

    monkeypatch.setattr(health, "check_database", lambda: {"ok": False, "error": "OperationalError"})
    response = client.get("/healthz", REMOTE_ADDR=PUBLIC)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


@pytest.mark.parametrize(
    ("address", "forwarded_for", "proxies", "details"),
    [
        ("127.0.0.1", "", 0, True),
        ("10.1.2.3", "", 0, True),
        ("192.168.0.9", "", 0, True),
        ("::1", "", 0, True),
        (PUBLIC, "", 0, False),
        # Behind one proxy, the address is the one the proxy saw.
        ("127.0.0.1", PUBLIC, 1, False),
        ("127.0.0.1", "10.0.0.5", 1, True),
        # A visitor who writes an internal address into X-Forwarded-For is still seen from outside.
        ("127.0.0.1", f"10.0.0.5, {PUBLIC}", 1, False),
        # Without a trusted proxy, X-Forwarded-For is the visitor's own word.
        (PUBLIC, "127.0.0.1", 0, False),
    ],
)
def test_healthz_shows_the_parts_only_to_an_internal_address_as_seen_through_trusted_proxies(
    client, settings, address, forwarded_for, proxies, details
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    body = client.get("/healthz", REMOTE_ADDR=address, **headers).json()
    assert body["status"] == "ok"
    assert ("checks" in body) is details


def test_healthz_shows_the_parts_to_signed_in_staff_anywhere_but_not_to_a_learner(client):
    from accounts import roles
    from tests.factories import make_user

    client.force_login(make_user(roles.LEARNER, email="learner-health@example.mn"))
    assert "checks" not in client.get("/healthz", REMOTE_ADDR=PUBLIC).json()
    client.force_login(make_user(roles.ADMIN, email="admin-health@example.mn"))
    assert set(client.get("/healthz", REMOTE_ADDR=PUBLIC).json()["checks"]) == {"database", "cache", "celery"}


DEAD_REDIS = "redis://127.0.0.1:6399/0"


@override_settings(
    CACHES={"default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": DEAD_REDIS}},
    CELERY_TASK_ALWAYS_EAGER=False,
)
def test_healthz_says_degraded_and_names_the_parts_that_are_down_when_redis_is(client):
    started = time.monotonic()
    with celery_conf(broker_url=DEAD_REDIS):
        response = client.get("/healthz")
    assert time.monotonic() - started < 15, "a down Redis must not hang the health check"
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    checks = response.json()["checks"]
    assert checks["database"]["ok"] is True
    assert checks["cache"]["ok"] is False
    assert checks["celery"]["ok"] is False


@pytest.fixture
def workers(redis_required, settings):
    workers = celery_workers(settings)
    yield next(workers)
    next(workers, None)  # stops them


def healthz_once_our_worker_answers(client, workers) -> dict:
    """/healthz once the worker this test started answers (another test's worker, on the same
    Redis, may answer first)."""
    deadline = time.monotonic() + 60
    while True:
        body = client.get("/healthz").json()
        if any(workers.queue in name for name in body["checks"]["celery"].get("workers", [])):
            return body
        assert time.monotonic() < deadline, body
        time.sleep(1)


@pytest.mark.services
def test_healthz_sees_a_running_celery_worker(client, workers):
    workers()
    body = healthz_once_our_worker_answers(client, workers)
    assert body["checks"]["celery"]["ok"], body


@pytest.mark.services
def test_healthz_says_when_no_worker_takes_the_certificates_queue(client, workers):
    """Certificates sent to a queue no worker takes would never be rendered: the operator is told."""
    workers(only=("default",))
    body = healthz_once_our_worker_answers(client, workers)
    celery = body["checks"]["celery"]
    assert celery["ok"] is False and celery["error"] == f"no worker takes: {workers.queues['certificates']}"
    assert client.get("/healthz").json()["status"] == "degraded"
