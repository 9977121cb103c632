"""Handing a task to the Celery broker without making the broker a dependency of the request.

A task is enqueued after the write it follows has committed: the record is saved either way. When
the broker cannot be reached (Redis down while the database is fine), the failure is logged and
the request answers as usual; the periodic sweeps pick up what is still pending."""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

try:  # the broker's own client, when it is Redis: a timeout or reset may surface unwrapped
    from redis.exceptions import RedisError as _RedisError
except ImportError:  # pragma: no cover - Redis is a dependency in production
    _RedisError = OperationalError

BROKER_ERRORS = (OperationalError, _RedisError, ConnectionError)


def enqueue(task, *args, **kwargs) -> bool:
    """``task.delay(*args, **kwargs)``; False (logged) if the broker could not take it."""
    try:
        task.delay(*args, **kwargs)
    except BROKER_ERRORS:
        logger.exception("Could not enqueue %s%r: left to the periodic sweep", getattr(task, "name", task), args)
        return False
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Enqueue ``task`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))
