"""Prepared downloads whatever they hold: a build that fails is tried again and then reported, a
build another worker holds is left alone, and a dead worker's build is taken over."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from core import downloads
from core.downloads import MAX_ATTEMPTS, STALE_AFTER, DownloadKind, download_build, downloads_sweep
from core.models import PreparedDownload
from tests.factories import make_user

pytestmark = pytest.mark.django_db


class Builder:
    """A kind's build that fails as often as it is told to, then writes three rows."""

    def __init__(self, failures: int = 0):
        self.failures, self.calls = failures, 0

    def __call__(self, download, out, progress) -> int:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("the database went away")
        out.write(b"a\nb\nc\n")
        return 3


@pytest.fixture
def kind(monkeypatch):
    builder = Builder()
    kind = DownloadKind(
        name="test-rows",
        title="Rows",
        build=builder,
        may_download=lambda user, download: True,
        back_url=lambda download: "/",
    )
    monkeypatch.setitem(downloads._KINDS, kind.name, kind)
    return builder


def asked(person, **fields) -> PreparedDownload:
    fields.setdefault("requested_at", timezone.now() - timedelta(minutes=10))
    return PreparedDownload.objects.create(
        kind="test-rows", requested_by=person, language="mn", filename="rows.csv", content_type="text/csv", **fields
    )


def test_a_failing_build_is_tried_again_by_the_sweep_then_reported(client, kind):
    kind.failures = MAX_ATTEMPTS
    person = make_user(roles.COORDINATOR)
    download = asked(person)
    client.force_login(person)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert downloads_sweep()["enqueued"] == 1  # the tasks run at once here
        download.refresh_from_db()
        assert download.attempts == attempt and not download.finished_at
    assert download.failed_at
    assert downloads_sweep()["enqueued"] == 0  # given up: nobody builds it again
    page = client.get(reverse("prepared_download", args=[download.pk]))
    assert page.status_code == 200
    assert reverse("prepared_download_file", args=[download.pk]) not in page.content.decode()
    assert client.get(reverse("prepared_download_status", args=[download.pk])).json()["finished"] is True


def test_a_build_fails_once_and_the_next_try_makes_the_file(client, kind):
    kind.failures = 1
    person = make_user(roles.COORDINATOR)
    download = asked(person)
    download_build(download.pk)
    download = download_build(download.pk)
    assert download.finished_at and download.total == 3 and download.attempts == 2
    client.force_login(person)
    response = client.get(reverse("prepared_download_file", args=[download.pk]))
    assert b"".join(response.streaming_content) == b"a\nb\nc\n"


def test_a_build_another_worker_holds_is_left_alone_unless_that_worker_died(kind):
    download = asked(make_user(roles.COORDINATOR), started_at=timezone.now(), attempts=1)
    assert not download_build(download.pk).finished_at  # a second delivery of the same task
    assert downloads_sweep()["enqueued"] == 0
    assert kind.calls == 0
    PreparedDownload.objects.filter(pk=download.pk).update(started_at=timezone.now() - STALE_AFTER - timedelta(1))
    assert downloads_sweep()["enqueued"] == 1
    download.refresh_from_db()
    assert download.finished_at and kind.calls == 1
    assert download_build(download.pk).attempts == 2  # built: never again
    assert kind.calls == 1


def test_a_download_of_a_kind_no_longer_offered_is_not_found(client, kind, monkeypatch):
    person = make_user(roles.COORDINATOR)
    download = download_build(asked(person).pk)
    client.force_login(person)
    assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 200
    monkeypatch.delitem(downloads._KINDS, "test-rows")
    assert client.get(reverse("prepared_download", args=[download.pk])).status_code == 404
    assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 404
