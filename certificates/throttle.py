"""Verification lookups are counted per address: anyone may check a certificate, but nobody may
try codes by the thousand. Kept in the shared cache, so it holds across web processes."""

from django.core.exceptions import PermissionDenied

from accounts.throttle import count_attempt

LOOKUPS_ALLOWED = 30
WINDOW_SECONDS = 10 * 60


def client_address(request) -> str:
    """The visitor's address, as allauth's sign-in limits see it: behind a reverse proxy,
    ``TRUSTED_PROXY_COUNT`` says how many hops of X-Forwarded-For to trust (else every visitor
    would share the proxy's address, and one busy office would lock everyone out)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "")


def lookup_allowed(request) -> bool:
    """Count this lookup; False once the address has made too many in the window."""
    return count_attempt(f"cascade:verify:{client_address(request)}", WINDOW_SECONDS) <= LOOKUPS_ALLOWED
