"""A certificate's render is never dropped because of a lock someone else holds.

Under load a learner keeps working while their certificate renders: each of their writes (a
lesson's progress, a saved answer) takes a key-share lock on their own user row. The render once
locked that row too, with ``skip_locked``, and gave up when it was taken: the certificate then
waited for the next sweep (the load test saw one left pending)."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections, transaction

from accounts.models import User
from certificates.models import Certificate
from certificates.tasks import render_certificate
from tests.factories import complete

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def recorded(rule, course, learner):
    with mock.patch("certificates.tasks.render_certificate.delay"):  # recorded only: the test renders
        complete(learner, course)
    return Certificate.objects.get(learner=learner)


def test_a_render_is_not_skipped_while_the_learner_writes(recorded, learner):
    holding, release = threading.Event(), threading.Event()

    def learner_writes():
        try:
            with transaction.atomic():
                # What an update of the learner's row takes (their last sign-in, their language),
                # held for the moment; an insert referencing the row takes a lighter one, which a
                # FOR UPDATE of the row waits for all the same.
                list(User.objects.filter(pk=learner.pk).select_for_update(no_key=True).values_list("pk"))
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=learner_writes)
    thread.start()
    try:
        assert holding.wait(10)
        assert render_certificate(recorded.pk) in {"issued", "done"}
    finally:
        release.set()
        thread.join()
    recorded.refresh_from_db()
    assert recorded.state == Certificate.State.ISSUED and recorded.rendered_at is not None
