"""The shared cache (Redis) as an accelerator, never a dependency: when Redis cannot be reached, a
request goes on without it instead of answering 500.

``ResilientRedisCache`` is django-redis's backend with three additions:

- **A short circuit breaker per process.** After a failure, Redis is left alone for
  ``RETRY_AFTER`` seconds (5 by default): requests in that time do not each wait for a connection
  that will not come. The first operation after that tries Redis again.
- **A per-process fallback.** While Redis is down, every operation of the ordinary cache API goes to
  a local-memory cache of this process instead. Whatever counts in the cache (allauth's sign-in
  limits, the certificate-lookup and join-code limits) then holds per web process instead of
  across all of them: looser by the number of processes, never unlimited (docs/security.md).
- **Forgetting what was missed.** A value written or deleted while Redis was down is one Redis
  still holds in its old state: a signed-out session, the page tree's old version. The keys are
  remembered (in this process) and deleted from Redis as soon as it answers again, before anything
  else is read from it; past ``FORGET_LIMIT`` keys, every Cascade key is deleted instead.

What must not be kept per process (a session, the page tree's version) uses ``shared(cache)``: the
same cache without the fallback, which raises ``CacheUnavailable`` when Redis is down, so the caller
goes to the database instead.
"""

import contextlib
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.utils.connection import ConnectionProxy
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a Redis that is down, restarting, full or out of reach raises (a bug in the caller, such as
# a value that cannot be pickled, is none of these and is not hidden).
REDIS_ERRORS = (RedisError, ConnectionInterrupted, OSError)  # OSError: refused, reset, timed out
RETRY_AFTER = 5.0
FORGET_LIMIT = 10_000


class CacheUnavailable(Exception):
    """The shared cache cannot be reached now; the caller works without it."""


class _Outage:
    """What this process knows of one Redis server's state. One per server, shared by the cache
    objects of every thread (Django makes one per thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.count = 0  # outages seen by this process, so that callers can tell one has happened
        self.missed: set[str] = set()  # full Redis keys written or deleted while it was down
        self.missed_too_many = False

    def is_open(self) -> bool:
        return time.monotonic() < self.down_until

    def trip(self, error: BaseException, retry_after: float) -> None:
        with self.lock:
            first = self.down_until == 0.0
            self.down_until = time.monotonic() + retry_after
            if first:
                self.count += 1
        if first:
            logger.warning(
                "The shared cache (Redis) cannot be reached (%s): working without it, from the database "
                "and per-process counters, and trying it again every %g s",
                error.__class__.__name__,
                retry_after,
            )

    def remember(self, keys) -> None:
        with self.lock:
            if self.missed_too_many:
                return
            self.missed.update(keys)
            if len(self.missed) > FORGET_LIMIT:
                self.missed, self.missed_too_many = set(), True


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(server: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(server, _Outage())


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self._ignore_exceptions = False  # failures come to ``_call``, which decides
        self.outage = _outage_for(str(server))
        self.local = LocMemCache(
            f"cascade-fallback:{server}", {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 2000}}
        )

    # --- Talking to Redis -----------------------------------------------------------------------

    def _redis(self, name: str, *args, **kwargs):
        """``RedisCache.name(*args, **kwargs)``; raises ``CacheUnavailable`` when Redis is down."""
        outage = self.outage
        if outage.down_until:
            if outage.is_open():
                raise CacheUnavailable
            try:
                self._forget_missed()
            except REDIS_ERRORS as error:
                outage.trip(error, self.retry_after)
                raise CacheUnavailable from error
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except REDIS_ERRORS as error:
            outage.trip(error, self.retry_after)
            raise CacheUnavailable from error

    def _forget_missed(self) -> None:
        """Redis answers again: delete what it holds in a state older than this process's writes,
        then close the breaker."""
        outage = self.outage
        with outage.lock:
            missed, too_many = list(outage.missed), outage.missed_too_many
        if too_many:
            RedisCache.delete_pattern(self, "*")  # only Cascade's keys: the prefix is added
        elif missed:
            self.client.get_client(write=True).delete(*missed)
        with outage.lock:
            outage.missed.difference_update(missed)
            if too_many:
                outage.missed_too_many = False
            outage.down_until = 0.0
        logger.warning("The shared cache (Redis) answers again; %d keys written meanwhile were cleared", len(missed))

    def _remember(self, *keys, version=None) -> None:
        self.outage.remember(self.make_key(key, version=version) for key in keys)

    def _call(self, name: str, args, kwargs, written=()):
        try:
            return self._redis(name, *args, **kwargs)
        except CacheUnavailable:
            if written:
                self._remember(*written, version=kwargs.get("version"))
            return getattr(self.local, name)(*args, **kwargs)

    def available(self) -> bool:
        """False while the breaker is open (Redis failed within the last ``retry_after`` seconds)."""
        return not self.outage.is_open()

    # --- The cache API, each with its fallback ---------------------------------------------------

    def get(self, key, default=None, version=None, client=None):
        return self._call("get", (key, default), {"version": version})

    def get_many(self, keys, version=None):
        return self._call("get_many", (keys,), {"version": version})

    def has_key(self, key, version=None):
        return self._call("has_key", (key,), {"version": version})

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        # Not remembered: a counter's or a lock's old value in Redis only makes a limit stricter.
        return self._call("add", (key, value, timeout), {"version": version})

    def incr(self, key, delta=1, version=None, **kwargs):
        return self._call("incr", (key, delta), {"version": version})

    def decr(self, key, delta=1, version=None, **kwargs):
        return self._call("decr", (key, delta), {"version": version})

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._call("set", (key, value, timeout), {"version": version}, written=(key,))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._call("set_many", (data, timeout), {"version": version}, written=tuple(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._call("touch", (key, timeout), {"version": version}, written=(key,))

    def delete(self, key, version=None, **kwargs):
        return self._call("delete", (key,), {"version": version}, written=(key,))

    def delete_many(self, keys, version=None, **kwargs):
        return self._call("delete_many", (keys,), {"version": version}, written=tuple(keys))

    def delete_pattern(self, pattern, version=None, **kwargs):
        try:
            return self._redis("delete_pattern", pattern, version=version)
        except CacheUnavailable:
            with self.outage.lock:
                self.outage.missed_too_many = True  # every key may match: clear them all on return
            self.local.clear()
            return 0

    def clear(self):
        self.local.clear()
        try:
            return self._redis("clear")
        except CacheUnavailable:
            with self.outage.lock:
                self.outage.missed_too_many = True
            return None

    def close(self, **kwargs):
        with contextlib.suppress(*REDIS_ERRORS):  # closing a connection that never opened
            super().close(**kwargs)

    def shared(self) -> "SharedOnly":
        return SharedOnly(self)


class SharedOnly:
    """The shared cache with no per-process fallback: ``CacheUnavailable`` while Redis is down (and
    what was written or deleted meanwhile is cleared from Redis when it returns)."""

    def __init__(self, cache: ResilientRedisCache):
        self.cache = cache

    def get(self, key, default=None):
        return self.cache._redis("get", key, default)

    def get_many(self, keys):
        return self.cache._redis("get_many", keys)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self.cache._redis("add", key, value, timeout)

    def has_key(self, key):
        return self.cache._redis("has_key", key)

    def __contains__(self, key):
        return self.has_key(key)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT):
        try:
            return self.cache._redis("set", key, value, timeout)
        except CacheUnavailable:
            self.cache._remember(key)
            raise

    def delete(self, key):
        try:
            return self.cache._redis("delete", key)
        except CacheUnavailable:
            self.cache._remember(key)
            raise


def _backend(cache):
    """The cache object itself, also when given ``django.core.cache.cache`` (a proxy to it)."""
    if isinstance(cache, ConnectionProxy):
        return cache._connections[cache._alias]
    return cache


def shared(cache):
    """``cache`` as the processes share it: without a per-process fallback where it has one (Redis),
    so that ``CacheUnavailable`` says it is down; any other cache (local memory in the embedded
    default and the tests) as it is."""
    cache = _backend(cache)
    return cache.shared() if isinstance(cache, ResilientRedisCache) else cache


def outages_seen(cache) -> int:
    """How many times this process has found ``cache`` down: a caller that keeps something derived
    from the cache compares this number to know an outage came in between."""
    cache = _backend(cache)
    return cache.outage.count if isinstance(cache, ResilientRedisCache) else 0


def cache_up(cache) -> bool:
    """False while ``cache`` is known to be down (only Redis can be)."""
    cache = _backend(cache)
    return cache.available() if isinstance(cache, ResilientRedisCache) else True
