"""Files too large to build while the browser waits: asked for on a page, built by a Celery task
that reports its progress, downloaded by the person who asked, deleted after a while.

An app offers a *kind* of prepared download (``register``): how to write the file, who may still
fetch it, and where its page links back to. This module knows nothing of what the files hold; the
app that registers a kind imports it, never the other way round.

Each build is safe to run twice, or after a worker died half-way: a worker claims the record
before it starts (a claim older than ``STALE_AFTER`` is a dead worker's and may be taken again), and
a record that is finished is never built again. A request whose task never reached the broker is
picked up by :func:`downloads_sweep`, which Celery beat runs every few minutes."""

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import BinaryIO

from django.conf import settings
from django.core.files import File
from django.db.models import F, Q
from django.utils import timezone, translation

from .enqueue import enqueue, enqueue_on_commit
from .models import PreparedDownload

logger = logging.getLogger(__name__)

# Longer than any build takes (100,000 rows take well under a minute): an older claim is a dead worker's.
STALE_AFTER = timedelta(hours=1)
# A build that failed this often is given up; its page says so and the person may ask again.
MAX_ATTEMPTS = 3
# The task was just handed to the broker: the sweep leaves it alone for this long.
GRACE = timedelta(minutes=2)


@dataclass(frozen=True)
class DownloadKind:
    name: str
    # The heading of the download's page.
    title: str
    # Writes the file to ``out`` and returns the number of rows written; calls ``progress(rows)``
    # as it goes. Runs in the language the person asked in, in a worker.
    build: Callable[[PreparedDownload, BinaryIO, Callable[[int], None]], int]
    # Whether the person who asked may still see it (their role may have changed since).
    may_download: Callable[[object, PreparedDownload], bool]
    # Where the download's page links back to.
    back_url: Callable[[PreparedDownload], str]


_KINDS: dict[str, DownloadKind] = {}


def register(kind: DownloadKind) -> None:
    """Called from an app's ``AppConfig.ready``."""
    _KINDS[kind.name] = kind


def kind_of(download: PreparedDownload) -> DownloadKind | None:
    return _KINDS.get(download.kind)


def downloads_visible_to(user):
    """A prepared file holds personal data chosen by one person's scope: theirs alone, administrators
    included. Whether they may still see it is the kind's question (:func:`download_visible`)."""
    if not user.is_authenticated or not user.is_active:
        return PreparedDownload.objects.none()
    return PreparedDownload.objects.filter(requested_by=user, kind__in=list(_KINDS))


def download_visible(user, download: PreparedDownload) -> bool:
    kind = kind_of(download)
    return kind is not None and download.requested_by_id == user.pk and kind.may_download(user, download)


def download_request(*, kind: str, by, params: dict, filename: str, content_type: str, total: int) -> PreparedDownload:
    """Record the request and hand its build to a worker once the request's transaction commits."""
    if kind not in _KINDS:
        raise ValueError(f"No prepared download of kind {kind!r} is registered")
    # Asked again (a second click, a reload) while the same file is still being prepared: the same one.
    waiting = (
        downloads_visible_to(by)
        .filter(kind=kind, finished_at__isnull=True, failed_at__isnull=True, expired_at__isnull=True)
        .order_by("-pk")
    )
    for download in waiting[:5]:
        if download.params == params and download.filename == filename:
            return download
    download = PreparedDownload.objects.create(
        kind=kind,
        params=params,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        requested_by=by,
        filename=filename,
        content_type=content_type,
        total=total,
    )
    from .tasks import build_download

    enqueue_on_commit(build_download, download.pk)
    return download


def _progress_writer(download_id: int, total: int) -> Callable[[int], None]:
    """``progress(rows)``, cheap to call on every row: the database hears of it about a hundred times."""
    step = max(500, total // 100)
    last = 0

    def progress(rows: int) -> None:
        nonlocal last
        if rows - last >= step:
            PreparedDownload.objects.filter(pk=download_id).update(done=rows)
            last = rows

    return progress


def download_build(download_id: int) -> PreparedDownload | None:
    """Build the file, unless another worker is building it or it is built already."""
    now = timezone.now()
    claimed = (
        PreparedDownload.objects.filter(
            pk=download_id, finished_at__isnull=True, failed_at__isnull=True, expired_at__isnull=True
        )
        .filter(Q(started_at__isnull=True) | Q(started_at__lt=now - STALE_AFTER))
        .update(started_at=now, done=0, attempts=F("attempts") + 1)
    )
    download = PreparedDownload.objects.filter(pk=download_id).first()
    if not claimed or download is None:
        return download
    kind = kind_of(download)
    try:
        if kind is None:
            raise LookupError(f"No prepared download of kind {download.kind!r} is registered")
        # A temporary file, not memory: the sheet of 100,000 rows is tens of megabytes, and the
        # worker's memory must stay flat whatever the size. It is gone once stored.
        with translation.override(download.language), tempfile.TemporaryFile() as out:
            rows = kind.build(download, out, _progress_writer(download.pk, download.total))
            out.seek(0)
            download.file.save(download.filename, File(out), save=False)
    except Exception:
        # Not raised again: in the embedded default the task runs inside the request, which must
        # still answer. The sweep tries again; after MAX_ATTEMPTS the page says it failed.
        logger.exception("Could not build prepared download %s (attempt %s)", download.pk, download.attempts)
        failed = {"failed_at": timezone.now()} if download.attempts >= MAX_ATTEMPTS else {"started_at": None}
        PreparedDownload.objects.filter(pk=download.pk).update(**failed)
        download.refresh_from_db()
        return download
    download.done = download.total = rows
    download.finished_at = timezone.now()
    download.save(update_fields=["file", "done", "total", "finished_at"])
    return download


def downloads_sweep() -> dict:
    """Periodic: enqueue the builds nobody is doing (the broker was down, the worker died), and
    delete the files kept longer than ``CASCADE_DOWNLOAD_KEEP``."""
    now = timezone.now()
    waiting = list(
        PreparedDownload.objects.filter(
            finished_at__isnull=True,
            failed_at__isnull=True,
            expired_at__isnull=True,
            requested_at__lt=now - GRACE,
        )
        .filter(Q(started_at__isnull=True) | Q(started_at__lt=now - STALE_AFTER))
        .values_list("pk", flat=True)
    )
    from .tasks import build_download

    for pk in waiting:
        enqueue(build_download, pk)
    expired = 0
    for download in PreparedDownload.objects.filter(
        finished_at__lt=now - settings.CASCADE_DOWNLOAD_KEEP, expired_at__isnull=True
    ):
        if download.file:
            download.file.delete(save=False)
        download.expired_at = now
        download.save(update_fields=["file", "expired_at"])
        expired += 1
    return {"enqueued": len(waiting), "expired": expired}
