"""The report page and its exports: thin, over ``reports.indicators`` and the viewer's scope."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.services import audit_record
from core import formatting
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, rows_csv, rows_xlsx

from . import cascade, charts, monthly
from .audit import AuditAction
from .filters import GroupBy, ReportFilterForm
from .indicators import COLUMNS, LABELS, indicators
from .models import SummaryRefresh
from .permissions import can_view_reports, reports_broader_than_own_cohorts

FUNNEL = ("enrolled", "completed", "certified_valid")


def _form(request):
    if not can_view_reports(request.user):
        raise Http404
    return ReportFilterForm(request.GET, user=request.user)


@login_required
def report(request):
    form = _form(request)
    context = {"form": form, "report": None}
    if form.is_valid():
        filters = form.filters()
        found = indicators(request.user, filters)
        hide = reports_broader_than_own_cohorts(request.user)
        context.update(
            report=found,
            headline=[(LABELS[name], found.headline[name].shown(hide)) for name in COLUMNS],
            funnel=[(LABELS[name], found.headline[name].shown(hide)) for name in FUNNEL],
            funnel_chart=charts.funnel([(LABELS[name], _charted(found.headline[name], hide)) for name in FUNNEL]),
            group_charts=_group_charts(found, hide),
            grouped=filters.group_by != GroupBy.NONE,
            group_label=dict(GroupBy.CHOICES)[filters.group_by],
            columns=[LABELS[name] for name in COLUMNS],
            rows=[(label, [cells[name].shown(hide) for name in COLUMNS]) for label, cells in found.rows],
            hides_small_cells=hide,
            **_summaries_refreshed(),
            query=request.GET.urlencode(),
            **_last_month_link(request),
        )
        context.update(cascade.page_context(cascade.cascade(request.user, filters)))
    return render(request, "reports/report.html", context)


def _summaries_refreshed() -> dict:
    """The days the summaries (the pre- and post-test pairs, the months of activity) were last
    worked out in full, as a letter writes them; one query for both."""
    moments = dict(SummaryRefresh.objects.values_list("name", "refreshed_at"))

    def day(name):
        moment = moments.get(name)
        return formatting.date_in_sentence(timezone.localdate(moment), get_language()) if moment else None

    return {
        "pairs_refreshed": day(SummaryRefresh.TEST_PAIRS),
        "activity_refreshed": day(SummaryRefresh.ACTIVITY),
    }


def _last_month_link(request) -> dict:
    """The query of the page's filters with the period set to the last calendar month, and the
    month's name, for the monthly summary's link."""
    start, end = monthly.month_period(monthly.previous_month(timezone.localdate()))
    query = request.GET.copy()
    query["date_from"], query["date_to"] = start.isoformat(), end.isoformat()
    return {"last_month_query": query.urlencode(), "last_month": formatting.long_month(start, get_language())}


def _group_charts(found, hide: bool) -> list:
    """By month, the trend of completions and certificates; by region, the map of both."""
    shown = ("completed", "certified_valid")
    if found.by_month:
        return [
            charts.monthly_trend(
                [(month, _charted(cells[name], hide)) for month, cells in sorted(found.by_month.items())], LABELS[name]
            )
            for name in shown
        ]
    if found.by_region:
        return [
            charts.region_tiles(
                {code: _charted(cells[name], hide) for code, cells in found.by_region.items()}, LABELS[name]
            )
            for name in shown
        ]
    return []


def _charted(cell, hide: bool):
    """A count as a chart takes it: the number, or "<5" where the page shows that."""
    return "<5" if cell.hidden(hide) else (cell.value or 0)


def _export_rows(form, found, cascaded=None) -> list[list]:
    """The filters first, then the table: every small cell is "<5", whoever asks: a file leaves the organisation."""
    rows: list[list] = [[_("Report of programme indicators"), timezone.localdate().isoformat()]]
    rows += [[label, value] for label, value in form.described()]
    rows.append([])
    filters = form.filters()
    if filters.group_by == GroupBy.NONE:
        rows.append([_("Indicator"), _("Value")])
        rows += [[str(LABELS[name]), _cell(found.headline[name])] for name in COLUMNS]
    else:
        rows.append([str(dict(GroupBy.CHOICES)[filters.group_by]), *(str(LABELS[name]) for name in COLUMNS)])
        rows += [[label, *(_cell(cells[name]) for name in COLUMNS)] for label, cells in found.rows]
        rows.append([_("Total"), *(_cell(found.headline[name]) for name in COLUMNS)])
    if cascaded is not None:
        rows += cascade.export_rows(cascaded)
    # A workbook's rows are all as wide as its widest.
    width = max(len(row) for row in rows)
    return [[*row, *([""] * (width - len(row)))] for row in rows]


def _cell(cell):
    shown = cell.shown(hide_small=True)
    # Whole counts stay numbers in the spreadsheet; a hidden cell or a rate is text.
    return int(shown) if shown.isdigit() else shown


EXPORTS = {
    "csv": (CSV_CONTENT_TYPE, lambda rows: rows_csv(rows)),
    "xlsx": (XLSX_CONTENT_TYPE, lambda rows: rows_xlsx(rows, sheet_title=_("Indicators"))),
}


@login_required
def export(request, file_format: str):
    form = _form(request)
    if file_format not in EXPORTS:
        raise Http404
    if not form.is_valid():
        # No file of other filters than those asked for: the page shows the errors.
        return report(request)
    content_type, write = EXPORTS[file_format]
    found = indicators(request.user, form.filters())
    rows = _export_rows(form, found, cascade.cascade(request.user, form.filters()))
    audit_record(
        action=AuditAction.REPORT_EXPORTED,
        data={"format": file_format, "filters": dict(form.described()), "rows": len(found.rows)},
    )
    response = HttpResponse(write(rows), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="indicators-{timezone.localdate().isoformat()}.{file_format}"'
    )
    return response


@login_required
def summary(request):
    """The summary of the page's figures as a PDF (``reports.monthly``); the page links it for its
    filters and for the last calendar month."""
    form = _form(request)
    if not form.is_valid():
        return report(request)
    filters = form.filters()
    pdf = monthly.summary_pdf(request.user, filters)
    audit_record(
        action=AuditAction.REPORT_EXPORTED,
        data={"format": "pdf", "filters": dict(form.described())},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{monthly.file_name(filters)}"'
    return response
