"""Handing a task to the Celery broker without making the broker a dependency of the request.

A task is enqueued after the write it follows has committed: the record is saved either way. When
the broker cannot be reached (Redis down while the database is fine), the failure is logged and
the request answers as usual; the periodic sweeps pick up what is still pending.

After a failure this process leaves the broker alone for ``CASCADE_BROKER_RETRY_AFTER`` seconds:
each attempt can cost a request a second or more (Celery retries the connection), and what is not
sent is left to the sweeps all the same."""

import logging
import threading
import time

from django.conf import settings
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

try:  # the broker's own client, when it is Redis: a timeout or reset may surface unwrapped
    from redis.exceptions import RedisError as _RedisError
except ImportError:  # pragma: no cover - Redis is a dependency in production
    _RedisError = OperationalError

BROKER_ERRORS = (OperationalError, _RedisError, ConnectionError)

# Per broker address: until when (time.monotonic()) this process does not try it.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


def enqueue(task, *args, **kwargs) -> bool:
    """``task.delay(*args, **kwargs)``; False (logged) if the broker could not take it."""
    name = getattr(task, "name", task)
    conf = getattr(getattr(task, "app", None), "conf", None)
    # Tasks run in-process (the embedded default) never reach a broker.
    broker = None if conf is None or conf.task_always_eager else str(conf.broker_url)
    if broker and time.monotonic() < _down_until.get(broker, 0.0):
        logger.warning("The broker was down a moment ago: %s%r left to the periodic sweep", name, args)
        return False
    try:
        task.delay(*args, **kwargs)
    except BROKER_ERRORS:
        if broker:
            with _lock:
                _down_until[broker] = time.monotonic() + settings.CASCADE_BROKER_RETRY_AFTER
        logger.exception("Could not enqueue %s%r: left to the periodic sweep", name, args)
        return False
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Enqueue ``task`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))
