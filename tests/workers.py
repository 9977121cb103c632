"""Real Celery workers for the tests that prove the background jobs (CI: PostgreSQL and Redis).

``celery_workers(settings, **env)`` is the body of a fixture: it points the test's Celery app at
Redis and at a queue of the test's own, yields a function that starts a worker process reading
the test's database (``start(app_module="lms")``), and stops every worker and restores the app."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.db import connection


def celery_workers(settings, **extra_env):
    if connection.vendor != "postgresql":
        pytest.skip("the worker needs a database another process can open: PostgreSQL")
    from lms.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Celery's settings are a mapping: change and restore them as such.
    changed = {"task_always_eager": False, "broker_url": settings.REDIS_URL, "task_default_queue": queue}
    before = {name: app.conf[name] for name in changed}
    app.conf.update(changed)
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{host}:{port}/{database['NAME']}",
        **extra_env,
    }
    processes = []

    def start(app_module: str = "lms") -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", app_module, "worker", "--pool=solo", "-Q", queue,
             f"--hostname={uuid.uuid4().hex[:6]}-{queue}@%h", "--without-gossip", "--without-mingle",
             "--loglevel=WARNING"],
            env=env,
        )  # fmt: skip
        processes.append(process)
        return process

    start.queue = queue
    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
    app.conf.update(before)


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the worker did not finish in time"
        time.sleep(0.3)
