"""Browser tests: Playwright drives Debian's Chromium against a live Cascade server.

How this folder is wired, and why it does not use pytest-django's ``live_server`` fixture:

* Playwright's sync API keeps an asyncio loop running in the test thread for as long as it is
  started. While it runs, Django refuses ORM calls from that thread (DJANGO_ALLOW_ASYNC_UNSAFE
  silences it) and asgiref gives the thread *different* database connection objects. So
  Playwright is started once per run of this folder (package scope) and stopped when the folder
  is done, and the environment variable is set only for that time: the rest of the suite gets its
  connections, its serialized-rollback data and a clean environment back (a subprocess started by
  a later test would otherwise inherit DJANGO_ALLOW_ASYNC_UNSAFE and fail the deployment checks).

* ``live_server`` makes every test a TransactionTestCase, whose flush empties the database,
  including what the migrations create (locales, home pages, role groups, the English sync), and
  restoring it by serialized rollback for every browser test would cost seconds each.
  So the browser tests get a test database of their own, migrated from scratch once per run of
  this folder (per xdist worker), served by pytest-django's LiveServer, and destroyed afterwards.
  The demo is seeded into it before each test; ``seed_demo`` is idempotent and puts back what a
  test changed (preferred languages, passwords). Nothing the browser tests write reaches the rest
  of the suite, whatever order xdist runs things in.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # The machine has no network: keep Chromium from trying to phone home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVICES_REQUIRED = os.environ.get("CASCADE_REQUIRE_SERVICES") == "1"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
# Read at collection, before pytest-django may point the settings at its own test database.
CONFIGURED_DATABASE = str(settings.DATABASES["default"]["NAME"])


# --- The browser: pytest-playwright's fixtures, started and stopped around this folder ---------


@pytest.fixture(scope="package")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = f"the browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if SERVICES_REQUIRED:
            pytest.fail(f"{message}, and CASCADE_REQUIRE_SERVICES=1 requires them to run.")
        pytest.skip(message)
    return {
        **browser_type_launch_args,  # --headed and --slowmo still work
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="package")
def playwright(browser_type_launch_args, _pw_api_request_contexts):
    previous = os.environ.get(ASYNC_UNSAFE)
    # The tests touch the ORM only in fixtures, between browser actions, never concurrently.
    os.environ[ASYNC_UNSAFE] = "true"
    pw = sync_playwright().start()
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(pw)
    yield pw
    pw.stop()
    if previous is None:
        del os.environ[ASYNC_UNSAFE]
    else:
        os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="package")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="package")
def launch_browser(browser_type_launch_args, browser_type):
    def launch(**kwargs):
        return browser_type.launch(**{**browser_type_launch_args, **kwargs})

    return launch


@pytest.fixture(scope="package")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def base_url():
    """None: every test names the live server's address. (pytest-base-url's own fixture is
    deprecated under pytest 9 and warned on every run.)"""
    return None


@pytest.fixture(scope="package")
def browser_context_args(pytestconfig, playwright, device, base_url, _pw_artifacts_folder):
    context_args = {}
    if device:
        context_args.update(playwright.devices[device])
    if base_url:
        context_args["base_url"] = base_url
    if pytestconfig.getoption("--video") in ["on", "retain-on-failure"]:
        context_args["record_video_dir"] = _pw_artifacts_folder.name
    return context_args


@pytest.fixture
def page(page):
    """pytest-playwright's page, with short timeouts: a local server answers in milliseconds."""
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(15_000)
    return page


# --- The site: a database of its own, a live server, the demo ------------------------------------


def _browser_test_database_name(tmp_path_factory) -> str:
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # A file, not memory: the live server's threads open connections of their own.
        return str(tmp_path_factory.mktemp("browser-db") / "cascade.sqlite3")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return f"test_{CONFIGURED_DATABASE}_browser" + (f"_{worker}" if worker else "")


@pytest.fixture(scope="package")
def browser_database(playwright, django_db_blocker, tmp_path_factory):
    """A freshly migrated test database for this folder, destroyed when the folder is done.

    Created after Playwright has started, on the connection the test thread uses from then on.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    connection = connections["default"]
    original_name = connection.settings_dict["NAME"]
    original_test_name = connection.settings_dict["TEST"].get("NAME")
    connection.settings_dict["TEST"]["NAME"] = _browser_test_database_name(tmp_path_factory)
    assert connection.connection is None, "the browser tests' connection is already open"
    with django_db_blocker.unblock():
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection.settings_dict["NAME"]
    finally:
        with django_db_blocker.unblock():
            connection.creation.destroy_test_db(original_name, verbosity=0)
        connection.settings_dict["TEST"]["NAME"] = original_test_name
        # The process's cache of content type ids (kept by database alias, the same "default" for
        # both databases) holds this database's ids: the other one need not have the same.
        ContentType.objects.clear_cache()


@pytest.fixture(scope="package")
def site_server(browser_database, django_db_blocker):
    """pytest-django's LiveServer, on the browser tests' database."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    with django_db_blocker.unblock():
        server.stop()


@pytest.fixture
def demo(site_server, django_db_blocker):
    """The demo site, freshly seeded; database access stays open for the live server's threads."""
    from lms.demo.seed import seed_demo

    with django_db_blocker.unblock():
        yield seed_demo()
