"""A prepared download's page (how far it has got; the link once ready) and the file itself.

Both answer 404 to anyone but the person who asked, and to them too once their role no longer
reaches what the file holds: an object outside the scope is never confirmed to exist."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .downloads import download_visible, downloads_visible_to, kind_of


def _visible(request, download_id: int):
    download = get_object_or_404(downloads_visible_to(request.user), pk=download_id)
    if not download_visible(request.user, download):
        raise Http404
    return download


def _waiting(download) -> bool:
    return not (download.finished_at or download.failed_at or download.expired_at)


@login_required
def download_detail(request, download_id: int):
    download = _visible(request, download_id)
    kind = kind_of(download)
    return render(
        request,
        "core/prepared_download.html",
        {
            "download": download,
            "title": kind.title,
            "back_url": kind.back_url(download),
            # Still being built (or waiting for a worker): a script moves the bar and reloads the page
            # when the file is ready; without scripts, the page refreshes itself.
            "waiting": _waiting(download),
        },
    )


@login_required
def download_status(request, download_id: int):
    """The progress bar's data (the same script as the trainee import's): percent, rows, label."""
    download = _visible(request, download_id)
    label = _("Being prepared: %(done)s of %(total)s rows.") % {"done": download.done, "total": download.total}
    return JsonResponse(
        {
            "percent": download.percent,
            "processed": download.done,
            "label": label,
            "finished": not _waiting(download),
        }
    )


@login_required
def download_file(request, download_id: int):
    download = _visible(request, download_id)
    if not download.ready:
        raise Http404
    return FileResponse(
        download.file.open("rb"), as_attachment=True, filename=download.filename, content_type=download.content_type
    )
