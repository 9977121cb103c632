"""PDFs made with WeasyPrint (certificates, attendance sheets) that look the same on every server.

The fonts a PDF uses are shipped with Cascade (``core/fonts``, Noto Sans and Noto Serif, SIL Open
Font License): left to the system, one server prints in DejaVu and another in Noto, and a server
without either prints Mongolian Ө and Ү in whatever it finds. Nothing else is fetched: a URL that
slipped into a template must not make the server call out (server-side request forgery) or wait
on a network that may not be there.

WeasyPrint is imported by the first PDF, not by every web process; a process keeps one font
configuration and each parsed stylesheet for all its PDFs (parsing them is a good part of a
small PDF's cost).
"""

import atexit
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# family → file name stem; each in regular (400) and bold (700).
FONT_FAMILIES = {"Noto Sans": "NotoSans", "Noto Serif": "NotoSerif"}
_WEIGHTS = {400: "Regular", 700: "Bold"}

_process = {}  # the font configuration and parsed stylesheets of this process (no user data)
# Let go of them before the interpreter tears its modules down: WeasyPrint's font configuration
# cleans up after itself when collected, and at that late point its helpers are already gone.
atexit.register(_process.clear)


def _font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
        f'src: url("{(FONTS_DIR / f"{stem}-{style}.ttf").as_uri()}"); }}'
        for family, stem in FONT_FAMILIES.items()
        for weight, style in _WEIGHTS.items()
    )


def _fetcher():
    """WeasyPrint's URL fetcher, for the shipped fonts and inline (``data:``) images only."""
    from weasyprint.urls import URLFetcher

    fonts = FONTS_DIR.as_uri() + "/"

    class ShippedResourcesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or url.startswith(fonts)):
                raise ValueError(f"A PDF fetches no resources: {url[:100]}")
            return super().fetch(url, headers)

    return ShippedResourcesOnly(allowed_protocols=("data", "file"))


def _font_config():
    if "fonts" not in _process:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        _process["fonts"] = fonts
        _process["fetcher"] = _fetcher()
        _process["font_faces"] = CSS(string=_font_faces(), font_config=fonts, url_fetcher=_process["fetcher"])
    return _process["fonts"]


def stylesheet(text: str):
    """``text`` parsed once per process, with the shipped fonts' configuration."""
    key = ("css", text)
    if key not in _process:
        from weasyprint import CSS

        fonts = _font_config()
        _process[key] = CSS(string=text, font_config=fonts, url_fetcher=_process["fetcher"])
    return _process[key]


def html_to_pdf(html: str, *, stylesheets=()) -> bytes:
    """``html`` (with no external resources) as a PDF in the shipped fonts."""
    from weasyprint import HTML

    fonts = _font_config()
    return HTML(string=html, base_url=None, url_fetcher=_process["fetcher"]).write_pdf(
        stylesheets=[_process["font_faces"], *stylesheets], font_config=fonts
    )
