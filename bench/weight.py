"""Page weight: the bytes a phone downloads for a lesson page, in low-data mode and not.

Run from the repository root::

    .venv/bin/python bench/weight.py [--budget]

Output, one line per visit (kb = 1024 bytes, as sent over the wire, headers not counted)::

    lesson_weight_first: kb=K html_kb=… css_kb=… js_kb=… font_kb=… image_kb=… icon_kb=… requests=N
    lesson_weight_repeat: kb=K …
    lesson_weight_lowdata_first: kb=K budget=150 …
    lesson_weight_lowdata_repeat: kb=K budget=60 …

The page is a demo lesson with a photograph (1600 × 1067) and an uploaded video added, read by a
learner part-way through the course, as ``bench/run.py``'s ``lesson_page``. Low-data mode is asked
for as a data saver asks, with ``Save-Data: on``.

What a browser fetches is read from the page as a browser reads it: the stylesheets, the preloaded
font, the scripts, the pictures (from ``srcset``, the candidate a phone 360 CSS px wide at device
pixel ratio 2 picks; the lesson's pictures are as wide as the screen there), the icon, and what
the stylesheets name with ``url()`` (the fonts of ``@font-face``). Each file is counted as the
production stack sends it:

- the page: gzip at nginx's default level 1 (Debian's nginx.conf has ``gzip on``, for text/html);
- static files: WhiteNoise's ``CompressedManifestStaticFilesStorage`` sends the Brotli copy it made
  at ``collectstatic`` (when that is at least 5 % smaller), never for fonts and pictures;
- pictures under /media/: as they are, by nginx;
- the icon: as it is.

A repeat visit fetches the page again (``Cache-Control: no-store``); static files have hashed
names and WhiteNoise's far-future ``immutable`` headers, the icon a week's ``max-age``: none is
fetched. Pictures under /media/ have no ``Cache-Control`` from nginx, only ``Last-Modified`` and
``ETag``: a browser asks again and gets ``304 Not Modified``, no body; they count as requests
with no bytes.

``--budget`` exits 1 when a low-data visit is over its budget."""

from __future__ import annotations

import argparse
import gzip
import io
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import (
    Bench,
    _demo_lesson,
    allow_test_client_host,
    configure_environment,
    create_databases,
    create_learner,
    signed_in_client,
)

KB = 1024
# Largest accepted kb by line; the normal mode's lines are for comparison.
BUDGETS = {"lesson_weight_lowdata_first": 150, "lesson_weight_lowdata_repeat": 60}
PHONE_WIDTH_CSS_PX = 360
PHONE_PIXEL_RATIO = 2
NGINX_GZIP_LEVEL = 1  # gzip_comp_level's default
KINDS = ("html", "css", "js", "font", "image", "icon")


@dataclass
class Fetch:
    url: str
    kind: str
    sent: int  # bytes on the wire (compressed where the stack compresses)
    cached_on_repeat: bool  # a repeat visit does not ask for it at all
    revalidated_on_repeat: bool = False  # asked again, answered 304 with no body


@dataclass
class PageRefs:
    stylesheets: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    icons: list[str] = field(default_factory=list)


class RefParser(HTMLParser):
    """What a browser fetches from the HTML."""

    def __init__(self):
        super().__init__()
        self.refs = PageRefs()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            href = attrs.get("href")
            if not href:
                return
            if "stylesheet" in rel:
                self.refs.stylesheets.append(href)
            elif "preload" in rel and attrs.get("as") == "font":
                self.refs.fonts.append(href)
            elif "icon" in rel:
                self.refs.icons.append(href)
        elif tag == "script" and attrs.get("src"):
            self.refs.scripts.append(attrs["src"])
        elif tag == "img":
            chosen = pick_from_srcset(attrs.get("srcset") or "") or attrs.get("src")
            if chosen:
                self.refs.images.append(chosen)


def pick_from_srcset(srcset: str) -> str | None:
    """The candidate a phone picks for a picture as wide as its screen: the narrowest at least
    PHONE_WIDTH_CSS_PX × PHONE_PIXEL_RATIO pixels wide, or else the widest."""
    candidates = []
    for entry in srcset.split(","):
        parts = entry.split()
        if len(parts) == 2 and parts[1].endswith("w"):
            candidates.append((int(parts[1][:-1]), parts[0]))
    if not candidates:
        return None
    needed = PHONE_WIDTH_CSS_PX * PHONE_PIXEL_RATIO
    wide_enough = sorted(c for c in candidates if c[0] >= needed)
    return (wide_enough[0] if wide_enough else max(candidates))[1]


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
FONT_FACE = re.compile(r"@font-face\s*{[^}]*}", re.S)


def css_refs(css: str) -> tuple[list[str], list[str]]:
    """(fonts, other files) a stylesheet names with url(). Both weights of the font are used by
    every page (text and headings), so every @font-face is fetched."""
    faces = " ".join(FONT_FACE.findall(css))
    fonts = CSS_URL.findall(faces)
    others = [url for url in CSS_URL.findall(FONT_FACE.sub("", css)) if not url.startswith("data:")]
    return fonts, others


def whitenoise_sent(name: str, data: bytes) -> int:
    """The bytes WhiteNoise sends a browser that accepts Brotli for the static file ``name``."""
    import brotli
    from whitenoise.compress import Compressor

    if not Compressor(quiet=True).should_compress(name):
        return len(data)
    compressed = brotli.compress(data)
    return len(compressed) if len(compressed) < len(data) * 0.95 else len(data)


def static_bytes(url: str) -> bytes:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    found = finders.find(urlsplit(url).path.removeprefix(settings.STATIC_URL))
    if not found:
        raise RuntimeError(f"the page names a static file that does not exist: {url}")
    return Path(found).read_bytes()


def media_bytes(url: str) -> bytes:
    from django.conf import settings
    from django.core.files.storage import default_storage

    with default_storage.open(urlsplit(url).path.removeprefix(settings.MEDIA_URL)) as file:
        return file.read()


def fetch_page(client, url: str, headers: dict) -> list[Fetch]:
    """Everything a browser fetches for the page at ``url``, as the production stack sends it."""
    from django.conf import settings

    response = client.get(url, **headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}; a broken page has no weight")
    html = response.content
    fetches = [Fetch(url, "html", len(gzip.compress(html, NGINX_GZIP_LEVEL)), cached_on_repeat=False)]
    parser = RefParser()
    parser.feed(html.decode())
    refs = parser.refs
    seen = set()

    def static(ref: str, kind: str) -> bytes:
        data = static_bytes(ref)
        if ref not in seen:
            seen.add(ref)
            fetches.append(Fetch(ref, kind, whitenoise_sent(ref, data), cached_on_repeat=True))
        return data

    for sheet in refs.stylesheets:
        fonts, others = css_refs(static(sheet, "css").decode())
        for ref in fonts + others:
            target = urljoin(sheet, ref)
            static(target, "font" if ref in fonts else "image")
    for ref in refs.fonts:
        static(ref, "font")
    for ref in refs.scripts:
        static(ref, "js")
    for ref in refs.images:
        if ref.startswith(settings.MEDIA_URL):
            fetches.append(
                Fetch(ref, "image", len(media_bytes(ref)), cached_on_repeat=False, revalidated_on_repeat=True)
            )
        else:
            static(ref, "image")
    for ref in refs.icons:
        icon = client.get(ref)
        fetches.append(Fetch(ref, "icon", len(b"".join(icon)), cached_on_repeat=True))
    return fetches


def figures(fetches: list[Fetch], *, repeat: bool) -> dict[str, float | int]:
    fetched = [f for f in fetches if not (repeat and f.cached_on_repeat)]
    sent = dict.fromkeys(KINDS, 0)
    for f in fetched:
        if not (repeat and f.revalidated_on_repeat):
            sent[f.kind] += f.sent
    return {
        "kb": sum(sent.values()) / KB,
        **{f"{kind}_kb": sent[kind] / KB for kind in KINDS},
        "requests": len(fetched),
    }


# --- The lesson ------------------------------------------------------------------------------------


def photograph(width: int = 1600, height: int = 1067, seed: int = 7) -> bytes:
    """A JPEG (quality 85) that compresses as a photograph does: colour noise at every scale from
    a quarter of the picture to a pixel, the finer the fainter. A flat or smooth picture would make
    every rendition look cheap."""
    from PIL import Image

    random.seed(seed)
    channels = []
    for _channel in range(3):
        layer = Image.new("L", (width, height), 128)
        for scale, weight in ((256, 0.5), (64, 0.45), (16, 0.35), (4, 0.25), (1, 0.12)):
            noise = Image.effect_noise((max(2, width // scale), max(2, height // scale)), 64)
            layer = Image.blend(layer, noise.resize((width, height), Image.BICUBIC), weight)
        channels.append(layer)
    buffer = io.BytesIO()
    Image.merge("RGB", channels).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def lesson_with_media(bench: Bench):
    """``lesson_page``'s demo lesson with a photograph after its first block and an uploaded video
    (a few MB that no visit downloads: the player waits for a press, or is only a link)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    lesson = _demo_lesson(bench)
    image = get_image_model().objects.create(
        title="Ярилцлагын өрөө", file=ContentFile(photograph(), name="interview-room.jpg")
    )
    video = get_document_model().objects.create(
        title="Ярилцлагын эхлэл", file=ContentFile(b"\0" * 4096, name="opening.mp4"), file_size=12_400_000
    )
    body = list(lesson.body.raw_data)
    body[1:1] = [
        {"type": "image", "value": {"image": image.pk, "alt": "Хоёр сандалтай өрөө", "caption": ""}, "id": "bench-img"},
        {
            "type": "video",
            "value": {"video": video.pk, "link": "", "title": "Ярилцлагын эхлэл", "transcript": "Сайн байна уу."},
            "id": "bench-video",
        },
    ]
    lesson.body = body
    lesson.save_revision().publish()
    return lesson


# --- Main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--budget", action="store_true", help="exit 1 when a low-data visit is over its budget")
    parser.add_argument("--verbose", action="store_true", help="list every file fetched, to stderr")
    return parser.parse_args(argv)


def measure(bench: Bench, *, verbose: bool = False) -> dict[str, dict[str, float | int]]:
    lesson = lesson_with_media(bench)
    client = signed_in_client(bench.learner)
    lines = {}
    for mode, headers in (("", {}), ("_lowdata", {"HTTP_SAVE_DATA": "on"})):
        client.get(lesson.url, **headers)  # the renditions are made on the first request, not by a visit
        fetches = fetch_page(client, lesson.url, headers)
        if verbose:
            for f in fetches:
                print(f"{mode or '_normal'}: {f.kind} {f.sent} {f.url}", file=sys.stderr)
        lines[f"lesson_weight{mode}_first"] = figures(fetches, repeat=False)
        lines[f"lesson_weight{mode}_repeat"] = figures(fetches, repeat=True)
    return lines


def report(lines: dict[str, dict[str, float | int]], *, show_budgets: bool) -> bool:
    """Prints the lines; whether every budget is kept."""
    kept = True
    for name, values in lines.items():
        budget = BUDGETS.get(name)
        shown = {"kb": values["kb"], **({"budget": budget} if budget is not None else {})}
        shown.update((key, value) for key, value in values.items() if key != "kb")
        print(f"{name}: " + " ".join(f"{k}={v if isinstance(v, int) else f'{v:.1f}'}" for k, v in shown.items()))
        if budget is not None and values["kb"] > budget:
            kept = False
    if show_budgets:
        print()
        for name, budget in BUDGETS.items():
            kb = lines[name]["kb"]
            print(f"budget {name}: kb={kb:.1f} {'EXCEEDS' if kb > budget else 'within'} budget={budget}")
    return kept


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="cascade-weight-"))
    old_config = None
    try:
        configure_environment(workdir)
        import django

        django.setup()
        allow_test_client_host()
        from django.test.utils import teardown_databases

        try:
            old_config = create_databases(workdir)
            lines = measure(Bench(learner=create_learner()), verbose=args.verbose)
        finally:
            if old_config is not None:
                teardown_databases(old_config, verbosity=0)
        kept = report(lines, show_budgets=args.budget)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if args.budget and not kept else 0


if __name__ == "__main__":
    sys.exit(main())
