"""A lesson's body as HTML, rendered once and shared by every reader until the page tree changes.

Rendering a StreamField (rich text with page links, image renditions, nested content notes) is most
of a lesson page's cost, and nearly all of it is the same for every learner. Only the blocks that
show the reader's own data are rendered per request: a reflection (their private answer, a CSRF
token) and a knowledge check (the answer they just checked). Low-data mode (smaller pictures, no
video player) has a body of its own."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.translation import get_language

from .page_cache import cached
from .support import support_for

# Blocks whose HTML depends on who reads them.
PERSONAL_BLOCK_TYPES = frozenset({"reflection", "knowledge_check"})
# What "includes/lesson_block.html" puts around a block (the page includes that template for a
# personal block, the preview for every block).
WRAPPER = '<div class="block block-{type}" id="block-{id}">{html}</div>'


@dataclass(frozen=True)
class BodyPart:
    html: str  # "" for a personal block
    block: object = None  # the bound block, for a personal block only

    @property
    def template(self) -> str:
        """A personal block's own template, included straight into the page: Wagtail's
        ``include_block`` would copy the whole page context into a new one for each."""
        return self.block.block.meta.template if self.block is not None else ""


def _shared_html(lesson, low_data: bool) -> list[str]:
    # Every content note shows whom to call; the lines are cached with the tree like this HTML.
    support = support_for(lesson) if any(raw["type"] == "content_note" for raw in lesson.body.raw_data) else ()
    context = {"page": lesson, "support": support, "low_data": low_data}
    html = []
    for index, raw in enumerate(lesson.body.raw_data):
        if raw["type"] in PERSONAL_BLOCK_TYPES:
            html.append("")
            continue
        # The same HTML as "includes/lesson_block.html" gives, without rendering that template
        # around each block: the block's own template is rendered as ``include_block`` renders it.
        block = lesson.body[index]
        inner = block.render_as_block(context={**context, "block": block, "block_id": block.id})
        html.append(format_html(WRAPPER, type=block.block_type, id=block.id, html=inner))
    return html


def lesson_body_parts(lesson, *, low_data: bool = False) -> list[BodyPart]:
    """The body in order: shared blocks as cached HTML, personal ones as blocks to render now."""
    low_data = bool(low_data)
    shared = cached(
        "lesson-body",
        f"{lesson.pk}:{get_language()}:{'low' if low_data else 'full'}",
        lambda: _shared_html(lesson, low_data),
    )
    raw_blocks = lesson.body.raw_data
    if len(shared) != len(raw_blocks):  # cannot happen within one tree version; never show a wrong body
        shared = _shared_html(lesson, low_data)
    return [
        BodyPart(html="", block=lesson.body[index]) if raw["type"] in PERSONAL_BLOCK_TYPES else BodyPart(html=html)
        for index, (raw, html) in enumerate(zip(raw_blocks, shared, strict=True))
    ]


def has_reflections(lesson) -> bool:
    return any(raw["type"] == "reflection" for raw in lesson.body.raw_data)


# Blocks that play an uploaded file, and the field that holds it; a content note holds blocks too.
MEDIA_FIELDS = {"video": "video", "audio": "audio"}


def media_document_ids(body) -> list[int]:
    """The ids of the documents a lesson body plays (videos and recordings, those inside content
    notes too), in reading order, read from the stored data without loading a block."""
    found = []

    def walk(blocks):
        for raw in blocks or ():
            kind, value = raw.get("type"), raw.get("value")
            if kind in MEDIA_FIELDS and isinstance(value, dict) and value.get(MEDIA_FIELDS[kind]):
                found.append(int(value[MEDIA_FIELDS[kind]]))
            elif kind == "content_note" and isinstance(value, dict):
                walk(value.get("content"))

    walk(getattr(body, "raw_data", body))
    return found
