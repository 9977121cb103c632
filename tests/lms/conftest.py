import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo, built once by ``manage.py seed_demo`` for the module that asks for it and rolled
    back at the module's end (building it takes seconds); each test runs in a savepoint inside.
    Returns the demo's people by e-mail."""
    from accounts.models import User

    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield {user.email: user for user in User.objects.filter(email__endswith="@demo.mn")}
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded_demo, db):
    return seeded_demo
