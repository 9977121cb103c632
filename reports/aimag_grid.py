"""Where each region sits on the tile-grid map of Mongolia, and the short name its tile carries.

A tile grid gives every region the same area, so a small aimag (Orkhon, Darkhan-Uul) reads as
well as a large one (Ömnögovi), at the cost of exact shapes: each aimag keeps its rough place —
west to east in columns, north to south in rows — and Ulaanbaatar's districts, too small to place
among the aimags, sit in an inset block of their own. A tile is about 40 px wide on a phone, so it
carries a short name of at most five letters; the full name is in the tile's tooltip and in the
chart's table. The districts' short names are the ones Ulaanbaatar's own offices write (БЗД, СХД…).

The regions themselves — codes and full names — come from :mod:`accounts.regions`, the list the
migrations load; the capital as a whole has no tile (a count for the whole city has no single
place among its districts).
"""

from accounts.regions import AIMAGS, ULAANBAATAR_DISTRICTS

# code: (column, row, Mongolian short name, English short name)
AIMAG_TILES = {
    "bayan-olgii": (0, 0, "Өлгий", "Ölgii"),
    "uvs": (1, 0, "Увс", "Uvs"),
    "khuvsgul": (2, 0, "Хөвс", "Khöv"),
    "bulgan": (3, 0, "Булг", "Bulg"),
    "selenge": (4, 0, "Сэлэн", "Sel"),
    "darkhan-uul": (5, 0, "Дарх", "Dark"),
    "khentii": (6, 0, "Хэнт", "Khen"),
    "dornod": (7, 0, "Дорнд", "Dornd"),
    "khovd": (0, 1, "Ховд", "Khovd"),
    "zavkhan": (1, 1, "Завх", "Zavk"),
    "arkhangai": (2, 1, "Арх", "Arkh"),
    "orkhon": (3, 1, "Орх", "Orkh"),
    "tuv": (4, 1, "Төв", "Töv"),
    "govisumber": (5, 1, "ГСүм", "GSüm"),
    "sukhbaatar": (6, 1, "Сүхб", "Sükh"),
    "govi-altai": (1, 2, "ГАлт", "GAlt"),
    "bayankhongor": (2, 2, "БХон", "BKhon"),
    "uvurkhangai": (3, 2, "Өвөр", "Övör"),
    "dundgovi": (4, 2, "Дунд", "Dund"),
    "dornogovi": (5, 2, "ДГовь", "DGovi"),
    "umnugovi": (3, 3, "Өмнө", "Ömnö"),
}

# The inset: Songinokhairkhan to the west, Bayanzürkh to the east, Khan-Uul to the south, and the
# outlying Bagakhangai, Nalaikh and Baganuur along the bottom row.
DISTRICT_TILES = {
    "ub-songinokhairkhan": (0, 0, "СХД", "SKhD"),
    "ub-chingeltei": (1, 0, "ЧД", "ChD"),
    "ub-sukhbaatar": (2, 0, "СБД", "SBD"),
    "ub-bayangol": (0, 1, "БГД", "BGD"),
    "ub-khan-uul": (1, 1, "ХУД", "KhUD"),
    "ub-bayanzurkh": (2, 1, "БЗД", "BZD"),
    "ub-bagakhangai": (0, 2, "БХД", "BKhD"),
    "ub-nalaikh": (1, 2, "НД", "ND"),
    "ub-baganuur": (2, 2, "БНД", "BND"),
}

AIMAG_COLUMNS = 8
AIMAG_ROWS = 4
DISTRICT_COLUMNS = 3
DISTRICT_ROWS = 3

# (code, Mongolian name, English name) of every region with a tile, aimags first.
TILED_REGIONS = [*AIMAGS, *ULAANBAATAR_DISTRICTS]

if set(AIMAG_TILES) != {code for code, *_ in AIMAGS} or set(DISTRICT_TILES) != {
    code for code, *_ in ULAANBAATAR_DISTRICTS
}:  # pragma: no cover - a region added to accounts.regions needs a tile here
    raise ImportError("reports.aimag_grid: every aimag and district of accounts.regions needs a tile")
