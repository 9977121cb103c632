import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from pytest_django.fixtures import validate_django_db
from pytest_django.plugin import blocking_manager_key

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


def _empties_the_tables(item: pytest.Item) -> tuple[bool, bool]:
    """Whether ``item`` runs as a TransactionTestCase, whose end empties every table (migrations'
    rows too: content types, locales, the home page, role groups), and whether it puts those rows
    back itself at its start (serialized rollback). As pytest-django decides it."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase), bool(cls.serialized_rollback)
    names = getattr(item, "fixturenames", ())
    transactional = serialized = False
    if marker := item.get_closest_marker("django_db"):
        transactional, reset_sequences, _, serialized, _ = validate_django_db(marker)
        transactional = transactional or reset_sequences
    transactional = transactional or bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(names))
    return transactional, serialized or "django_db_serialized_rollback" in names


def _put_back_the_migrations_rows(config: pytest.Config, *, post_migrate_ran: bool) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    with config.stash[blocking_manager_key].unblock():
        for alias in connections:
            connection = connections[alias]
            rows = getattr(connection, "_test_serialized_contents", None)
            if rows is None:
                continue
            if post_migrate_ran:
                # Its flush re-created content types and permissions under new ids: empty again,
                # so that the saved rows come back under the ids the rest of the run knows.
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                )
            connection.creation.deserialize_db_from_string(rows)
    ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """Django runs its TransactionTestCases after every other test, because their flush leaves the
    tables empty: a later test would find no locale, no home page, no role group, and content type
    ids cached in the process (ContentType's cache) that no row has any more (then a foreign key
    to a content type fails, e.g. an audit event's target). xdist hands a process its tests in
    any order, so such a test puts the rows the migrations made back (the copy pytest-django
    serialized when it created the test database) for the next test, unless that one does it
    itself."""
    try:
        return (yield)
    finally:
        emptied, serialized = _empties_the_tables(item)
        # No next test: the test database itself is gone by now.
        if emptied and nextitem is not None and _empties_the_tables(nextitem) != (True, True):
            _put_back_the_migrations_rows(item.config, post_migrate_ran=not serialized)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With ``-n``, tests/scheduling.py's sharing in place of xdist's default (``--dist load``);
    another ``--dist`` asked for by name is xdist's own."""
    if config.getvalue("dist") == "load":
        from tests.scheduling import ModulesTogether

        return ModulesTogether(config, log)
    return None


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
