"""/healthz tells a load balancer and an operator which part is down."""

import os
import subprocess
import sys
import time

import pytest
from django.test import override_settings

from tests.workers import celery_conf, stop

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


DEAD_REDIS = "redis://127.0.0.1:6399/0"


@override_settings(
    CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": DEAD_REDIS}},
    CELERY_TASK_ALWAYS_EAGER=False,
)
def test_healthz_answers_503_and_names_the_parts_that_are_down_when_redis_is(client):
    started = time.monotonic()
    with celery_conf(broker_url=DEAD_REDIS):
        response = client.get("/healthz")
    assert time.monotonic() - started < 15, "a down Redis must not hang the health check"
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["ok"] is True
    assert checks["cache"]["ok"] is False
    assert checks["celery"]["ok"] is False


@pytest.mark.services
def test_healthz_sees_a_running_celery_worker(client, redis_required, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with celery_conf(broker_url=settings.REDIS_URL):
        _see_a_running_worker(client)


def _see_a_running_worker(client):
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--concurrency=1",
         "--hostname=healthz-test@%h", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        body = client.get("/healthz").json()
        while not body["checks"]["celery"]["ok"] and time.monotonic() < deadline:
            time.sleep(1)
            body = client.get("/healthz").json()
        assert body["checks"]["celery"]["ok"], body
        assert any(
            name.startswith("celery@healthz-test") or "healthz-test" in name
            for name in body["checks"]["celery"]["workers"]
        )
    finally:
        stop(worker)
