import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from accounts import roles
from tests.factories import OrganisationFactory, make_user

SERVICES_REQUIRED = os.environ.get("CASCADE_REQUIRE_SERVICES") == "1"


def clear_cache():
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")  # only Cascade's keys: the Celery broker may share the database
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached sessions live in the cache: start every test from an empty one."""
    clear_cache()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language: Django keeps the language a request or a test
    activated for the rest of the thread, and a later test rendering outside a request (or one
    whose request falls back to the active language) would read it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _celery_conf_untouched():
    """A test that changes the Celery app's configuration must take the change away (see
    tests.workers.celery_conf): one left behind silently turns off eager tasks for every later
    test of the process, and they fail far from the cause."""
    from tests.workers import celery_changes

    before = dict(celery_changes())
    yield
    after = dict(celery_changes())
    assert after == before, f"this test left the Celery configuration changed: {after} (was {before})"


@pytest.fixture
def redis_required():
    """Skip where there is no Redis; in CI (CASCADE_REQUIRE_SERVICES=1) a missing Redis fails."""
    if not settings.REDIS_URL:
        if SERVICES_REQUIRED:
            pytest.fail("REDIS_URL is not set, but CI requires the services.")
        pytest.skip("needs Redis: set REDIS_URL")


@pytest.fixture
def mail_workers(redis_required, settings, tmp_path):
    """Real workers on queues of the test's own, writing their mail to files the test reads
    (``mail_workers.mailbox``; ``tests.workers.mails`` reads it). Call it to start them."""
    from tests.workers import celery_workers

    mailbox = tmp_path / "mail"
    mailbox.mkdir()
    workers = celery_workers(settings, CASCADE_TEST_EMAIL_DIR=str(mailbox))
    start = next(workers)
    start.mailbox = mailbox
    start.all_queues = list(start.queues.values())
    yield start
    next(workers, None)  # stops them


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def learner(db):
    return make_user(roles.LEARNER)


@pytest.fixture
def coordinator(db):
    return make_user(roles.COORDINATOR)


@pytest.fixture
def admin_user(db):
    return make_user(roles.ADMIN)
