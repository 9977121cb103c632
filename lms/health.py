"""The state of each part Cascade needs: database, cache (Redis in production) and Celery workers."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.crypto import get_random_string

from accounts import roles
from core.cache import CacheUnavailable, shared
from core.throttle import is_internal_address


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001  (any failure means "down"; the reason is reported)
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "engine": connection.vendor}


def check_cache() -> dict:
    key = f"healthz:{get_random_string(8)}"
    shared_cache = shared(cache)  # Redis itself, not the per-process stand-in of an outage
    try:
        shared_cache.set(key, "1", 5)
        ok = shared_cache.get(key) == "1"
        shared_cache.delete(key)
    except CacheUnavailable:
        return {"ok": False, "error": "unreachable"}
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": exc.__class__.__name__}
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "backend": backend} if ok else {"ok": False, "error": "read-back failed", "backend": backend}


def check_celery() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    from lms.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        replies = app.control.ping(timeout=1.0) or []
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "mode": "worker", "error": exc.__class__.__name__}
    workers = sorted(name for reply in replies for name in reply)
    if not workers:
        return {"ok": False, "mode": "worker", "error": "no worker answered", "workers": []}
    unserved = sorted(set(_queues(app)) - _served_queues(app, len(workers)))
    if unserved:
        # Tasks sent there wait for ever: certificates that are never rendered, for instance.
        return {"ok": False, "mode": "worker", "error": f"no worker takes: {', '.join(unserved)}", "workers": workers}
    return {"ok": True, "mode": "worker", "workers": workers}


def _queues(app) -> list[str]:
    """The queues Cascade sends tasks to: the default one and those of the routes."""
    routes = app.conf.task_routes or {}
    return [app.conf.task_default_queue, *(route["queue"] for route in routes.values())]


def _served_queues(app, workers: int) -> set[str]:
    try:
        replies = app.control.inspect(timeout=1.0, limit=workers).active_queues() or {}
    except Exception:  # noqa: BLE001  (reported as no queue served)
        return set()
    return {queue["name"] for queues in replies.values() for queue in queues}


OK, DEGRADED, UNAVAILABLE = "ok", "degraded", "unavailable"


def system_health() -> tuple[str, dict]:
    """``ok``; ``degraded`` when the cache or the task queue is down (pages and learning records
    work from the database, certificates wait for the sweep); ``unavailable`` without the database."""
    checks = {"database": check_database(), "cache": check_cache(), "celery": check_celery()}
    if not checks["database"]["ok"]:
        return UNAVAILABLE, checks
    return (OK if all(part["ok"] for part in checks.values()) else DEGRADED), checks


def health_details_allowed(request) -> bool:
    """The parts' details are for the operators: asked from the internal network (the monitoring,
    the load balancer), or by a signed-in staff member (the roles that must have a second factor)."""
    if is_internal_address(request):
        return True
    return roles.has_role(request.user, *settings.CASCADE_MFA_REQUIRED_ROLES)
