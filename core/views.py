"""A prepared download's page (how far it has got; the link once ready) and the file itself.

Both answer 404 to anyone but the person who asked, and to them too once their role no longer
reaches what the file holds: an object outside the scope is never confirmed to exist."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from .downloads import download_visible, downloads_visible_to, kind_of


def _visible(request, download_id: int):
    download = get_object_or_404(downloads_visible_to(request.user), pk=download_id)
    if not download_visible(request.user, download):
        raise Http404
    return download


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
            # Still being built (or waiting for a worker): the page refreshes itself, no script needed.
            "waiting": not (download.finished_at or download.failed_at or download.expired_at),
        },
    )


@login_required
def download_file(request, download_id: int):
    download = _visible(request, download_id)
    if not download.ready:
        raise Http404
    return FileResponse(
        download.file.open("rb"), as_attachment=True, filename=download.filename, content_type=download.content_type
    )
