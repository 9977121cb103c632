"""The summary of a period's indicators as a PDF: on demand from the report page, and each month
for each coordinator by e-mail (``reports.tasks``).

The summary leaves the organisation (it is sent on to a ministry or a partner), so every cell
resting on fewer than five people is "<5", whoever asks, and nobody is named. It is written in
both languages, Mongolian first and English under it, in one file: official papers of a Mongolian
ministry are in Mongolian (the state language), while the programme's partners read English, and
one file with both means one set of figures, never two versions that could differ. The charts are
drawn in Mongolian; each has its heading in both languages.

What it holds: the scope and filters (organisation, period, the day it was made), the headline
figures, the completion funnel, the trend of completions and certificates over the twelve months
ending with the period, and the figures by region.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import Region, User
from cohorts.courses_lookup import courses_by_key
from core import formatting
from core.outbound import absolute_url, templated_email
from core.pdf import html_to_pdf

from . import charts
from .filters import Filters, GroupBy
from .indicators import COLUMNS, LABELS, Cell, indicators

FUNNEL = ("enrolled", "completed", "certified_valid")
TRENDS = ("completed", "certified_valid")
TREND_MONTHS = 12
LANGUAGES = ("mn", "en")

TITLE = _("Summary of programme indicators")
NOT_STATED = _("Not stated")
HEADINGS = {
    "small_cells": _("A figure resting on fewer than 5 people is shown as «<5» to protect their privacy."),
    "headline": _("Headline figures"),
    "indicator": _("Indicator"),
    "value": _("Value"),
    "funnel": _("Completion funnel"),
    "trend": _("The last twelve months"),
    "by_region": _("By region"),
    "region": _("Region"),
    "total": _("Total"),
    "no_regions": _("No records match these filters."),
}


def previous_month(today: date) -> date:
    """The first day of the calendar month before ``today``'s."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_period(first: date) -> tuple[date, date]:
    """The first and the last day of the month that begins on ``first``."""
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following - timedelta(days=1)


def month_filters(first: date) -> Filters:
    start, end = month_period(first)
    return Filters(date_from=start, date_to=end)


def is_one_month(filters: Filters) -> bool:
    return (filters.date_from, filters.date_to) == month_period(filters.date_from.replace(day=1))


def file_name(filters: Filters) -> str:
    if is_one_month(filters):
        return f"summary-{filters.date_from:%Y-%m}.pdf"
    return f"summary-{filters.date_from.isoformat()}-{filters.date_to.isoformat()}.pdf"


@dataclass(frozen=True)
class Both:
    """A text in Mongolian and in English; the summary prints both, Mongolian first."""

    mn: str
    en: str


def both(text) -> Both:
    """A translatable text (lazy, or a function of the language) in each language."""
    written = {}
    for language in LANGUAGES:
        with translation.override(language):
            written[language] = text(language) if callable(text) else str(text)
    return Both(**written)


def _trend_start(filters: Filters) -> date:
    """The first month of the trend: twelve months ending with the period's, or the period's
    first month if the period is longer."""
    end = filters.date_to.replace(day=1)
    start = end
    for _month in range(TREND_MONTHS - 1):
        start = (start - timedelta(days=1)).replace(day=1)
    return min(start, filters.date_from.replace(day=1))


def _months(first: date, last: date) -> list[date]:
    months = [first]
    while months[-1] < last:
        months.append((months[-1].replace(day=28) + timedelta(days=4)).replace(day=1))
    return months


def _charted(cell: Cell):
    """A count as the charts take it, with the small-cell rule always applied."""
    return "<5" if cell.hidden(True) else (cell.value or 0)


def _for_print(chart: charts.Chart) -> charts.Chart:
    """The chart in the shipped font: an SVG inside a PDF inherits no font from the page."""
    # The SVG was built with format_html; only an attribute of its root changes.
    return replace(chart, svg=mark_safe(chart.svg.replace('font-family="inherit"', 'font-family="Noto Sans"')))


def _scope(user, filters: Filters) -> Both:
    """Whose records the summary counts, as its heading says it."""
    if filters.organisation is not None:
        organisation = filters.organisation
    elif roles.has_role(user, roles.ADMIN):
        return both(_("Every organisation"))
    elif roles.has_role(user, roles.COORDINATOR) and user.organisation_id:
        organisation = user.organisation
    elif roles.has_role(user, roles.MASTER_TRAINER):
        return both(_("The cohorts of the master trainer's cascade"))
    else:
        return both(_("The trainer's own cohorts"))
    units = both(_("with the units below it"))
    return Both(
        mn=f"{organisation.name_mn} ({units.mn})", en=f"{organisation.name_en or organisation.name_mn} ({units.en})"
    )


def _period(filters: Filters) -> Both:
    if is_one_month(filters):
        return both(lambda language: formatting.long_month(filters.date_from, language))
    return both(
        lambda language: (
            f"{formatting.long_date(filters.date_from, language)} – {formatting.long_date(filters.date_to, language)}"
        )
    )


def _narrowing(filters: Filters) -> list[tuple[Both, Both]]:
    """The filters beyond the scope and the period, as (label, value) in both languages."""
    found = []
    if filters.region is not None:
        region = filters.region
        found.append((both(_("Region")), Both(region.name_mn, region.name_en or region.name_mn)))
    if filters.course_key is not None:
        titles = {}
        for language in LANGUAGES:
            course = courses_by_key([filters.course_key], language).get(filters.course_key)
            titles[language] = course.title if course else str(filters.course_key)
        found.append((both(_("Course")), Both(**titles)))
    if filters.position:
        found.append((both(_("Position or rank")), Both(filters.position, filters.position)))
    if filters.gender:
        gender = dict(User.Gender.choices)[filters.gender]
        found.append((both(_("Gender")), both(gender)))
    return found


def _region_rows(report) -> list[tuple[Both, list[str]]]:
    regions = {region.name_mn: region for region in Region.objects.all()}
    rows = []
    for label, cells in report.rows:
        region = regions.get(label)
        name = Both(region.name_mn, region.name_en or region.name_mn) if region else both(NOT_STATED)
        rows.append((name, [cells[column].shown(hide_small=True) for column in COLUMNS]))
    return rows


def summary_context(user, filters: Filters, *, made_on: date | None = None) -> dict:
    """What the summary prints for ``user``'s scope and ``filters`` (the grouping is its own)."""
    made_on = made_on or timezone.localdate()
    with translation.override("mn"):
        # Region rows are labelled by the Mongolian name, and found again by it below.
        by_region = indicators(user, replace(filters, group_by=GroupBy.REGION))
        trend_start = _trend_start(filters)
        trend_filters = replace(filters, date_from=trend_start, group_by=GroupBy.MONTH)
        by_month = indicators(user, trend_filters).by_month
        months = _months(trend_start, filters.date_to.replace(day=1))
        headline = by_region.headline
        funnel = charts.funnel([(LABELS[name], _charted(headline[name])) for name in FUNNEL])
        trends = [
            (
                both(LABELS[name]),
                charts.monthly_trend(
                    [(month, _charted(by_month[month][name]) if month in by_month else 0) for month in months],
                    str(LABELS[name]),
                ),
            )
            for name in TRENDS
        ]
        region_rows = _region_rows(by_region)
    return {
        "title": both(TITLE),
        "headings": {key: both(text) for key, text in HEADINGS.items()},
        "facts": [
            (both(_("Organisation")), _scope(user, filters)),
            (both(_("Period")), _period(filters)),
            *_narrowing(filters),
            (both(_("Made on")), both(lambda language: formatting.long_date(made_on, language))),
        ],
        "headline": [(both(LABELS[name]), headline[name].shown(hide_small=True)) for name in COLUMNS],
        "funnel": _for_print(funnel),
        "trends": [(label, _for_print(chart)) for label, chart in trends],
        "trend_period": both(
            lambda language: " – ".join(formatting.long_month(month, language) for month in (months[0], months[-1]))
        ),
        "columns": [both(LABELS[name]) for name in COLUMNS],
        "region_rows": region_rows,
        "total_row": [headline[name].shown(hide_small=True) for name in COLUMNS],
    }


def summary_pdf(user, filters: Filters, *, made_on: date | None = None) -> bytes:
    context = summary_context(user, filters, made_on=made_on)
    with translation.override("mn"):
        html = render_to_string("reports/monthly_summary.html", context)
    return html_to_pdf(html)


# --- By e-mail, each month ----------------------------------------------------------------------


def summary_recipients():
    """Who gets the summary of each month by e-mail: every active coordinator of an organisation.
    Administrators do not: they run the site, and their reach is every organisation; the figures of
    an organisation go to the person who answers for them. Anyone may download it from the page."""
    return (
        User.objects.filter(is_active=True, groups__name=roles.COORDINATOR, organisation__isnull=False)
        .exclude(email="")
        .select_related("organisation")
        .order_by("pk")
    )


def summary_message_id(person, first: date) -> str:
    """The same Message-ID every time this person's summary of this month is e-mailed: should it
    ever go out twice (sent again by hand after a crash), mail clients can tell it is one message."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "cascade.local"
    return f"<monthly-summary-{person.pk}-{first:%Y-%m}@{host}>"


def summary_email(person, first: date, pdf: bytes):
    """The e-mail of ``person``'s summary of the month beginning ``first``, in their language, the
    PDF attached."""
    language = person.preferred_language or settings.LANGUAGE_CODE
    filters = month_filters(first)
    with translation.override(language):
        context = {
            "name": person.get_full_name() or person.email,
            "month": formatting.long_month(first, language),
            "scope": getattr(_scope(person, filters), language),
            "reports_url": absolute_url(reverse("reports")),
        }
    message = templated_email(
        to=person.email, language=language, template="reports/email/monthly_summary", context=context
    )
    message.extra_headers["Message-ID"] = summary_message_id(person, first)
    message.attach(file_name(filters), pdf, "application/pdf")
    return message
