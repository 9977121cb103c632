"""Real Celery workers for the tests that prove the background jobs (CI: PostgreSQL and Redis).

``celery_workers(settings, **env)`` is the body of a fixture: it points the test's Celery app at
Redis and at queues of the test's own (the default one, ``start.queue``, and one per routed queue,
``start.queues["certificates"]``), yields a function that starts a worker process reading the
test's database and taking all of them (``start(app_module="lms", only=None)``; ``only`` names the
routed queues to take, "default" being the default one), and stops every worker and restores
the app.

``celery_conf(**changes)`` changes the Celery app's configuration for a block and takes the
changes away afterwards.

``wait_until_done(queues)`` waits until every task sent to the queues has run to its end, so that a
test asserting that nothing was done twice has let the second delivery happen first."""

import contextlib
import email
import email.policy
import json
import os
import subprocess
import sys
import time
import uuid

import pytest
from django.db import connection


@contextlib.contextmanager
def celery_conf(**changes):
    """Celery reads Django's settings live, under a layer of explicit changes that wins over them.
    Writing the old values back would leave them in that layer for good (a worker test once left
    every later test of its process without eager tasks), so the changes are removed instead."""
    layer = celery_changes()
    before = {name: layer[name] for name in changes if name in layer}
    layer.update(changes)
    _reroute()
    _reconnect("broker_url" in changes)
    try:
        yield
    finally:
        for name in changes:
            layer.pop(name, None)
        layer.update(before)
        _reroute()
        _reconnect("broker_url" in changes)


def _reroute() -> None:
    """Celery reads the routes once, into its router: make it read them again."""
    from lms.celery import app

    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


def _reconnect(broker_changed: bool) -> None:
    """Celery opens its pool of connections to the broker once, on the first task it sends: after
    the broker's address changes, make it open a new one (as it does in a forked worker)."""
    if broker_changed:
        from lms.celery import app

        app._pool = None
        app.amqp._producer_pool = None


def celery_changes() -> dict:
    """The layer of explicit changes of the Celery app's configuration, once it has been read
    from Django's settings (before that, Celery holds a placeholder)."""
    from lms.celery import app

    app.conf.task_always_eager  # noqa: B018 (reading one setting loads the configuration)
    return app.conf.changes


def celery_workers(settings, **extra_env):
    if connection.vendor != "postgresql":
        pytest.skip("the worker needs a database another process can open: PostgreSQL")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    queues = {"default": queue} | {name: f"{queue}-{name}" for name in _routed_queues(settings)}
    routes = {task: {"queue": queues[route["queue"]]} for task, route in settings.CELERY_TASK_ROUTES.items()}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{host}:{port}/{database['NAME']}",
        **extra_env,
    }
    processes = []

    def start(app_module: str = "lms", only: tuple[str, ...] | None = None) -> subprocess.Popen:
        taken = ",".join(queues[name] for name in (only or queues))
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", app_module, "worker", "--pool=solo", "-Q", taken,
             f"--hostname={uuid.uuid4().hex[:6]}-{queue}@%h", "--without-gossip", "--without-mingle",
             "--loglevel=WARNING"],
            env=env,
        )  # fmt: skip
        processes.append(process)
        return process

    start.queue, start.queues = queue, queues
    with celery_conf(
        task_always_eager=False, broker_url=settings.REDIS_URL, task_default_queue=queue, task_routes=routes
    ):
        try:
            yield start
        finally:
            for process in processes:
                stop(process)


def _routed_queues(settings) -> list[str]:
    return sorted({route["queue"] for route in settings.CELERY_TASK_ROUTES.values()})


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the worker did not finish in time"
        time.sleep(0.3)


def _broker():
    import redis
    from django.conf import settings

    return redis.Redis.from_url(settings.REDIS_URL)


def unacknowledged(queues) -> frozenset[bytes]:
    """The delivery tags of the messages of these queues that a worker has taken and not yet
    acknowledged. Tasks acknowledge late (CELERY_TASK_ACKS_LATE), when they have run, so a tag here
    is a task still running, or one whose worker was killed running it. Kombu's Redis transport
    keeps them in the hash "unacked", each as [message, exchange, routing key]."""
    entries = _broker().hgetall("unacked")
    return frozenset(tag for tag, entry in entries.items() if json.loads(entry)[2] in set(queues))


def wait_until_done(queues, *, killed_with=frozenset(), timeout: float = 120) -> None:
    """Wait until every task sent to these queues has run to its end: no message waits in a queue,
    and none that a worker took is unacknowledged, but those ``killed_with`` a worker the test
    killed. Seen twice, 0.3 s apart: a message passing from a queue to a worker is, for an
    instant, in neither; by the second look it is in one, or done."""
    queues = list(queues)
    broker = _broker()

    def idle() -> bool:
        waiting = any(broker.llen(queue) for queue in queues)
        return not waiting and not (unacknowledged(queues) - killed_with)

    def idle_twice() -> bool:
        if not idle():
            return False
        time.sleep(0.3)
        return idle()

    wait_for(idle_twice, timeout)


def mails(mailbox) -> list[email.message.EmailMessage]:
    """Each message the file e-mail backend wrote into ``mailbox`` (a file per connection, its
    messages divided by a line of 79 dashes), oldest first."""
    found = []
    for path in sorted(mailbox.iterdir()):
        for part in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if part.strip():
                found.append(email.message_from_bytes(part.lstrip(), policy=email.policy.default))
    return found
