"""Verification lookups are counted per address: anyone may check a certificate, but nobody may
try codes by the thousand. Kept in the shared cache, so it holds across web processes (per process
while Redis is down: ``core.throttle``).

What protects the certificates from guessing is the code itself, 65 random bits, not this limit.
A guess hits one of N issued certificates with the chance N / 2**65. At the limit below an address
makes 600 * 6 * 24 * 365, about 31.5 million, lookups a year; against a million certificates that
is 31.5e6 * 1e6 / 3.7e19, less than one hit in a million address-years, and what a hit shows is
the public page of one certificate. So the limit is sized for the people who use it, not against
guessers: an employer's or an agency's office behind one address checks the certificates of a
whole intake, one a second for ten minutes (the old 30 per 10 minutes held an office up after 30
people), while a script that hammers the page is still stopped before it costs the database
anything: the count is taken before the code is even read."""

from core.throttle import client_address, count_attempt

LOOKUPS_ALLOWED = 600
WINDOW_SECONDS = 10 * 60


def lookup_allowed(request) -> bool:
    """Count this lookup; False once the address has made too many in the window."""
    return count_attempt(f"cascade:verify:{client_address(request)}", WINDOW_SECONDS) <= LOOKUPS_ALLOWED
