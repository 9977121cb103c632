"""Importing trainees from a spreadsheet: upload, preview, import, progress, and the template.

The work is in :mod:`cohorts.importing`; these views find the cohort and the import through the
scoping querysets (anything outside them is a 404), call it, and render.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import importing
from ..models import Cohort, TraineeImport
from ..permissions import imports_visible_to
from .common import managed_cohort

TEMPLATE_TYPES = {
    "csv": ("text/csv; charset=utf-8", importing.template_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", importing.template_xlsx),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("XLSX, or CSV saved as UTF-8 or Windows-1251, with the columns of the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt,.tsv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("This file is larger than %(size)s MB. Split it into smaller files.")
                % {"size": importing.MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


def _trainee_import(request, cohort: Cohort, import_id: int, *, with_rows: bool = True) -> TraineeImport:
    imports = imports_visible_to(request.user).filter(cohort=cohort)
    if not with_rows:
        imports = imports.defer("rows")  # polled every few seconds: skip the file's contents
    trainee_import = get_object_or_404(imports, pk=import_id)
    trainee_import.cohort = cohort
    return trainee_import


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, cohort_id: int):
    cohort = managed_cohort(request, cohort_id)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        file = form.cleaned_data["file"]
        trainee_import = importing.check(cohort=cohort, file_name=file.name, data=file.read(), by=request.user)
        return HttpResponseRedirect(reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk]))
    earlier = imports_visible_to(request.user).filter(cohort=cohort).defer("rows", "errors")[:10]
    return render(
        request,
        "cohorts/import_upload.html",
        {"cohort": cohort, "form": form, "columns": importing.COLUMNS, "earlier": earlier},
    )


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, cohort_id: int, import_id: int):
    """What the file holds and what importing it will do; "Import" commits it, or queues it when large."""
    cohort = managed_cohort(request, cohort_id)
    trainee_import = _trainee_import(request, cohort, import_id)
    if request.method == "POST":
        trainee_import = importing.start(trainee_import=trainee_import)
        if trainee_import.status == TraineeImport.Status.DONE:
            messages.success(request, _("The trainees are imported."))
        return HttpResponseRedirect(reverse("cohort_import_preview", args=[cohort.pk, trainee_import.pk]))

    Status = TraineeImport.Status
    problems = importing.problems_of(trainee_import)
    plan = None
    if trainee_import.status == Status.CHECKED and not problems:
        # Checked again on every view: an account may have been deactivated since the upload.
        plan = importing.plan_for(trainee_import)
        problems = plan.problems
    bad_rows = {problem.row for problem in problems}
    rows = [
        {"row": row["row"], "cells": [row.get(key, "") for key in importing.COLUMN_KEYS], "bad": row["row"] in bad_rows}
        for row in trainee_import.rows[: importing.PREVIEW_ROWS]
    ]
    return render(
        request,
        "cohorts/import_preview.html",
        {
            "cohort": cohort,
            "trainee_import": trainee_import,
            "problems": problems,
            "plan": plan,
            "rows": rows,
            "more_rows": max(0, len(trainee_import.rows) - importing.PREVIEW_ROWS),
            "columns": importing.COLUMNS,
            "can_import": plan is not None and not problems,
            "queued": trainee_import.total > importing.QUEUE_ABOVE,
            "in_progress": trainee_import.status in (Status.QUEUED, Status.RUNNING),
            "done": trainee_import.status == Status.DONE,
            "report": [
                {**entry, "label": importing.OUTCOME_LABELS[entry["outcome"]]}
                for entry in trainee_import.report[: importing.REPORT_ROWS]
            ],
            "more_report": len(trainee_import.report) > importing.REPORT_ROWS,
            "failed": trainee_import.status == Status.FAILED,
            "progress": importing.progress(trainee_import),
        },
    )


@never_cache
@login_required
def status(request, cohort_id: int, import_id: int):
    """The progress bar's data: status, processed, total, percent."""
    cohort = managed_cohort(request, cohort_id)
    trainee_import = _trainee_import(request, cohort, import_id, with_rows=False)
    return JsonResponse(importing.progress(trainee_import))


@login_required
def template(request, cohort_id: int, file_format: str):
    """An empty spreadsheet with the columns, and an example row to copy and delete."""
    cohort = managed_cohort(request, cohort_id)
    if file_format not in TEMPLATE_TYPES:
        raise Http404
    content_type, render_file = TEMPLATE_TYPES[file_format]
    response = HttpResponse(render_file(cohort), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="trainees-template.{file_format}"'
    return response
