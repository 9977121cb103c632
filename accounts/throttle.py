"""A counter of attempts in a time window, kept in the shared cache so that it holds across web
processes: what the join-code and certificate-lookup limits count with."""

from django.core.cache import cache


def count_attempt(key: str, window_seconds: int) -> int:
    """Count one more attempt under ``key``; returns how many there have been in the window,
    which starts at the first of them."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def attempts(key: str) -> int:
    return cache.get(key) or 0
