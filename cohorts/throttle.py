"""Wrong join codes are counted per person: guessing codes to get into other people's cohorts
stops after a few tries. Kept in the shared cache, so it holds across web processes."""

from django.core.cache import cache

WRONG_CODES_ALLOWED = 10
WINDOW_SECONDS = 15 * 60


def _key(user) -> str:
    return f"cascade:wrong-join-codes:{user.pk}"


def join_codes_blocked(user) -> bool:
    return (cache.get(_key(user)) or 0) >= WRONG_CODES_ALLOWED


def wrong_join_code(user) -> None:
    key = _key(user)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
