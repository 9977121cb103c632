"""Wrong join codes are counted per person: guessing codes to get into other people's cohorts
stops after a few tries. Kept in the shared cache, so it holds across web processes (per process
while Redis is down: ``core.throttle``)."""

from core.throttle import attempts, count_attempt

WRONG_CODES_ALLOWED = 10
WINDOW_SECONDS = 15 * 60


def _key(user) -> str:
    return f"cascade:wrong-join-codes:{user.pk}"


def join_codes_blocked(user) -> bool:
    return attempts(_key(user)) >= WRONG_CODES_ALLOWED


def wrong_join_code(user) -> None:
    count_attempt(_key(user), WINDOW_SECONDS)
