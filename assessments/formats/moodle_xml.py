"""Moodle XML question files: reading them into ParsedQuestions, and writing ParsedQuestions back.

The format is Moodle's own ("Moodle XML format" in Moodle's documentation). Reading follows Moodle's importer,
``question/format/xml/format.php``, and for ordering questions the qtype_ordering plugin's ``import_from_xml``:

* ``<question type="category">`` sets the category of the questions after it: ``$course$/top/A/B`` becomes "A/B".
* A question is read, and written, by the question type whose ``moodle_names`` name its ``type``
  (``assessments/question_types/``): among them ``multichoice`` (``<single>`` true: single choice, false:
  multiple response), ``truefalse``, ``shortanswer``, ``numerical``, ``matching`` (or ``match``), ``essay``,
  ``description`` and ``ordering``.
* Fractions are percentages of the question's mark (``fraction="50"`` is half marks); negative ones only for
  multiple choice.
* Texts are made safe HTML by ``to_html`` from their ``format`` (html, markdown, plain_text, moodle_auto_format).

A question is imported whole or not at all: every ParseIssue names a question that was left out, with the line
where its ``<question>`` starts (or, with no question, says why the whole file was refused). So cloze, calculated,
drag-and-drop and other types, questions with embedded files (``<file>``, ``@@PLUGINFILE@@``), numerical questions
with units or a ``*`` catch-all answer, and questions that cannot be answered for full marks are reported, not
changed. What Cascade has no place for is dropped without a word: hints, penalties, combined feedback ("correct",
"partially correct", "incorrect"), essay response options and grader information, ordering display and grading
options, per-item feedback of ordering questions.

The XML is parsed by defusedxml, which refuses entity declarations (the "billion laughs"), external entities and
external DTDs. ElementTree keeps no line numbers, so they are found by a separate scan of the ``<question`` start
tags, in document order, outside comments, CDATA sections, processing instructions and the DOCTYPE.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring, tostring
from django.utils.translation import gettext as _

from ..question_types import registry
from .base import (
    HTML,
    MARKDOWN,
    MOODLE,
    PLAIN,
    ParsedQuestion,
    ParseIssue,
    ParseResult,
    plain_text,
    to_html,
)

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["export_moodle_xml", "parse_moodle_xml"]

# Moodle's names of text formats (question/format/xml/format.php, trans_format). Moodle reads an unknown name as
# html; its long-gone "wiki_like" is shown here as Moodle auto-format, text with line breaks.
_FORMATS = {"html": HTML, "markdown": MARKDOWN, "plain_text": PLAIN, "moodle_auto_format": MOODLE, "wiki_like": MOODLE}
_PLUGINFILE = "@@PLUGINFILE@@"
_LABEL_LENGTH = 60

# Markup that may hide a "<question" which is no start tag, and the start tags themselves. In well-formed XML a "<"
# outside comments, CDATA, processing instructions and the DOCTYPE always opens markup: "<" is not allowed in
# attribute values or character data.
_SKIPPED = r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:\[.*?\]|[^>\[])*>"
_QUESTION_TAGS = re.compile(rf"{_SKIPPED}|<question(?=[\s/>])", re.S)
_FIRST_TAG = re.compile(rf"{_SKIPPED}|<(?=[^!?/])", re.S)
_NEWLINES = re.compile(r"\r\n?|\n")  # as expat counts lines
_CONTEXT = re.compile(r"^\$[a-z0-9_]+\$(?:/|$)", re.I)  # $course$/, $module$/, $system$/, $coursecategory$/
_POSITION = re.compile(r":\s*line \d+, column \d+\s*$")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Skip(Exception):
    """The question cannot be imported as it is; the message says why."""


# Reading


def parse_moodle_xml(data: bytes) -> ParseResult:
    """The questions of a Moodle XML file, and the issues with those that could not be imported."""
    result = ParseResult()
    try:
        root = fromstring(data)
    except ParseError as error:
        line, column = error.position
        detail = _POSITION.sub("", str(error))
        message = _("The file is not well-formed XML (line %(line)s, column %(column)s): %(error)s.") % {
            "line": line,
            "column": column + 1,
            "error": detail,
        }
        result.issues.append(ParseIssue(line=line, question="", message=message))
        return result
    except DefusedXmlException:
        text = _as_text(data)
        line = _line_at(text, max(text.find("<!ENTITY"), 0))
        message = _(
            "The file declares XML entities or refers to external ones, which are refused for safety. "
            "Moodle never writes them: export the questions from Moodle again."
        )
        result.issues.append(ParseIssue(line=line, question="", message=message))
        return result

    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]  # Moodle uses no namespaces; ignore any
    text = _as_text(data)
    if root.tag != "quiz":
        message = _("This is not a Moodle XML question file: its root element is <%(tag)s>, not <quiz>.") % {
            "tag": root.tag
        }
        result.issues.append(ParseIssue(line=_first_tag_line(text), question="", message=message))
        return result

    elements = list(root.iter("question"))
    lines = _question_lines(text)
    line_of = {id(element): line for element, line in zip(elements, lines, strict=False)}
    if len(lines) != len(elements):  # cannot happen in well-formed XML; better no line than a wrong one
        line_of = {}

    category = ""
    for element in root.findall("question"):
        line = line_of.get(id(element), 0)
        qtype = (element.get("type") or "").strip()
        if qtype == "category":
            category = _category_path(element)
            continue
        try:
            question = _read_question(element, qtype)
        except Skip as skip:
            result.issues.append(ParseIssue(line=line, question=_label(element), message=str(skip)))
        else:
            question.line = line
            question.category = category
            result.questions.append(question)
    return result


def _read_question(element: Element, qtype: str) -> ParsedQuestion:
    kind = registry.by_moodle_name(qtype)
    if kind is None:
        if not qtype:
            raise Skip(_("The question has no type; it was not imported."))
        raise Skip(_("Unsupported question type “%(type)s”; the question was not imported.") % {"type": qtype})
    if _has_embedded_files(element):
        raise Skip(
            _(
                "The question has embedded files (images, sound or other attachments), which cannot be imported "
                "yet; it was not imported. Remove the files in Moodle, or add the question by hand."
            )
        )

    text_element = element.find("questiontext")
    text_format = format_of(text_element, HTML)
    text = to_html(text_of(text_element), text_format)
    if not text:
        raise Skip(_("The question has no text; it was not imported."))
    name = plain_text(text_of(element.find("name"))) or shorten(plain_text(text))
    feedback_element = element.find("generalfeedback")
    question = ParsedQuestion(
        qtype=qtype,  # replaced by the type that reads it
        name=name,
        text=text,
        general_feedback=to_html(text_of(feedback_element), format_of(feedback_element, text_format)),
        default_mark=decimal_of(element.findtext("defaultgrade"), Decimal(1), _("default mark")),
        tags=_tags(element),
        idnumber=(element.findtext("idnumber") or "").strip(),
    )
    if question.default_mark < 0:
        raise Skip(_("The default mark cannot be negative; the question was not imported."))
    question.qtype = kind.constant
    kind.moodle_read(element, question, text_format)
    return question


def _inner(element: Element) -> str:
    """An element's content as text: hand-written files sometimes put XHTML in <text> without CDATA."""
    return (element.text or "") + "".join(tostring(child, encoding="unicode") for child in element)


def text_of(container: Element | None) -> str:
    """The content of ``container``'s <text>, stripped as Moodle does."""
    if container is None:
        return ""
    text = container.find("text")
    return "" if text is None else _inner(text).strip()


def format_of(element: Element | None, default: str) -> str:
    name = (element.get("format") or "").strip() if element is not None else ""
    if not name:
        return default
    return _FORMATS.get(name, HTML)


def feedback_of(answer: Element, text_format: str) -> str:
    feedback = answer.find("feedback")
    return to_html(text_of(feedback), format_of(feedback, text_format))


def shorten(text: str) -> str:
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1].rstrip() + "…"


def _label(element: Element) -> str:
    """The question's name, or the start of its text, for the person importing to find it."""
    name = plain_text(text_of(element.find("name")))
    return name or shorten(plain_text(text_of(element.find("questiontext"))))


def bool_of(value: str | None, *, default: bool) -> bool:
    """Moodle's reading of <single>, <shuffleanswers> and <usecase>: "false", "0" and "" are false."""
    if value is None:
        return default
    return value.strip().lower() not in ("", "0", "false", "no")


def decimal_of(value: str | None, default: Decimal | None, what: str) -> Decimal:
    value = (value or "").strip()
    if not value and default is not None:
        return default
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = None
    # A bounded exponent: "1e999999999" is a number, but not one to write out again.
    if number is None or not number.is_finite() or abs(number.adjusted()) > 30:
        raise Skip(
            _("The %(what)s “%(value)s” is not a number; the question was not imported.")
            % {"what": what, "value": shorten(value)}
        )
    return number


def fraction_of(answer: Element, *, negative: bool) -> Decimal:
    """An answer's fraction of the mark: Moodle writes percentages, fraction="50" is 0.5."""
    percent = decimal_of(answer.get("fraction"), Decimal(0), _("fraction"))
    low = -100 if negative else 0
    if not low <= percent <= 100:
        raise Skip(
            _("The fraction %(fraction)s is outside %(low)s to 100; the question was not imported.")
            % {"fraction": number(percent), "low": low}
        )
    return percent / 100


def _tags(element: Element) -> list[str]:
    tags: list[str] = []
    for tag in element.iterfind("tags/tag"):
        name = " ".join(text_of(tag).split())
        if name and name not in tags:
            tags.append(name)
    return tags


def _has_embedded_files(element: Element) -> bool:
    for node in element.iter():
        if node.tag == "file" or (node.tag in ("image", "image_base64") and (node.text or "").strip()):
            return True
        values = [node.text or "", node.tail or "", *node.attrib.values()]
        if any(_PLUGINFILE in value for value in values):
            return True
    return False


def _category_path(element: Element) -> str:
    """The category path without its context and Moodle's hidden "top": "$course$/top/A/B" is "A/B"."""
    category = element.find("category")
    if category is None:
        return ""
    raw = text_of(category) if category.find("text") is not None else (category.text or "").strip()
    path = _CONTEXT.sub("", raw.strip(), count=1).strip()
    if path == "top":
        return ""
    if path.startswith("top/"):
        path = path[len("top/") :]
    return path.strip().strip("/").strip()


def _as_text(data: bytes) -> str:
    """The file as text for scanning: only the ASCII markup matters, so Latin-1 does for UTF-8 and its kin."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _line_at(text: str, index: int) -> int:
    return 1 + len(_NEWLINES.findall(text, 0, index))


def _question_lines(text: str) -> list[int]:
    """The 1-based line of every <question start tag, in document order."""
    lines: list[int] = []
    line, position = 1, 0
    for match in _QUESTION_TAGS.finditer(text):
        if match.group().startswith("<question"):
            line += len(_NEWLINES.findall(text, position, match.start()))
            position = match.start()
            lines.append(line)
    return lines


def _first_tag_line(text: str) -> int:
    for match in _FIRST_TAG.finditer(text):
        if match.group() == "<":
            return _line_at(text, match.start())
    return 1


# Writing


def export_moodle_xml(questions: list[ParsedQuestion]) -> bytes:
    """``questions`` as a Moodle XML file, in UTF-8, with a category entry wherever the category changes.

    Texts are written as HTML. ``parse_moodle_xml`` reads the file back to the same questions, and Moodle imports it.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    category = ""
    for question in questions:
        if question.category != category:
            category = question.category
            path = f"$course$/top/{category}" if category else "$course$/top"
            lines += ['  <question type="category">', "    <category>", f"      <text>{cdata(path)}</text>"]
            lines += ["    </category>", "  </question>"]
        lines += _question_xml(question)
    lines.append("</quiz>")
    return ("\n".join(lines) + "\n").encode()


def _question_xml(question: ParsedQuestion) -> list[str]:
    kind = registry.get(question.qtype)
    if not kind.moodle_names:
        raise ValueError(f"Moodle XML cannot write a question of type {question.qtype!r}")
    lines = [f'  <question type="{kind.moodle_names[0]}">']
    # Names are read as HTML without its tags (as Moodle cleans them), so a plain name is written escaped.
    lines += _text_xml("name", html.escape(question.name, quote=False), indent=4, text_format=None)
    lines += _text_xml("questiontext", question.text, indent=4)
    lines += _text_xml("generalfeedback", question.general_feedback, indent=4)
    lines.append(f"    <defaultgrade>{number(question.default_mark)}</defaultgrade>")
    lines.append(f"    <idnumber>{cdata(question.idnumber)}</idnumber>")

    lines += kind.moodle_write(question)

    if question.tags:
        lines.append("    <tags>")
        lines += [f"      <tag><text>{cdata(tag)}</text></tag>" for tag in question.tags]
        lines.append("    </tags>")
    lines.append("  </question>")
    return lines


def _text_xml(tag: str, text: str, *, indent: int, text_format: str | None = "html") -> list[str]:
    space = " " * indent
    attribute = f' format="{text_format}"' if text_format else ""
    return [f"{space}<{tag}{attribute}>", f"{space}  <text>{cdata(text)}</text>", f"{space}</{tag}>"]


def answer_xml(text: str, fraction: Decimal, feedback: str, text_format: str, extra: str = "") -> list[str]:
    lines = [f'    <answer fraction="{number(fraction * 100)}" format="{text_format}">']
    lines.append(f"      <text>{cdata(text)}</text>")
    lines += _text_xml("feedback", feedback, indent=6)
    if extra:
        lines.append(extra)
    lines.append("    </answer>")
    return lines


def cdata(text: str) -> str:
    """Text for an XML element, in a CDATA section if it has markup (as Moodle's exporter writes it)."""
    text = _XML_INVALID.sub("", text)
    if not any(character in text for character in "<>&"):
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def number(value: Decimal | int) -> str:
    text = format(Decimal(value).normalize(), "f")
    return "0" if text == "-0" else text


def true(value: bool) -> str:
    return "true" if value else "false"
