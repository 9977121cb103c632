"""What the cache keeps while Redis is down, and what it must not: limits still hold (per process),
and nothing Redis held from before the outage (an ended session, a page as it was before it was
published again) is served once it answers again."""

import contextlib
import socket
import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lessons_of
from tests.lms.test_redis_outage import PASSWORD, closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }


def connections_made(server: socket.socket) -> int:
    """How many connections reached ``server`` since last asked (it never answers them)."""
    count = 0
    with contextlib.suppress(BlockingIOError):
        while True:
            connection, _ = server.accept()
            connection.close()
            count += 1
    return count


def test_after_redis_fails_a_process_leaves_it_alone_so_that_each_request_does_not_wait_for_it(client, settings):
    """A Redis that accepts connections and never answers (hung, or a firewall that drops) costs
    the request that finds it a socket timeout; the requests after it do not try again."""
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(64)
        hung.setblocking(False)
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{hung.getsockname()[1]}/0",
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.2, "RETRY_AFTER": 3600},
            }
        }
        assert client.get("/mn/").status_code == 200
        assert connections_made(hung) >= 1
        for _ in range(3):
            assert client.get("/mn/").status_code == 200
            assert client.get("/verify/AAAA-BBBB-CCCC-DD/").status_code == 404
        assert connections_made(hung) == 0


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def refused_for_too_many(response) -> bool:
    form = response.context["form"]
    return "too_many_login_attempts" in {error.code for error in form.errors.as_data().get("__all__", [])}


def test_sign_in_failures_still_lock_the_account_while_redis_is_down(client, redis_down):
    """Counted by this web process alone while Redis is down: at most the limit once per process,
    never unlimited (docs/security.md)."""
    person = UserFactory(email="guarded@example.mn")
    for attempt in range(5):
        assert not refused_for_too_many(sign_in(client, person.email, f"wrong-password-{attempt}"))
    assert refused_for_too_many(sign_in(client, person.email, "wrong-password-6"))
    assert refused_for_too_many(sign_in(client, person.email))
    assert "_auth_user_id" not in client.session


def test_certificate_lookups_are_still_limited_while_redis_is_down(client, redis_down, monkeypatch):
    from certificates import throttle

    monkeypatch.setattr(throttle, "LOOKUPS_ALLOWED", 2)
    answers = [client.get("/verify/AAAA-BBBB-CCCC-DD/").status_code for _ in range(3)]
    assert answers == [404, 404, 429]


@contextlib.contextmanager
def redis_unreachable():
    """This process cannot reach Redis (as in a network partition) while Redis keeps what it held:
    the circuit breaker is opened by hand, and left to try Redis again at the end."""
    outage = caches["default"].outage
    outage.trip(ConnectionError("unreachable"), retry_after=3600)
    try:
        yield
    finally:
        outage.down_until = time.monotonic() - 1


def test_a_session_ended_while_redis_was_unreachable_stays_ended_when_it_answers_again(
    client, redis_required, settings
):
    person = UserFactory(email="shared-desk@example.mn")
    assert sign_in(client, person.email).status_code == 302
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    with redis_unreachable():
        assert client.post(reverse("account_logout")).status_code == 302
    # Someone who kept the cookie of the ended session, once Redis answers again.
    later = Client()
    later.cookies[settings.SESSION_COOKIE_NAME] = session_key
    response = later.get(reverse("my_learning"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_lesson_published_while_redis_was_unreachable_is_shown_new_then_and_after(
    client, redis_required, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=1, slug="republished")
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    assert "Хичээл 1.1" in client.get(lesson.url).content.decode()  # the tree is now cached in Redis
    with redis_unreachable():
        with django_capture_on_commit_callbacks(execute=True):
            lesson.title = "Шинэчилсэн хичээл"
            lesson.save_revision().publish()
        assert "Шинэчилсэн хичээл" in client.get(lesson.url).content.decode()
    assert "Шинэчилсэн хичээл" in client.get(lesson.url).content.decode()
