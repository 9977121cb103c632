"""The indicator charts, drawn on the server as SVG: a completion funnel, a monthly trend, a tile
map of the regions and the cascade as a tree.

Each chart is a pure function of plain data (no query, no request) that returns a :class:`Chart`:
the SVG, a one-sentence summary and the table of the same figures, so that a page shows all three
and a person who cannot see the picture loses nothing. The SVG is built only with ``format_html``,
so every label is escaped; it has a ``<title>`` and a ``<desc>`` named by ``aria-labelledby``;
every figure is written as text, never carried by colour or length alone; and it scales to the
page's width from its ``viewBox``, its text sized so that it is at least 12 px on a 320 px wide
chart (a 360 px phone less the page's margins).

A count below 5 may arrive as the string "<5" (the privacy rule of the indicators): it
is drawn as the shortest bar or the lightest tile and written "<5".
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext, pgettext, pgettext_lazy

from accounts.regions import CAPITAL
from core.formatting import mongolian_sort_key, number, percent
from reports.aimag_grid import (
    AIMAG_ROWS,
    AIMAG_TILES,
    DISTRICT_COLUMNS,
    DISTRICT_ROWS,
    DISTRICT_TILES,
    TILED_REGIONS,
)

Value = int | str  # a count, or "<5" for a suppressed one

NO_VALUE = "—"
# The width, in the SVG's own units, every chart is drawn in; the text size follows from it.
WIDTH = 640
NARROWEST = 320  # px: the chart on a 360 px phone
FONT = 12 * WIDTH / NARROWEST  # = 24 units, 12 px at the narrowest
LINE = FONT * 1.5
MIN_BAR = 4  # the bar of a suppressed or very small count: visible, but clearly the shortest

INK = "#1a1a1a"
BAR = "#2b6cb0"
TRACK = "#e8eef5"
# Five steps of one blue (ColorBrewer "Blues", which reads in every common colour-vision
# deficiency), each with the text colour that keeps 4.5:1 contrast on it.
SHADES = [("#eff3ff", INK), ("#bdd7e7", INK), ("#6baed6", INK), ("#3182bd", "#ffffff"), ("#08519c", "#ffffff")]
EMPTY_TILE = "#ffffff"
NO_DATA_TILE = "#d9d9d9"

MONTHS = [
    pgettext_lazy("a month on a chart", "Jan"),
    pgettext_lazy("a month on a chart", "Feb"),
    pgettext_lazy("a month on a chart", "Mar"),
    pgettext_lazy("a month on a chart", "Apr"),
    pgettext_lazy("a month on a chart", "May"),
    pgettext_lazy("a month on a chart", "Jun"),
    pgettext_lazy("a month on a chart", "Jul"),
    pgettext_lazy("a month on a chart", "Aug"),
    pgettext_lazy("a month on a chart", "Sep"),
    pgettext_lazy("a month on a chart", "Oct"),
    pgettext_lazy("a month on a chart", "Nov"),
    pgettext_lazy("a month on a chart", "Dec"),
]


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    summary: str
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)


def no_data() -> str:
    return gettext("There is no data for this chart for the period and filters chosen.")


# --- Values -------------------------------------------------------------------------------------


def is_suppressed(value) -> bool:
    return isinstance(value, str) and value.startswith("<")


def written(value) -> str:
    """A count as the chart and its table write it: "785", "<5", or "—" when there is none."""
    if value is None:
        return NO_VALUE
    if isinstance(value, str):
        return value
    return number(value, 0)


def _amount(value) -> int:
    """The number a bar's length or a tile's shade is taken from: a suppressed count counts as 1
    (above nothing, below every count shown)."""
    if value is None:
        return 0
    return 1 if is_suppressed(value) else int(value)


def _share(value, whole) -> str:
    if value is None or is_suppressed(value) or is_suppressed(whole) or not whole:
        return NO_VALUE
    return percent(100 * int(value) / int(whole))


def _bar_length(value, biggest: int, room: float) -> float:
    amount = _amount(value)
    if amount <= 0:
        return 0
    if is_suppressed(value) or biggest <= 0:
        return MIN_BAR
    return max(MIN_BAR, room * amount / biggest)


# --- SVG ----------------------------------------------------------------------------------------


def _chart_id(kind: str, data) -> str:
    """An id for the chart's title and description, the same for the same data (so a page renders
    the same twice) and different for two charts on one page."""
    return f"chart-{kind}-{hashlib.sha1(repr(data).encode(), usedforsecurity=False).hexdigest()[:8]}"


def _join(parts) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _svg(chart_id: str, height: float, title: str, desc: str, body, defs=()) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc"'
        ' viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet"'
        ' font-family="inherit" font-size="{font}" fill="{ink}" class="chart">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{defs}{body}</svg>',
        id=chart_id,
        width=WIDTH,
        height=number(height, 0),
        font=number(FONT, 0),
        ink=INK,
        title=title,
        desc=desc,
        defs=format_html("<defs>{}</defs>", _join(defs)) if defs else "",
        body=_join(body),
    )


def _text(x: float, y: float, content, *, anchor: str = "start", weight: str = "normal", fill: str = INK):
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" font-weight="{}" fill="{}">{}</text>',
        number(x, 1),
        number(y, 1),
        anchor,
        weight,
        fill,
        content,
    )


def _rect(x: float, y: float, width: float, height: float, fill: str, stroke: str = "none"):
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
        number(x, 1),
        number(y, 1),
        number(width, 1),
        number(height, 1),
        fill,
        stroke,
    )


def _no_data_chart(kind: str, title: str, table_head: list[str]) -> Chart:
    summary = no_data()
    svg = _svg(_chart_id(kind, title), LINE * 2, title, summary, [_text(0, LINE * 1.2, summary)])
    return Chart(svg=svg, summary=summary, table_head=table_head, table_rows=[])


# --- 1. The completion funnel -------------------------------------------------------------------


def funnel(stages: list[tuple[str, Value]]) -> Chart:
    """Enrolled → completed → certified (or any stages, first the widest): a bar per stage, with
    its count and its share of the first stage."""
    title = gettext("Completion funnel")
    head = [gettext("Stage"), gettext("Number of people"), gettext("Share of the first stage")]
    if not stages:
        return _no_data_chart("funnel", title, head)
    first = stages[0][1]
    biggest = max(_amount(value) for _label, value in stages)
    rows = [[str(label), written(value), _share(value, first)] for label, value in stages]
    summary = gettext("Completion funnel: %(stages)s.") % {
        "stages": "; ".join(f"{label} {count} ({share})" for label, count, share in rows)
    }
    body, y = [], 0.0
    for (_label, value), (label, count, share) in zip(stages, rows, strict=True):
        y += LINE
        body.append(_text(0, y, format_html("{}: {} ({})", label, count, share), weight="bold"))
        y += LINE * 0.4
        body.append(_rect(0, y, WIDTH, LINE, TRACK))
        body.append(_rect(0, y, _bar_length(value, biggest, WIDTH), LINE, BAR))
        y += LINE * 1.5
    return Chart(
        svg=_svg(_chart_id("funnel", stages), y, title, summary, body),
        summary=summary,
        table_head=head,
        table_rows=rows,
    )


# --- 2. The monthly trend -----------------------------------------------------------------------


def month_name(month: int) -> str:
    """The month as a chart's axis writes it: "1-р сар" in Mongolian, "Jan" in English."""
    return str(MONTHS[month - 1])


def month_and_year(day: date) -> str:
    return pgettext("a month and its year on a chart", "%(month)s %(year)s") % {
        "month": month_name(day.month),
        "year": day.year,
    }


def _months_between(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_trend(points: list[tuple[date, Value]], label: str) -> Chart:
    """A bar per month, one month a row (a row stays readable on a phone however many months
    there are), each with its count; the highest and the latest month are written above.

    A month missing between the first and the last point had nothing to count and is drawn as 0:
    a ``GROUP BY`` month leaves out the months without a row."""
    head = [gettext("Month"), str(label)]
    if not points:
        return _no_data_chart("trend", str(label), head)
    by_month: dict[date, Value] = {date(day.year, day.month, 1): value for day, value in points}
    months = _months_between(min(by_month), max(by_month))
    series = [(month, by_month.get(month, 0)) for month in months]
    biggest = max(_amount(value) for _month, value in series)
    peak_month, peak = max(series, key=lambda point: (_amount(point[1]), point[0]))
    latest_month, latest = series[-1]
    summary = gettext(
        "%(label)s by month, %(start)s to %(end)s: highest %(highest)s in %(highest_month)s, "
        "latest %(latest)s in %(latest_month)s."
    ) % {
        "label": label,
        "start": month_and_year(months[0]),
        "end": month_and_year(months[-1]),
        "highest": written(peak),
        "highest_month": month_and_year(peak_month),
        "latest": written(latest),
        "latest_month": month_and_year(latest_month),
    }
    rows = [[month_and_year(month), written(value)] for month, value in series]

    name_width, value_width = FONT * 5, FONT * 3.5  # "12-р сар", "12345"
    room = WIDTH - name_width - value_width
    y = LINE
    body = [
        _text(
            0,
            y,
            gettext("Highest: %(value)s (%(month)s)") % {"value": written(peak), "month": month_and_year(peak_month)},
        ),
        _text(
            0,
            y + LINE,
            gettext("Latest: %(value)s (%(month)s)")
            % {"value": written(latest), "month": month_and_year(latest_month)},
        ),
    ]
    y += LINE
    year = None
    for month, value in series:
        if month.year != year:
            year = month.year
            y += LINE * 1.3
            body.append(_text(0, y, str(year), weight="bold"))
        y += LINE
        length = _bar_length(value, biggest, room)
        emphasis = "bold" if month in (peak_month, latest_month) else "normal"
        body.append(_text(0, y, month_name(month.month), weight=emphasis))
        body.append(_rect(name_width, y - FONT * 0.85, length, FONT, BAR))
        body.append(_text(name_width + length + FONT * 0.3, y, written(value), weight=emphasis))
    y += LINE * 0.6
    svg = _svg(_chart_id("trend", (label, series)), y, str(label), summary, body)
    return Chart(svg=svg, summary=summary, table_head=head, table_rows=rows)


# --- 3. The regions as a tile map ---------------------------------------------------------------

TILE = 76  # 8 aimag columns and the gaps fill the width
GAP = 4


def _region_names() -> dict[str, str]:
    english = get_language() == "en"
    return {code: (en if english and en else mn) for code, mn, en in TILED_REGIONS}


def _shade_step(value, biggest: int) -> int | None:
    """0 for a zero count, 1 to 5 by the fifth of the highest count the value falls in (a
    suppressed count in the first), None for a region with no data."""
    if value is None:
        return None
    amount = _amount(value)
    if amount <= 0:
        return 0
    if is_suppressed(value) or biggest <= 0:
        return 1
    return max(1, min(5, -(-5 * amount // biggest)))


def _tile(x: float, y: float, short: str, name: str, value, step: int | None, pattern_id: str):
    if step is None:
        fill, ink = f"url(#{pattern_id})", INK
    elif step == 0:
        fill, ink = EMPTY_TILE, INK
    else:
        fill, ink = SHADES[step - 1]
    return format_html(
        "<g><title>{name}: {value}</title>"
        '<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="4" fill="{fill}" stroke="#6b6b6b"/>'
        "{short}{count}</g>",
        name=name,
        value=written(value),
        x=number(x, 1),
        y=number(y, 1),
        size=TILE,
        fill=fill,
        short=_text(x + TILE / 2, y + TILE * 0.42, short, anchor="middle", fill=ink),
        count=_text(x + TILE / 2, y + TILE * 0.82, written(value), anchor="middle", weight="bold", fill=ink),
    )


def _legend_ranges(biggest: int) -> list[str]:
    """What each of the five shades stands for: "1–20", "21–40"…"""
    ranges, low = [], 1
    for step in range(1, 6):
        high = step * biggest // 5  # the highest count whose shade is ``step``
        if high >= low:
            ranges.append(f"{number(low, 0)}–{number(high, 0)}" if high > low else number(low, 0))
        else:
            ranges.append(NO_VALUE)
        low = max(low, high + 1)
    return ranges


def region_tiles(values: dict[str, Value], label: str) -> Chart:
    """Mongolia's 21 aimags and Ulaanbaatar's 9 districts (keyed by their codes in
    :mod:`accounts.regions`) as a tile map, each tile shaded in five steps of one blue by its
    count and labelled with its short name and its count; a region without data shows "—"."""
    names = _region_names()
    present = {code: value for code, value in values.items() if code in names and value is not None}
    head = [gettext("Region"), str(label)]
    chart_id = _chart_id("regions", (label, sorted(present.items(), key=str)))
    pattern_id = f"{chart_id}-none"
    english = get_language() == "en"
    biggest = max((_amount(value) for value in present.values()), default=0)

    order = mongolian_sort_key if not english else str.casefold
    aimag_codes = sorted(AIMAG_TILES, key=lambda code: order(names[code]))
    district_codes = sorted(DISTRICT_TILES, key=lambda code: order(names[code]))
    rows = [[names[code], written(present.get(code))] for code in [*aimag_codes, *district_codes]]
    # A count for the capital as a whole (a city department's people) has no tile: it heads the
    # inset and ends the table.
    capital_name = CAPITAL[2] if english else CAPITAL[1]
    capital_heading = capital_name
    if values.get(CAPITAL[0]) is not None:
        capital_heading = f"{capital_name}: {written(values[CAPITAL[0]])}"
        rows.append([capital_name, written(values[CAPITAL[0]])])

    if present:
        top_code = max(present, key=lambda code: (_amount(present[code]), code))
        summary = ngettext(
            "%(label)s by region: highest in %(region)s (%(value)s); %(count)s of %(total)s region has data.",
            "%(label)s by region: highest in %(region)s (%(value)s); %(count)s of %(total)s regions have data.",
            len(present),
        ) % {
            "label": label,
            "region": names[top_code],
            "value": written(present[top_code]),
            "count": len(present),
            "total": len(names),
        }
    else:
        summary = no_data()

    step = TILE + GAP
    body = []
    for code, (column, row, short_mn, short_en) in AIMAG_TILES.items():
        value = present.get(code)
        short = short_en if english else short_mn
        body.append(
            _tile(
                column * step,
                LINE * 0.2 + row * step,
                short,
                names[code],
                value,
                _shade_step(value, biggest),
                pattern_id,
            )
        )

    # The inset of Ulaanbaatar's districts, under the aimags at the right, where the map has
    # room below Dornogovi.
    inset_x = WIDTH - DISTRICT_COLUMNS * step + GAP
    inset_y = LINE * 0.2 + AIMAG_ROWS * step + LINE * 1.2
    body.append(_text(WIDTH, inset_y - LINE * 0.4, capital_heading, anchor="end", weight="bold"))
    for code, (column, row, short_mn, short_en) in DISTRICT_TILES.items():
        value = present.get(code)
        short = short_en if english else short_mn
        x, y = inset_x + column * step, inset_y + row * step
        body.append(_tile(x, y, short, names[code], value, _shade_step(value, biggest), pattern_id))

    # The legend, left of the inset: a swatch per shade with the counts it stands for, then zero
    # and no data.
    legend_y = LINE * 0.2 + AIMAG_ROWS * step + LINE * 0.8
    swatch = FONT
    entries = [(SHADES[i][0], text) for i, text in enumerate(_legend_ranges(biggest))]
    entries += [(EMPTY_TILE, "0"), (f"url(#{pattern_id})", gettext("no data (%(mark)s)") % {"mark": NO_VALUE})]
    for index, (fill, text) in enumerate(entries):
        y = legend_y + LINE * (index + 0.5)
        body.append(_rect(0, y - swatch * 0.85, swatch, swatch, fill, stroke="#6b6b6b"))
        body.append(_text(swatch * 1.5, y, text))
    height = max(legend_y + LINE * (len(entries) + 0.3), inset_y + DISTRICT_ROWS * step + GAP)

    pattern = format_html(
        '<pattern id="{}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="8" height="8" fill="{}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#9a9a9a" stroke-width="3"/>'
        "</pattern>",
        pattern_id,
        NO_DATA_TILE,
    )
    svg = _svg(chart_id, height, str(label), summary, body, defs=[pattern])
    return Chart(svg=svg, summary=summary, table_head=head, table_rows=rows)


# --- 4. The cascade as a tree -------------------------------------------------------------------

INDENT = FONT * 1.2
NAME_CHARACTERS = 30  # a longer name is shortened on the picture; the table has it whole


def _walk(nodes, depth=1):
    for node in nodes:
        yield depth, node
        yield from _walk(node.get("children") or (), depth + 1)


def _shortened(name: str, room: int) -> str:
    return name if len(name) <= room else name[: max(room - 1, 1)] + "…"


def cascade_tree(nodes: list[dict], *, first_level: int = 1) -> Chart:
    """Master trainers → the trainers they trained → theirs, to every depth, each with how many
    people they trained and how many of those are certified. ``nodes`` is a list of
    ``{"name", "trained", "certified", "children": [...]}``; the masters are at ``first_level``
    (0 where level 1 names the trainers a master trained, as the report's table does)."""
    title = gettext("The cascade of trainers")
    head = [gettext("Trainer"), gettext("Level"), gettext("Trained"), gettext("Certified")]
    people = list(_walk(nodes, first_level))
    if not people:
        return _no_data_chart("cascade", title, head)
    levels = max(depth for depth, _node in people)
    rows = [
        [str(node.get("name", "")), str(depth), written(node.get("trained")), written(node.get("certified"))]
        for depth, node in people
    ]
    summary = ngettext(
        "The cascade: %(masters)s master trainer and %(people)s people in all over %(levels)s levels.",
        "The cascade: %(masters)s master trainers and %(people)s people in all over %(levels)s levels.",
        len(nodes),
    ) % {"masters": len(nodes), "people": len(people), "levels": levels}

    # Deep levels indent less, so that the twentieth level still has room for its counts.
    indent = min(INDENT, (WIDTH * 0.3) / max(levels - first_level, 1))
    body, y = [], 0.0
    last_at_depth: dict[int, float] = {}  # where the latest person of each level ends
    for (depth, _node), (name, _level, trained, certified) in zip(people, rows, strict=True):
        x = (depth - first_level) * indent
        y += LINE * 0.9
        if depth > first_level:  # the branch from the trainer who trained them
            body.append(
                format_html(
                    '<path d="M{} {} V{} H{}" fill="none" stroke="#6b6b6b" stroke-width="2"/>',
                    number(x - indent + FONT * 0.3, 1),
                    number(last_at_depth[depth - 1] + FONT * 0.3, 1),
                    number(y - FONT * 0.35, 1),
                    number(x - FONT * 0.2, 1),
                )
            )
        room = int((WIDTH - x) / (FONT * 0.6))
        body.append(_text(x, y, _shortened(name, min(room, NAME_CHARACTERS)), weight="bold"))
        y += LINE
        body.append(
            _text(
                x,
                y,
                gettext("trained %(trained)s, certified %(certified)s") % {"trained": trained, "certified": certified},
            )
        )
        last_at_depth[depth] = y  # the branches to their trainees start under their counts
        y += LINE * 0.3
    svg = _svg(_chart_id("cascade", nodes), y + LINE * 0.3, title, summary, body)
    return Chart(svg=svg, summary=summary, table_head=head, table_rows=rows)
