"""Verification lookups are counted per address: anyone may check a certificate, but nobody may
try codes by the thousand. Kept in the shared cache, so it holds across web processes."""

from accounts.throttle import client_address, count_attempt

LOOKUPS_ALLOWED = 30
WINDOW_SECONDS = 10 * 60


def lookup_allowed(request) -> bool:
    """Count this lookup; False once the address has made too many in the window."""
    return count_attempt(f"cascade:verify:{client_address(request)}", WINDOW_SECONDS) <= LOOKUPS_ALLOWED
