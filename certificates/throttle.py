"""Verification lookups are counted per address: anyone may check a certificate, but nobody may
try codes by the thousand. Kept in the shared cache, so it holds across web processes."""

from django.core.cache import cache

LOOKUPS_ALLOWED = 30
WINDOW_SECONDS = 10 * 60


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def lookup_allowed(request) -> bool:
    """Count this lookup; False once the address has made too many in the window."""
    key = f"cascade:verify:{client_address(request)}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= LOOKUPS_ALLOWED
