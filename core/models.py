"""A file prepared in the background for one person to download (docs/deploy.md, "Exports").

An export too large to build while the browser waits is recorded here, built by a Celery task
that reports its progress row by row, and then offered, to the person who asked and nobody else,
until it expires. What the file holds and who may still fetch it is the business of the app that
registered its *kind* (:mod:`core.downloads`)."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formatting import short_datetime


def private_storage():
    """Served only through a view that checks who asks, never from ``MEDIA_URL``."""
    return storages["private"]


def _download_path(download, filename: str) -> str:
    return f"downloads/{download.pk}/{filename}"


class PreparedDownload(models.Model):
    kind = models.CharField(_("kind"), max_length=50)
    # What the kind needs to build the file again from scratch: the filters the person chose.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # The file speaks the language of the page it was asked for from, whichever worker builds it.
    language = models.CharField(_("language"), max_length=10)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to=_download_path, blank=True, max_length=300)
    total = models.PositiveIntegerField(_("rows expected"), default=0)
    done = models.PositiveIntegerField(_("rows written"), default=0)
    # Set by the worker that claims the build; a claim much older than any build is a dead worker's.
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    finished_at = models.DateTimeField(_("ready"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    expired_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared download")
        verbose_name_plural = _("prepared downloads")
        indexes = [models.Index(fields=["finished_at", "failed_at"], name="core_download_pending")]

    def __str__(self) -> str:
        return f"{self.kind} · {short_datetime(self.requested_at)}"

    @property
    def expires_at(self):
        if not self.finished_at:
            return None
        return self.finished_at + settings.CASCADE_DOWNLOAD_KEEP

    @property
    def percent(self) -> int:
        if self.finished_at:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def ready(self) -> bool:
        return bool(self.finished_at and not self.expired_at and self.file)
