"""Who is acting, and from where, for audit records written far from the request.

Set by :class:`accounts.middleware.AuditContextMiddleware` for web requests and by
services and commands that act on someone's behalf. A context variable, not a
module-level global, so each request and each task sees only its own.
"""

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user: object = None
    ip_address: str | None = None
    user_agent: str = ""


_current: ContextVar[Actor | None] = ContextVar("cascade_audit_actor", default=None)


def current_actor() -> Actor:
    return _current.get() or Actor()


@contextlib.contextmanager
def acting_as(actor: Actor):
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def actor_from_request(request) -> Actor:
    user = getattr(request, "user", None)
    return Actor(
        user=user if getattr(user, "is_authenticated", False) else None,
        ip_address=request.META.get("REMOTE_ADDR") or None,
        user_agent=(request.META.get("HTTP_USER_AGENT") or "")[:255],
    )
