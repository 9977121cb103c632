"""The format-neutral shape of an imported question, shared by every parser and exporter.

Marks are Moodle's "fractions" of the question's mark: 1 is full marks, 0.5 half, and a negative
fraction takes marks away (multiple response). All text is HTML, already sanitised by ``to_html``.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from html import unescape

import nh3
from django.utils.html import escape, linebreaks
from markdown_it import MarkdownIt

# The question types of the bank (see assessments.models.QuestionType).
SINGLE_CHOICE = "single_choice"
MULTIPLE_RESPONSE = "multiple_response"
TRUE_FALSE = "true_false"
SHORT_ANSWER = "short_answer"
NUMERIC = "numeric"
MATCHING = "matching"
ORDERING = "ordering"
ESSAY = "essay"
DESCRIPTION = "description"  # text only, no answer (a scenario's stem, an instruction)
QUESTION_TYPES = (
    SINGLE_CHOICE,
    MULTIPLE_RESPONSE,
    TRUE_FALSE,
    SHORT_ANSWER,
    NUMERIC,
    MATCHING,
    ORDERING,
    ESSAY,
    DESCRIPTION,
)

# Text formats, as GIFT's [html] / [markdown] / [plain] / [moodle] and Moodle XML's format="…" name them.
HTML, MARKDOWN, PLAIN, MOODLE = "html", "markdown", "plain", "moodle"

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "ul", "ol", "li", "a", "code", "pre",
    "blockquote", "h3", "h4", "h5", "h6", "span", "table", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
_markdown = MarkdownIt("commonmark", {"html": False})


def to_html(text: str, text_format: str = HTML) -> str:
    """``text`` in ``text_format`` as safe HTML: scripts, styles and event handlers removed."""
    text = text.strip()
    if not text:
        return ""
    if text_format == MARKDOWN:
        html = _markdown.render(text)
    elif text_format in (PLAIN, MOODLE):
        html = linebreaks(escape(text)) if text_format == MOODLE else escape(text)
    else:
        html = text
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}, "img": {"src", "alt"}}).strip()


def plain_text(html: str) -> str:
    """The text of ``html`` on one line: tags dropped, entities decoded, runs of space made one."""
    return " ".join(unescape(nh3.clean(html, tags=set())).split())


@dataclass
class ParsedChoice:
    """An answer of a choice, short-answer or true/false question."""

    text: str  # HTML; for short answer, the accepted answer as plain text
    fraction: Decimal  # of the question's mark, from -1 to 1
    feedback: str = ""  # HTML, shown after submission when this answer was given


@dataclass
class ParsedNumericAnswer:
    value: Decimal
    tolerance: Decimal = Decimal(0)  # accepted: value ± tolerance
    fraction: Decimal = Decimal(1)
    feedback: str = ""


@dataclass
class ParsedPair:
    """A matching pair: the prompt on the left, the answer to match it with on the right."""

    prompt: str  # HTML
    answer: str  # plain text; several prompts may share one; an answer without a prompt is a distractor


@dataclass
class ParsedQuestion:
    qtype: str  # one of QUESTION_TYPES
    name: str  # the title editors see in the bank; never shown to learners
    text: str  # HTML
    line: int = 0  # where the question starts in the source file, from 1
    category: str = ""  # "Parent/Child" path, or "" for the import's default category
    default_mark: Decimal = Decimal(1)
    general_feedback: str = ""  # HTML, shown after submission whatever the answer
    # single/multiple response and short answer: the answers; true/false: exactly two choices whose
    # text is "true" and "false", the right one with fraction 1 and the other 0.
    choices: list[ParsedChoice] = field(default_factory=list)
    numeric_answers: list[ParsedNumericAnswer] = field(default_factory=list)
    pairs: list[ParsedPair] = field(default_factory=list)  # matching
    order: list[str] = field(default_factory=list)  # ordering: the items (HTML) in their correct order
    shuffle: bool = True  # may the choices be shown in another order
    case_sensitive: bool = False  # short answer
    tags: list[str] = field(default_factory=list)
    idnumber: str = ""  # Moodle's ID number, kept so re-importing the same file changes nothing


@dataclass
class ParseIssue:
    line: int
    question: str  # the question's name or the start of its text, to find it in the file
    message: str  # translated, for the person importing


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
