"""Redis is an accelerator, never a dependency: with it down (the cache and the Celery broker on a
closed port) a learner signs in, reads and completes lessons and passes the post-test, every answer
a page or JSON and none a 500, and everything is saved in the database. When Redis returns, on the
same address, the periodic sweep issues the certificate."""

import contextlib
import shutil
import socket
import subprocess
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from assessments.formats import base as formats
from assessments.models import Attempt, QuizPage
from assessments.selectors import right_answer
from certificates.models import Certificate
from certificates.tasks import sweep_certificates
from courses.models import Enrolment, LessonProgress
from tests.conftest import SERVICES_REQUIRED
from tests.factories import UserFactory, add_quiz, build_course, choice, issued, lessons_of, make_rule, question
from tests.workers import celery_conf, celery_workers, wait_for

PASSWORD = "correct-horse-battery"


def closed_port() -> int:
    """A port on which nothing listens: taken from the system, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis(settings):
    """Redis's address, where nothing answers until the test calls ``redis.start()``. The cache and
    the broker both point there, as in production; the test's own Redis is never touched."""
    port = closed_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "cascade",
            # Tried again half a second after a failure, so that the test need not wait long for
            # the return; production waits 5 s (lms/settings/base.py).
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 2, "RETRY_AFTER": 0.5},
        }
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Likewise for the broker (5 s in production): the journey's last refused task is seconds old
    # when the sweep runs after the return.
    settings.CASCADE_BROKER_RETRY_AFTER = 0.5
    server = []

    def start() -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            if SERVICES_REQUIRED:
                pytest.fail("redis-server is not installed, but CI requires the services.")
            pytest.skip("needs redis-server to bring Redis back")
        server.append(
            subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
        )
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
            time.sleep(0.1)
        pytest.fail("redis-server did not start")

    start.url = url
    with celery_conf(task_always_eager=False, broker_url=url):
        try:
            yield start
        finally:
            for process in server:
                process.terminate()
                process.wait(timeout=30)


@pytest.fixture
def course(db):
    return build_course(modules=1, lessons=3, slug="outage")


@pytest.fixture
def post_test(course):
    item = question(formats.SINGLE_CHOICE, "Эхэнд юу хийх вэ?", [choice("Аюулгүй орчин", 1), choice("Асуулт", 0)])
    return add_quiz(course, [item], role=QuizPage.Role.POST_TEST, required=False, pass_mark=Decimal(50), slug="post")


@pytest.fixture
def rule(course, post_test):
    return make_rule(course, requires_post_test=True)


@pytest.fixture
def learner(db):
    return UserFactory(email="officer@example.mn", password=PASSWORD)


def healthz(client) -> dict:
    response = client.get("/healthz")
    assert response.status_code == 200, response.content  # degraded is still serving
    return response.json()


def walk_the_learner_journey(client, *, course, post_test, learner, rule, on_commit) -> Certificate:
    """Every step a learner takes, with Redis down; ``on_commit`` runs what a request leaves for
    after its transaction commits (the task it hands to the broker)."""
    someone_elses = issued(UserFactory(), rule)

    assert client.get("/mn/").status_code == 200
    assert client.get("/accounts/login/").status_code == 200
    wrong = client.post(reverse("account_login"), {"login": learner.email, "password": "not-the-password-1"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    signed_in = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.content
    assert client.get(reverse("my_learning")).context["user"] == learner

    verified = client.get(f"/verify/{someone_elses.display_code}/")
    assert verified.status_code == 200 and someone_elses.holder_name in verified.content.decode()

    assert client.post(reverse("course_enrol", args=[course.pk])).status_code == 302
    first, *others = lessons_of(course)
    assert client.get(first.url).status_code == 200
    assert client.post(reverse("lesson_complete", args=[first.pk])).status_code == 302
    for lesson in others:
        assert client.get(lesson.url).status_code == 200
        with on_commit():
            response = client.post(f"/api/v1/lessons/{lesson.pk}/complete")
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response.json()["course_completed"] is True

    attempt = client.post(f"/api/v1/quizzes/{post_test.pk}/attempts")
    assert attempt.status_code in (200, 201), attempt.content
    attempt_id = attempt.json()["id"]
    entry = Attempt.objects.get(pk=attempt_id).snapshot[0]
    saved = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{entry['id']}",
        {"response": {"choice": right_answer(entry)}},
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    with on_commit():
        submitted = client.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["result"]["passed"] is True

    # Everything is in the database; the certificate is due, waiting for the broker.
    completed = LessonProgress.objects.filter(learner=learner, completed_at__isnull=False)
    lesson_keys = {lesson.translation_key for lesson in lessons_of(course)}
    assert set(completed.values_list("lesson_key", flat=True)) >= lesson_keys
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    assert Attempt.objects.get(pk=attempt_id).state == Attempt.State.SUBMITTED
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.state == Certificate.State.PENDING

    health = healthz(client)
    assert health["status"] == "degraded"
    assert health["checks"]["cache"]["ok"] is False and health["checks"]["database"]["ok"] is True
    return certificate


def wait_until_the_cache_answers(client) -> None:
    deadline = time.monotonic() + 30
    while not healthz(client)["checks"]["cache"]["ok"]:
        assert time.monotonic() < deadline, "the cache did not come back"
        time.sleep(0.2)


@pytest.mark.django_db
def test_with_redis_down_the_learner_journey_saves_everything_and_the_sweep_issues_the_certificate_after(
    client, django_capture_on_commit_callbacks, redis, course, post_test, learner, rule
):
    certificate = walk_the_learner_journey(
        client,
        course=course,
        post_test=post_test,
        learner=learner,
        rule=rule,
        on_commit=lambda: django_capture_on_commit_callbacks(execute=True),
    )

    redis()
    wait_until_the_cache_answers(client)
    # Still signed in: the session was kept in the database meanwhile.
    assert client.get(reverse("my_learning")).context["user"] == learner
    # The beat's sweep; without a worker in this test, what it hands over runs in-process.
    with celery_conf(task_always_eager=True):
        sweep_certificates()
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_redis_down_and_back_a_real_worker_renders_the_certificate_the_sweep_hands_it(
    client, redis_required, redis, settings, course, post_test, learner, rule
):
    """As in production: requests commit for real, the broker refuses the render, and when Redis
    returns the sweep's task goes through it to a worker."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker needs a database another process can open: PostgreSQL")
    certificate = walk_the_learner_journey(
        client, course=course, post_test=post_test, learner=learner, rule=rule, on_commit=contextlib.nullcontext
    )

    redis()
    wait_until_the_cache_answers(client)
    settings.REDIS_URL = redis.url
    workers = celery_workers(settings, REDIS_URL=redis.url)
    start = next(workers)
    try:
        start()
        sweep_certificates()
        wait_for(lambda: Certificate.objects.get(pk=certificate.pk).state == Certificate.State.ISSUED)
    finally:
        next(workers, None)  # stops the worker
