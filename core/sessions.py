"""Sessions kept in the database, with the shared cache in front of it when the cache is up.

Django's ``cached_db`` sessions, except that a cache that cannot be reached is skipped, not an
error: a session is then read from and written to the database alone, and the copy Redis still
holds of a session changed or ended meanwhile is cleared when Redis answers again
(``core.cache``). No session is ever kept in one process's memory: a sign-out handled by one web
process must hold in all of them."""

import contextlib

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore

from .cache import CacheUnavailable, shared


class SessionStore(CachedDBStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = shared(self._cache)

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except CacheUnavailable:
            return DBStore.load(self)
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        with contextlib.suppress(CacheUnavailable):
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        return data

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except CacheUnavailable:
            return DBStore.exists(self, session_key)

    def save(self, must_create=False):
        DBStore.save(self, must_create)
        # The database has it; Redis's old copy is cleared when it returns (core.cache).
        with contextlib.suppress(CacheUnavailable):
            self._cache.set(self.cache_key, self._session, self.get_expiry_age())

    def delete(self, session_key=None):
        # Gone from the database; Redis's copy is cleared when it returns.
        with contextlib.suppress(CacheUnavailable):
            super().delete(session_key)
