"""The indicators for a ministry's or an agency's own systems: the figures of the report page, for
the same filters and the same scope, as JSON.

Scoped like the page (``permissions``): anyone whose reports count nobody gets 404. Filters are
read by the page's own form, so a value the page refuses is refused here (422, each field's
problem in ``errors``); the small-cell rule applies as on the page."""

from datetime import date
from decimal import Decimal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.responses import Status

from core.api import Id, error_body, errors

from .cascade import cascade
from .cascade_api import MasterCascade, TrainersAuthorised, cascade_out
from .filters import ReportFilterForm
from .indicators import COLUMNS, LABELS, indicators
from .permissions import can_view_reports, reports_broader_than_own_cohorts

router = Router(tags=["reports"])


class IndicatorFilters(Schema):
    date_from: date | None = None
    date_to: date | None = None
    organisation: Id | None = None
    region: Id | None = None
    course: str = ""
    position: str = ""
    gender: str = ""
    group_by: str = ""


class Figure(Schema):
    name: str  # stable: "enrolled", "completed", "certified_valid", "gain", …
    label: str  # in the request's language
    shown: str  # as the page writes it: a number, a percentage, "<5" or "–"
    value: float | None  # None when suppressed (fewer than 5 people) or when there is nothing to count
    suppressed: bool


class Group(Schema):
    group: str
    figures: list[Figure]


class IndicatorsOut(Schema):
    small_cells_hidden: bool
    headline: list[Figure]
    groups: list[Group]
    # Per master trainer, to every depth; trainers by course and region (reports.cascade).
    cascade: list[MasterCascade]
    trainers_by_course: list[TrainersAuthorised]
    trainers_by_region: list[TrainersAuthorised]


def _figures(cells: dict, hide: bool) -> list[dict]:
    out = []
    for name in COLUMNS:
        cell = cells[name]
        shown = cell.shown(hide)
        suppressed = cell.hidden(hide)
        value = None if suppressed or cell.value is None else float(cell.value)
        if isinstance(cell.value, Decimal) and value is not None:
            value = round(value, 2)
        out.append({"name": name, "label": str(LABELS[name]), "shown": shown, "value": value, "suppressed": suppressed})
    return out


@router.get(
    "/reports/indicators",
    response={200: IndicatorsOut, **errors(401, 403, 404, 422)},
    summary="Programme indicators for your scope, with the report page's filters",
)
def indicators_api(request, filters: Query[IndicatorFilters]):
    if not can_view_reports(request.user):
        raise Http404
    data = {key: ("" if value is None else str(value)) for key, value in filters.dict().items()}
    form = ReportFilterForm(data, user=request.user)
    if not form.is_valid():
        field_errors = [
            {"loc": ["query", name], "msg": str(message), "type": "invalid"}
            for name, messages in form.errors.items()
            for message in messages
        ]
        return Status(422, error_body(_("Some filters are not valid."), "invalid_filters", field_errors))
    filters = form.filters()
    found = indicators(request.user, filters)
    hide = reports_broader_than_own_cohorts(request.user)
    return {
        "small_cells_hidden": hide,
        "headline": _figures(found.headline, hide),
        "groups": [{"group": label, "figures": _figures(cells, hide)} for label, cells in found.rows],
        **cascade_out(cascade(request.user, filters)),
    }
