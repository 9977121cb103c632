"""The indicator charts: SVG a screen reader can name, every figure written as text, hostile labels
escaped, "<5" drawn for a suppressed count, months in the reader's language, the tile map holding
exactly the project's regions, and a sentence instead of an error when there is nothing to draw."""

import re
from datetime import date
from xml.etree.ElementTree import Element

import pytest
from defusedxml.ElementTree import fromstring
from django.utils import translation

from accounts.models import Region
from accounts.regions import AIMAGS, ULAANBAATAR_DISTRICTS
from reports import charts
from reports.aimag_grid import AIMAG_COLUMNS, AIMAG_ROWS, AIMAG_TILES, DISTRICT_TILES

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"

CASCADE = [
    {
        "name": "Батбаяр Дорж",
        "trained": 42,
        "certified": 30,
        "children": [
            {
                "name": "Сараа Болд",
                "trained": 17,
                "certified": "<5",
                "children": [{"name": HOSTILE, "trained": 8, "certified": 6, "children": []}],
            },
            {"name": "Оюун Гэрэл", "trained": 0, "certified": 0},
        ],
    }
]


def _parsed(chart) -> Element:
    return fromstring(str(chart.svg))


def _texts(chart) -> list[str]:
    return ["".join(element.itertext()) for element in _parsed(chart).iter(f"{SVG}text")]


def _all_charts():
    return [
        charts.funnel([("Enrolled", 785), ("Completed", 600), ("Certified", "<5")]),
        charts.monthly_trend([(date(2026, 1, 5), 12), (date(2026, 2, 9), "<5"), (date(2026, 3, 1), 40)], "Enrolled"),
        charts.region_tiles({"uvs": 10, "dornod": 200, "ub-nalaikh": "<5"}, "Certified"),
        charts.cascade_tree(CASCADE),
    ]


@pytest.mark.parametrize("index", range(4))
def test_every_chart_is_an_svg_image_named_by_its_title_and_description(index):
    chart = _all_charts()[index]
    svg = _parsed(chart)
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text == chart.summary
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    # It fills the page's width, and its text is at least 12 px when that width is 320 px.
    assert svg.get("width") == "100%"
    view_width = float(svg.get("viewBox").split()[2])
    assert float(svg.get("font-size")) * 320 / view_width >= 12
    assert chart.table_head and chart.table_rows
    assert all(len(row) == len(chart.table_head) for row in chart.table_rows)


def test_two_charts_on_one_page_do_not_share_an_id():
    ids = [_parsed(chart).find(f"{SVG}title").get("id") for chart in _all_charts()]
    assert len(set(ids)) == len(ids)


def test_the_funnel_writes_each_stage_its_count_and_its_share_of_the_first():
    chart = charts.funnel([("Enrolled", 785), ("Completed", 600), ("Certified", 450)])
    texts = _texts(chart)
    assert texts == ["Enrolled: 785 (100%)", "Completed: 600 (76.4%)", "Certified: 450 (57.3%)"]
    assert chart.table_rows[1] == ["Completed", "600", "76.4%"]
    assert "600 (76.4%)" in chart.summary


def test_the_funnel_bars_are_as_long_as_their_counts():
    svg = _parsed(charts.funnel([("Enrolled", 800), ("Completed", 400)]))
    bars = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect") if rect.get("fill") == charts.BAR]
    assert bars[1] == pytest.approx(bars[0] / 2)


def test_a_suppressed_count_is_written_and_drawn_as_the_shortest_bar():
    chart = charts.funnel([("Enrolled", 785), ("Certified", "<5")])
    assert "Certified: <5 (—)" in _texts(chart)
    assert "&lt;5" in chart.svg
    bars = [float(rect.get("width")) for rect in _parsed(chart).iter(f"{SVG}rect") if rect.get("fill") == charts.BAR]
    assert bars[1] == charts.MIN_BAR
    assert chart.table_rows[1] == ["Certified", "<5", "—"]


@pytest.mark.parametrize(
    "chart",
    [
        lambda: charts.funnel([(HOSTILE, 3)]),
        lambda: charts.monthly_trend([(date(2026, 1, 1), 3)], HOSTILE),
        lambda: charts.region_tiles({"uvs": 3}, HOSTILE),
        lambda: charts.cascade_tree(CASCADE),
    ],
)
def test_a_hostile_label_is_escaped(chart):
    markup = str(chart().svg)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    _parsed(chart())  # and it is still well-formed


def test_the_trend_writes_every_month_the_highest_and_the_latest():
    with translation.override("en"):
        chart = charts.monthly_trend(
            [(date(2025, 11, 3), 12), (date(2026, 1, 20), 95), (date(2026, 2, 1), "<5"), (date(2026, 3, 1), 40)],
            "Enrolled",
        )
    texts = _texts(chart)
    assert "Highest: 95 (Jan 2026)" in texts
    assert "Latest: 40 (Mar 2026)" in texts
    # A month without a row (December) counted nothing.
    assert chart.table_rows == [
        ["Nov 2025", "12"],
        ["Dec 2025", "0"],
        ["Jan 2026", "95"],
        ["Feb 2026", "<5"],
        ["Mar 2026", "40"],
    ]
    for value in ("12", "0", "95", "<5", "40", "2025", "2026"):
        assert value in texts
    assert "highest 95 in Jan 2026, latest 40 in Mar 2026" in chart.summary


def test_the_trend_names_months_in_mongolian_and_in_english():
    points = [(date(2026, month, 1), month) for month in range(1, 13)]
    with translation.override("mn"):
        mongolian = charts.monthly_trend(points, "Бүртгүүлсэн")
    with translation.override("en"):
        english = charts.monthly_trend(points, "Enrolled")
    assert [f"{month}-р сар" for month in range(1, 13)] == [text for text in _texts(mongolian) if "-р сар" in text][
        -12:
    ]
    assert mongolian.table_rows[0] == ["2026 оны 1-р сар", "1"]
    assert mongolian.table_rows[11] == ["2026 оны 12-р сар", "12"]
    assert "хамгийн их нь 12 (2026 оны 12-р сар)" in mongolian.summary
    assert english.table_rows[11] == ["Dec 2026", "12"]
    assert {"Jan", "Jun", "Dec"} <= set(_texts(english))
    assert not any("сар" in text for text in _texts(english))


@pytest.mark.django_db
def test_the_tile_map_holds_exactly_the_aimags_and_districts_the_project_knows():
    known = set(Region.objects.exclude(kind=Region.Kind.CAPITAL).values_list("code", flat=True))
    assert len(known) == 30
    assert known == {code for code, *_ in [*AIMAGS, *ULAANBAATAR_DISTRICTS]}
    assert set(AIMAG_TILES) | set(DISTRICT_TILES) == known
    with translation.override("mn"):
        chart = charts.region_tiles({}, "Гэрчилгээтэй")
    tiles = [group for group in _parsed(chart).iter(f"{SVG}g") if group.find(f"{SVG}rect") is not None]
    assert len(tiles) == 30
    names = {row[0] for row in chart.table_rows}
    assert names == set(Region.objects.exclude(kind=Region.Kind.CAPITAL).values_list("name_mn", flat=True))


def test_no_two_tiles_share_a_place_and_the_map_keeps_its_compass():
    places = [(column, row) for column, row, *_ in AIMAG_TILES.values()]
    assert len(set(places)) == len(places) == 21
    assert all(0 <= column < AIMAG_COLUMNS and 0 <= row < AIMAG_ROWS for column, row in places)
    assert AIMAG_TILES["bayan-olgii"][:2] == (0, 0)  # top left
    assert AIMAG_TILES["dornod"][0] == AIMAG_COLUMNS - 1  # right
    assert AIMAG_TILES["umnugovi"][1] == AIMAG_ROWS - 1  # bottom
    district_places = [(column, row) for column, row, *_ in DISTRICT_TILES.values()]
    assert len(set(district_places)) == 9


def _tile(chart, name: str) -> tuple[str, list[str]]:
    for group in _parsed(chart).iter(f"{SVG}g"):
        if group.find(f"{SVG}title").text.startswith(f"{name}:"):
            rect = group.find(f"{SVG}rect")
            return rect.get("fill"), ["".join(text.itertext()) for text in group.iter(f"{SVG}text")]
    raise AssertionError(name)


def test_each_tile_is_shaded_by_its_value_and_writes_its_short_name_and_value():
    values = {"uvs": 10, "dornod": 200, "tuv": 100, "ub-nalaikh": "<5", "khovd": 0}
    with translation.override("en"):
        chart = charts.region_tiles(values, "Certified")
        assert _tile(chart, "Dornod aimag") == (charts.SHADES[4][0], ["Dornd", "200"])
        assert _tile(chart, "Töv aimag") == (charts.SHADES[2][0], ["Töv", "100"])
        assert _tile(chart, "Uvs aimag") == (charts.SHADES[0][0], ["Uvs", "10"])
        # A suppressed count is the lightest shade and says so; zero and no data differ from it.
        assert _tile(chart, "Nalaikh district") == (charts.SHADES[0][0], ["ND", "<5"])
        assert _tile(chart, "Khovd aimag") == (charts.EMPTY_TILE, ["Khovd", "0"])
        fill, texts = _tile(chart, "Orkhon aimag")
        assert fill.startswith("url(#") and texts == ["Orkh", "—"]
    assert ["Nalaikh district", "<5"] in chart.table_rows
    assert ["Orkhon aimag", "—"] in chart.table_rows
    assert "highest in Dornod aimag (200); 5 of 30 regions have data" in chart.summary
    # The legend says what each shade stands for.
    legend = _texts(chart)
    assert {"1–40", "41–80", "81–120", "121–160", "161–200", "0", "no data (—)"} <= set(legend)


def test_the_tile_map_names_regions_in_the_active_language():
    with translation.override("mn"):
        chart = charts.region_tiles({"ub-bayanzurkh": 7}, "Гэрчилгээтэй")
        assert _tile(chart, "Баянзүрх дүүрэг")[1] == ["БЗД", "7"]
        assert "Улаанбаатар хот" in _texts(chart)
        assert "мэдээлэлтэй аймаг, дүүрэг: 1 / 30" in chart.summary
    # Aimags in the Mongolian alphabet (Өвөрхангай after Орхон), then the districts.
    names = [row[0] for row in chart.table_rows]
    assert names.index("Орхон аймаг") + 1 == names.index("Өвөрхангай аймаг")
    assert names[21:] == sorted(names[21:], key=charts.mongolian_sort_key)


def test_the_cascade_tree_writes_everyone_at_their_depth_with_their_counts():
    with translation.override("en"):
        chart = charts.cascade_tree(CASCADE)
    assert chart.table_head == ["Trainer", "Level", "Trained", "Certified"]
    assert chart.table_rows == [
        ["Батбаяр Дорж", "1", "42", "30"],
        ["Сараа Болд", "2", "17", "<5"],
        [HOSTILE, "3", "8", "6"],
        ["Оюун Гэрэл", "2", "0", "0"],
    ]
    texts = _texts(chart)
    assert "trained 17, certified <5" in texts
    assert "trained 0, certified 0" in texts
    assert "1 master trainer and 4 people in all over 3 levels" in chart.summary
    # A deeper trainer is written further right.
    xs = {
        text.text: float(text.get("x"))
        for text in _parsed(chart).iter(f"{SVG}text")
        if text.get("font-weight") == "bold"
    }
    assert xs["Батбаяр Дорж"] < xs["Сараа Болд"] < xs[HOSTILE]
    assert xs["Сараа Болд"] == xs["Оюун Гэрэл"]


def test_a_long_name_is_shortened_on_the_picture_and_whole_in_the_table():
    name = "Ц" * 80
    chart = charts.cascade_tree([{"name": name, "trained": 5, "certified": 5}])
    assert name not in _texts(chart)
    assert any(text.endswith("…") for text in _texts(chart))
    assert chart.table_rows[0][0] == name


@pytest.mark.parametrize(
    "chart",
    [
        lambda: charts.funnel([]),
        lambda: charts.monthly_trend([], "Enrolled"),
        lambda: charts.region_tiles({}, "Certified"),
        lambda: charts.cascade_tree([]),
    ],
)
@pytest.mark.parametrize("language", ["mn", "en"])
def test_no_data_gives_a_sentence_not_an_error(chart, language):
    with translation.override(language):
        drawn = chart()
        assert drawn.summary == charts.no_data()
    assert _parsed(drawn).find(f"{SVG}desc").text == drawn.summary
    if language == "mn":
        assert re.search("[а-яөү]", drawn.summary)
    else:
        assert drawn.summary.startswith("There is no data")


def test_a_count_for_the_capital_as_a_whole_heads_the_districts_and_ends_the_table():
    with translation.override("mn"):
        chart = charts.region_tiles({"ulaanbaatar": 23, "ub-khan-uul": 4}, "Гэрчилгээтэй")
    assert "Улаанбаатар хот: 23" in _texts(chart)
    assert chart.table_rows[-1] == ["Улаанбаатар хот", "23"]
    assert len(chart.table_rows) == 31


def test_every_short_name_fits_its_tile():
    # Five letters at 12 px fill a tile 40 px wide on a phone; the full name is in the table.
    for _column, _row, mongolian, english in [*AIMAG_TILES.values(), *DISTRICT_TILES.values()]:
        assert 0 < len(mongolian) <= 5 and 0 < len(english) <= 5


def test_a_stage_without_a_count_is_written_as_a_dash():
    chart = charts.funnel([("Enrolled", 10), ("Certified", None)])
    assert chart.table_rows[1] == ["Certified", "—", "—"]
