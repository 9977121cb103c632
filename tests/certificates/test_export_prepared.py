"""A certificates export too large to build while the browser waits: a worker prepares it, the
coordinator watches its progress and downloads it, and nobody else can."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from kombu.exceptions import OperationalError
from openpyxl import load_workbook

from accounts import roles
from accounts.models import AuditEvent
from certificates.models import Certificate
from core.models import PreparedDownload
from core.tasks import build_download, sweep_downloads
from tests.factories import UserFactory, issued, with_totp

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.fixture
def coordinator(learner):
    return with_totp(UserFactory(roles=[roles.COORDINATOR], organisation=learner.organisation))


@pytest.fixture
def certificates(learner, rule):
    made = [issued(learner, rule, expires_on=timezone.localdate() + timedelta(days=30))]
    for n in range(6):
        name = {"last_name": HOSTILE, "first_name": ""} if n == 0 else {"last_name": f"Суралцагч{n}"}
        person = UserFactory(organisation=learner.organisation, **name)
        made.append(issued(person, rule, pdf=None))
    return made


def rows_of(content: bytes, file_format: str) -> list[list]:
    if file_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def export(client, file_format, **filters):
    return client.get(reverse("certificate_export", args=[file_format]), filters)


def file_of(client, download) -> bytes:
    response = client.get(reverse("prepared_download_file", args=[download.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_large_export_is_prepared_with_the_same_rows_as_a_small_one(
    client, settings, coordinator, certificates, file_format, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    inline = export(client, file_format)
    assert inline.status_code == 200
    settings.CASCADE_EXPORT_INLINE_ROWS = 3
    with django_capture_on_commit_callbacks(execute=True):  # the embedded default: the task runs at once
        response = export(client, file_format)
    download = PreparedDownload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("prepared_download", args=[download.pk])
    page = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert reverse("prepared_download_file", args=[download.pk]) in page
    prepared = client.get(reverse("prepared_download_file", args=[download.pk]))
    assert prepared["Content-Disposition"] == f'attachment; filename="{download.filename}"'
    assert download.filename == f"certificates-{timezone.localdate():%Y-%m-%d}.{file_format}"
    rows = rows_of(b"".join(prepared.streaming_content), file_format)
    assert rows == rows_of(inline.content, file_format)
    assert len(rows) == 1 + len(certificates)
    assert "'" + HOSTILE in [row[1] for row in rows]  # neutralised in the prepared file too
    # Both requests are audited as exports of personal data.
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DATA_EXPORTED, actor=coordinator).count() == 2


def test_the_prepared_file_keeps_the_filters_and_the_language(
    client, settings, coordinator, certificates, rule, django_capture_on_commit_callbacks
):
    revoked = issued(UserFactory(organisation=coordinator.organisation), rule, state="revoked")
    settings.CASCADE_EXPORT_INLINE_ROWS = 0
    client.force_login(coordinator)
    # The English pages leave the language of this thread as they found it for the tests after this one.
    with translation.override("en"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/en/certificates/export.csv", {"state": "revoked"})
        download = PreparedDownload.objects.get()
        assert response["Location"] == f"/en/downloads/{download.pk}/"
        header, *rows = rows_of(file_of(client, download), "csv")
        assert "state=revoked" in client.get(response["Location"]).content.decode()  # back to the same list
    assert header[0] == "Verification code"  # asked for in English, built in English
    assert [row[0] for row in rows] == [revoked.display_code]


def test_while_it_is_prepared_the_page_shows_progress_and_refreshes(client, settings, coordinator, certificates):
    settings.CASCADE_EXPORT_INLINE_ROWS = 3
    client.force_login(coordinator)
    response = export(client, "xlsx")  # the task waits for the commit that a test never makes
    download = PreparedDownload.objects.get()
    PreparedDownload.objects.filter(pk=download.pk).update(done=3)
    page = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page
    assert '<progress id="download-progress" value="42" max="100"' in page  # 3 of 7 rows
    # The script that moves the bar asks this, and reloads the page once the file is ready.
    status = client.get(reverse("prepared_download_status", args=[download.pk])).json()
    assert status == {"percent": 42, "processed": 3, "label": status["label"], "finished": False}
    assert "3" in status["label"] and "7" in status["label"]
    assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 404
    # A second click while it is being prepared leads to the same file, not a second one.
    assert export(client, "xlsx")["Location"] == response["Location"]
    assert PreparedDownload.objects.count() == 1


def test_nobody_but_the_person_who_asked_sees_the_file(
    client, settings, coordinator, certificates, django_capture_on_commit_callbacks
):
    settings.CASCADE_EXPORT_INLINE_ROWS = 3
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, "csv")
    download = PreparedDownload.objects.get()
    colleague = with_totp(UserFactory(roles=[roles.COORDINATOR], organisation=coordinator.organisation))
    admin = with_totp(UserFactory(roles=[roles.ADMIN]))
    for other in (colleague, admin):
        client.force_login(other)
        assert client.get(reverse("prepared_download", args=[download.pk])).status_code == 404
        assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 404
    # The coordinator who asked, once no longer a coordinator, cannot fetch it either.
    coordinator.groups.clear()
    client.force_login(coordinator)
    assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 404


def test_an_export_the_broker_never_took_is_prepared_by_the_sweep(
    client, settings, coordinator, certificates, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CASCADE_EXPORT_INLINE_ROWS = 3

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    client.force_login(coordinator)
    with monkeypatch.context() as patch:
        patch.setattr(build_download, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            response = export(client, "csv")
    assert response.status_code == 302  # the request answers as usual
    download = PreparedDownload.objects.get()
    assert not download.finished_at
    assert 'http-equiv="refresh"' in client.get(response["Location"]).content.decode()  # without scripts

    assert sweep_downloads() == {"enqueued": 0, "expired": 0}  # just asked: its task may still be on its way
    PreparedDownload.objects.filter(pk=download.pk).update(requested_at=timezone.now() - timedelta(minutes=5))
    assert sweep_downloads() == {"enqueued": 1, "expired": 0}
    download.refresh_from_db()
    assert download.finished_at and download.total == len(certificates)
    assert len(rows_of(file_of(client, download), "csv")) == 1 + len(certificates)


def test_a_prepared_file_is_deleted_after_its_time(
    client, settings, coordinator, certificates, django_capture_on_commit_callbacks
):
    settings.CASCADE_EXPORT_INLINE_ROWS = 3
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, "csv")
    download = PreparedDownload.objects.get()
    name, storage = download.file.name, download.file.storage
    assert storage.exists(name)
    PreparedDownload.objects.filter(pk=download.pk).update(
        finished_at=timezone.now() - settings.CASCADE_DOWNLOAD_KEEP - timedelta(minutes=1)
    )
    assert sweep_downloads() == {"enqueued": 0, "expired": 1}
    assert not storage.exists(name)
    assert client.get(reverse("prepared_download_file", args=[download.pk])).status_code == 404
    page = client.get(reverse("prepared_download", args=[download.pk])).content.decode()
    assert reverse("prepared_download_file", args=[download.pk]) not in page
    assert 'http-equiv="refresh"' not in page


def test_asking_and_preparing_cost_the_same_queries_for_5_and_40_certificates(
    client, settings, coordinator, learner, rule, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    settings.CASCADE_EXPORT_INLINE_ROWS = 1
    client.force_login(coordinator)
    export(client, "xlsx")  # sessions, roles and the like are warm
    PreparedDownload.objects.all().delete()
    counts = []
    for count in (5, 40):
        while Certificate.objects.count() < count:
            issued(UserFactory(organisation=learner.organisation), rule, pdf=None)
        with django_assert_max_num_queries(30) as queries, django_capture_on_commit_callbacks(execute=True):
            assert export(client, "xlsx").status_code == 302
        counts.append(len(queries.captured_queries))
        assert PreparedDownload.objects.order_by("-pk").first().finished_at
        PreparedDownload.objects.all().delete()
    assert counts[0] == counts[1], counts
