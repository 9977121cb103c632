"""Asking for a cohort's certificates as one ZIP file, waiting for it, and downloading it."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from cohorts.permissions import cohorts_visible_to

from .bundles import bundle_request
from .permissions import bundles_visible_to


@login_required
def bundle_create(request, cohort_id: int):
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=cohort_id)
    if request.method != "POST":  # after the scoping: someone else's cohort is a 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    bundle = bundle_request(cohort=cohort, by=request.user)
    return HttpResponseRedirect(reverse("certificate_bundle", args=[bundle.pk]))


@login_required
def bundle_detail(request, bundle_id: int):
    bundle = get_object_or_404(bundles_visible_to(request.user).select_related("cohort"), pk=bundle_id)
    return render(request, "certificates/bundle.html", {"bundle": bundle})


@login_required
def bundle_download(request, bundle_id: int):
    bundle = get_object_or_404(bundles_visible_to(request.user), pk=bundle_id)
    if not bundle.finished_at:
        raise Http404
    return FileResponse(
        bundle.file.open("rb"),
        as_attachment=True,
        filename=f"certificates-cohort-{bundle.cohort_id}.zip",
        content_type="application/zip",
    )
