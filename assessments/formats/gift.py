"""GIFT, Moodle's plain-text question format: ``parse_gift`` reads it and ``export_gift`` writes it.

The reader follows Moodle's own (question/format/gift/format.php) and its documentation ("GIFT format" in
MoodleDocs), so that a file Moodle imports gives the same questions here:

- Questions are separated by blank lines; a line starting with ``//`` is a comment. ``[id:…]`` and
  ``[tag:…]`` in a question's comments give its ID number and tags, as Moodle exports them.
- ``$CATEGORY: path`` puts the questions after it into that category. Moodle's context marker (``$course$/``
  and the like) and its ``top`` category are dropped: ``$course$/top/A/B`` becomes ``A/B``.
- ``::title::`` names the question; without one the name is the start of its text.
- ``[html]``, ``[markdown]``, ``[plain]`` or ``[moodle]`` before a text gives its format. The question text
  defaults to ``default_format`` (Moodle's own default is ``[moodle]``); its answers and feedback default to
  the question text's format. Every text becomes sanitised HTML through ``to_html``.
- A backslash makes ``~ = # { } :`` ordinary characters; ``\\n`` is a line break and ``\\\\`` a backslash.
- The answer block ``{…}`` decides the type, as in Moodle: none is a description; ``{}`` an essay; ``{#…}``
  numeric (``value``, ``value:tolerance`` or ``low..high``, several as ``=%50%value:tolerance``); any ``~``
  a choice question (single choice when an answer is marked ``=``, multiple response when none is);
  ``=prompt -> answer`` matching; ``{T}``, ``{TRUE}``, ``{F}``, ``{FALSE}`` true/false
  (``{TRUE#shown for the wrong answer#shown for the right one}``); anything else a short answer.
- ``%50%`` weights an answer, ``#`` starts an answer's feedback and ``####`` the general feedback.
- An answer block inside the text ("missing word") leaves ``_____`` in its place, unless it ends the
  question; text after the block is kept, as Moodle keeps it.

Where this reader is stricter than Moodle, which would import a broken question silently, it reports a
``ParseIssue`` and skips that question: a second answer block or a stray brace in one question (usually two
questions without a blank line between them, or an unescaped brace), a weight it cannot read, an answer
with a weight or feedback but no text, a question without text, a multiple-response question whose right
answers do not add up to 100%, a short-answer, numeric or single-choice question that no answer gives full
marks, and numeric feedback for "any other answer" (``~#…``), which the bank cannot hold.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NoReturn

from django.utils.translation import gettext as _

from ..question_types import registry
from .base import (
    DESCRIPTION,
    ESSAY,
    HTML,
    MARKDOWN,
    MATCHING,
    MOODLE,
    MULTIPLE_RESPONSE,
    NUMERIC,
    PLAIN,
    SHORT_ANSWER,
    SINGLE_CHOICE,
    TRUE_FALSE,
    ParsedChoice,
    ParsedNumericAnswer,
    ParsedPair,
    ParsedQuestion,
    ParseIssue,
    ParseResult,
    plain_text,
    to_html,
)

FORMATS = {"html": HTML, "markdown": MARKDOWN, "plain": PLAIN, "moodle": MOODLE}
BLANK = "_____"  # where a "missing word" answer block stood
NAME_LENGTH = 40  # of a name taken from the question text
MAX_NAME_LENGTH = 255

# While a question is read, each escaped control character stands in as a private-use character, so that
# splitting on the control characters passes it by; ``_restore`` turns it back into the character.
_PLACEHOLDERS = {
    ":": "\ue000",
    "#": "\ue001",
    "=": "\ue002",
    "{": "\ue003",
    "}": "\ue004",
    "~": "\ue005",
    "n": "\ue006",
}
_RESTORE = str.maketrans({mark: ("\n" if char == "n" else char) for char, mark in _PLACEHOLDERS.items()})
_DROP_PLACEHOLDERS = str.maketrans(dict.fromkeys(_PLACEHOLDERS.values()))
_ESCAPED = re.compile(r"\\([\\:#={}~n])")
_EXPORT_ESCAPES = str.maketrans(
    {"\\": "\\\\", "#": "\\#", "=": "\\=", "~": "\\~", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
)

_WEIGHT = re.compile(r"%([^%\s]{0,12})%")  # what is meant as a weight; a longer "%…%" is text
_PERCENT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_IDNUMBER = re.compile(r"\[id:((?:\\\]|[^\]\[\x00-\x1f\x7f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_CONTEXT = re.compile(r"^\$[a-z]*\$/?")  # $course$/, $system$/, $module$/, $coursecategory$/
_CATEGORY_SEPARATOR = re.compile(r"(?<!/)/(?!/)")  # Moodle writes a "/" inside a category name as "//"
_ROUNDING = Decimal("0.005")  # Moodle rounds the right answers' total to whole percent before comparing


def _protect(text: str) -> str:
    return _ESCAPED.sub(lambda match: "\\" if match[1] == "\\" else _PLACEHOLDERS[match[1]], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _with_format(raw: str, default: str) -> tuple[str, str]:
    """Moodle's parse_text_with_format: an optional leading ``[format]``; the text with its escapes restored."""
    raw = raw.strip()
    text_format = default
    if raw.startswith("["):
        end = raw.find("]")
        if end != -1 and raw[1:end] in FORMATS:
            text_format, raw = FORMATS[raw[1:end]], raw[end + 1 :]
    return text_format, _restore(raw).strip()


def _shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[:length]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def _name_from_text(html: str) -> str:
    return _shorten(plain_text(html), NAME_LENGTH) or _("Untitled question")


def _category_path(raw: str) -> str:
    """``$course$/top/A/B`` → ``A/B``; ``top`` alone → "" (the import's own category)."""
    path = _CONTEXT.sub("", raw.strip())
    names = [name.replace("//", "/").strip() for name in _CATEGORY_SEPARATOR.split(path)]
    names = [name for name in names if name]
    if names and names[0] == "top":
        names = names[1:]
    return "/".join(names)


def _idnumber_and_tags(comments: str) -> tuple[str, list[str]]:
    """Moodle's extract_idnumber_and_tags_from_comment: ``[id:…]`` (the first) and every ``[tag:…]``."""
    match = _IDNUMBER.search(comments)
    idnumber = match[1].replace("\\]", "]").strip() if match else ""
    tags = [raw.replace("\\]", "]").strip() for raw in _TAG.findall(comments)]
    return idnumber, [tag for tag in tags if tag]


@dataclass
class _Block:
    """The lines of one question (or category switch), without its comments and with its escapes protected."""

    text: str
    line_numbers: list[int]  # in the file, of each line of ``text``
    comments: str

    def line_at(self, position: int) -> int:
        return self.line_numbers[self.text.count("\n", 0, position)]


def _blocks(source: str):
    source = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").translate(_DROP_PLACEHOLDERS)
    lines: list[str] = []
    numbers: list[int] = []
    comments: list[str] = []
    for number, line in enumerate([*source.split("\n"), ""], start=1):
        stripped = line.strip()
        if not stripped:
            if lines:
                yield _Block(_protect("\n".join(lines)), numbers, "\n".join(comments))
            lines, numbers, comments = [], [], []
        elif stripped.startswith("//"):
            comments.append(stripped)
        else:
            lines.append(stripped)  # Moodle trims every line too
            numbers.append(number)


def _split(text: str, position: int, separators: str) -> list[tuple[str, str, int]]:
    """``text`` cut before each separator: (separator, piece without it, stripped; where the piece starts).

    As in Moodle, text before the first separator counts as a piece only when it is not blank.
    """
    pieces, marker, begin = [], "", 0
    for index, char in enumerate(text):
        if char in separators:
            pieces.append((marker, text[begin:index]))
            marker, begin = char, index + 1
    pieces.append((marker, text[begin:]))
    result, offset = [], position
    for marker, piece in pieces:
        stripped = piece.lstrip()
        result.append((marker, stripped.rstrip(), offset + len(piece) - len(stripped)))
        offset += len(piece) + 1
    if result and not result[0][0] and not result[0][1]:
        result.pop(0)
    return result


def _is_truefalse(answer: str) -> bool:
    hash_at = answer.find("#")
    word = answer[:hash_at].strip() if hash_at > 0 else answer
    return word in ("T", "TRUE", "F", "FALSE")


class _Problem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class _QuestionReader:
    """Reads one question of a block, from ``start`` (the position of its first character) to the block's end."""

    def __init__(self, block: _Block, start: int, default_format: str, category: str):
        self.block, self.start, self.default_format, self.category = block, start, default_format, category
        self.text_format = default_format
        # Until the text is read, an issue names the question by the start of its raw text.
        self.name = _name_from_text(_with_format(block.text[start:].split("{", 1)[0], default_format)[1])

    def fail(self, position: int, message: str, **params) -> NoReturn:
        line = self.block.line_at(position)
        raise _Problem(line, message % {"line": line, **params})

    def rich(self, raw: str) -> str:
        """An answer's feedback or the general feedback, in the question text's format unless it says otherwise."""
        text_format, text = _with_format(raw, self.text_format)
        return to_html(text, text_format)

    def read(self) -> ParsedQuestion:
        rest, position = self.block.text[self.start :], self.start
        title = None
        if rest.startswith("::"):
            close = rest.find("::", 2)
            if close == -1:  # Moodle drops the "::" and names the question from its text
                rest, position = rest[2:], position + 2
            else:
                title = _shorten(plain_text(_restore(rest[2:close])), MAX_NAME_LENGTH)
                after = rest[close + 2 :]
                rest = after.lstrip()
                position += close + 2 + len(after) - len(rest)
                self.name = title or self.name

        answer, answer_at, general = None, position, ""
        open_at, close_at = rest.find("{"), rest.find("}")
        if open_at == -1 and close_at == -1:
            question_text = rest
        else:
            if open_at == -1 or (close_at != -1 and close_at < open_at):
                self.fail(position + close_at, _("Line %(line)s: “}” closes an answer block that was never opened."))
            if close_at == -1:
                self.fail(position + open_at, _("Line %(line)s: the answer block opened with “{” is never closed."))
            extra = [at for at in (rest.find("{", close_at + 1), rest.find("}", close_at + 1)) if at != -1]
            if extra:
                self.fail(
                    position + min(extra),
                    _(
                        "Line %(line)s: a question can have only one answer block {…}. Separate questions with a "
                        "blank line, and write a brace that is part of the text as \\{ or \\}."
                    ),
                )
            blank = "" if close_at == len(rest) - 1 else BLANK
            question_text = rest[:open_at] + blank + rest[close_at + 1 :]
            inside = rest[open_at + 1 : close_at]
            answer = inside.strip()
            answer_at = position + open_at + 1 + len(inside) - len(inside.lstrip())
            general_at = answer.rfind("####")
            if general_at != -1:
                answer, general = answer[:general_at].rstrip(), answer[general_at + 4 :]

        self.text_format, text = _with_format(question_text, self.default_format)
        idnumber, tags = _idnumber_and_tags(self.block.comments)
        question = ParsedQuestion(
            qtype=DESCRIPTION,
            name="",
            text=to_html(text, self.text_format),
            line=self.block.line_at(self.start),
            category=self.category,
            general_feedback=self.rich(general),
            tags=tags,
            idnumber=idnumber,
        )
        question.name = title or _name_from_text(question.text)
        self.name = question.name
        if not question.text:
            self.fail(self.start, _("Line %(line)s: the question has no text."))

        if answer is None:
            question.default_mark = Decimal(0)  # as Moodle imports a description
        elif answer == "":
            question.qtype = ESSAY
        elif answer.startswith("#"):
            question.qtype = NUMERIC
            question.numeric_answers = self.numeric(answer, answer_at)
        elif "~" in answer:
            question.qtype = SINGLE_CHOICE if "=" in answer else MULTIPLE_RESPONSE
            question.choices = self.choices(answer, answer_at, single=question.qtype == SINGLE_CHOICE)
        elif "=" in answer and "->" in answer:
            question.qtype = MATCHING
            question.pairs = self.pairs(answer, answer_at)
        elif _is_truefalse(answer):
            question.qtype = TRUE_FALSE
            question.choices = self.truefalse(answer)
        else:
            question.qtype = SHORT_ANSWER
            question.choices = self.short_answers(answer, answer_at)
        return question

    def weight(self, piece: str, position: int) -> tuple[Decimal | None, str]:
        """A leading ``%50%`` as a fraction (0.5), and the rest of the piece; ``None`` where there is none."""
        match = _WEIGHT.match(piece)
        if not match:
            return None, piece
        if not _PERCENT.fullmatch(match[1]):
            self.fail(
                position,
                _("Line %(line)s: “%(weight)s” is not an answer weight; write a percentage such as %%50%%."),
                weight=match[0],
            )
        percent = Decimal(match[1])
        if not -100 <= percent <= 100:
            self.fail(position, _("Line %(line)s: an answer weight must be between -100%% and 100%%."))
        return percent / 100, piece[match.end() :]

    def no_text(self, position: int) -> NoReturn:
        self.fail(position, _("Line %(line)s: an answer has a weight or feedback but no text."))

    def full_marks(self, fractions: list[Decimal]) -> None:
        if not fractions or max(fractions) < 1:
            self.fail(self.start, _("Line %(line)s: no answer gets full marks (100%%)."))

    def choices(self, answer: str, position: int, *, single: bool) -> list[ParsedChoice]:
        choices = []
        for marker, piece, at in _split(answer, position, "~="):
            if not piece:
                continue
            if marker == "=":
                if _WEIGHT.match(piece):
                    self.fail(
                        at,
                        _(
                            "Line %(line)s: in a choice question, give a weight after a tilde (~%%50%%answer); an "
                            "answer after = is the right one."
                        ),
                    )
                fraction, rest = Decimal(1), piece
            else:
                weight, rest = self.weight(piece, at)
                fraction = Decimal(0) if weight is None else weight
            text_raw, _hash, feedback = rest.partition("#")
            text_format, text = _with_format(text_raw, self.text_format)
            html = to_html(text, text_format)
            if not html:
                self.no_text(at)
            choices.append(ParsedChoice(text=html, fraction=fraction, feedback=self.rich(feedback)))
        if len(choices) < 2:
            self.fail(self.start, _("Line %(line)s: a choice question needs at least two answers."))
        positive = [choice.fraction for choice in choices if choice.fraction > 0]
        if not positive:
            self.fail(self.start, _("Line %(line)s: the question has no correct answer."))
        if single:
            self.full_marks(positive)
        elif abs(sum(positive) - 1) >= _ROUNDING:
            self.fail(
                self.start,
                _("Line %(line)s: the weights of the right answers add up to %(total)s%%, not 100%%."),
                total=percent(sum(positive)),
            )
        return choices

    def short_answers(self, answer: str, position: int) -> list[ParsedChoice]:
        choices = []
        for _marker, piece, at in _split(answer, position, "="):
            if not piece:
                continue
            weight, rest = self.weight(piece, at)
            fraction = Decimal(1) if weight is None else weight
            if fraction < 0:
                self.fail(at, _("Line %(line)s: a short or numeric answer cannot have a negative weight."))
            text_raw, _hash, feedback = rest.partition("#")
            text = _with_format(text_raw, self.text_format)[1]
            if not text:
                self.no_text(at)
            choices.append(ParsedChoice(text=text, fraction=fraction, feedback=self.rich(feedback)))
        if not choices:
            self.fail(self.start, _("Line %(line)s: the question has no answer."))
        self.full_marks([choice.fraction for choice in choices])
        return choices

    def truefalse(self, answer: str) -> list[ParsedChoice]:
        """``{TRUE#wrong#right}``: the first feedback is for the wrong choice, the second for the right one."""
        word, *feedback = answer.split("#", 2)
        wrong, right = (self.rich(text) for text in [*feedback, "", ""][:2])
        if word.strip() in ("T", "TRUE"):
            return [ParsedChoice("true", Decimal(1), right), ParsedChoice("false", Decimal(0), wrong)]
        return [ParsedChoice("true", Decimal(0), wrong), ParsedChoice("false", Decimal(1), right)]

    def pairs(self, answer: str, position: int) -> list[ParsedPair]:
        pairs = []
        for _marker, piece, at in _split(answer, position, "="):
            arrow = piece.find("->")
            if arrow == -1:
                self.fail(at, _("Line %(line)s: write each matching pair as =prompt -> answer."))
            text_format, prompt = _with_format(piece[:arrow], self.text_format)
            matched = _restore(piece[arrow + 2 :]).strip()
            if not matched:
                self.fail(at, _("Line %(line)s: a matching pair has nothing after “->” to match."))
            pairs.append(ParsedPair(prompt=to_html(prompt, text_format), answer=matched))
        if sum(1 for pair in pairs if pair.prompt) < 2:
            self.fail(self.start, _("Line %(line)s: a matching question needs at least two pairs."))
        return pairs

    def number(self, text: str, position: int) -> Decimal:
        text = text.strip()
        if not _NUMBER.fullmatch(text):
            self.fail(position, _("Line %(line)s: “%(answer)s” is not a number."), answer=text)
        return Decimal(text)

    def other_answers(self, feedback: str, position: int) -> None:
        """Moodle's "any other answer" (``~#feedback`` or ``*``): kept only when it says nothing."""
        if _restore(feedback).strip():
            self.fail(
                position,
                _(
                    "Line %(line)s: feedback for any other numeric answer (~#…) is not supported; put it in the "
                    "general feedback (####…) instead."
                ),
            )

    def numeric(self, answer: str, position: int) -> list[ParsedNumericAnswer]:
        body, position = answer[1:], position + 1
        tilde = body.find("~")
        if tilde != -1:
            self.other_answers(body[tilde + 1 :].partition("#")[2], position + tilde)
            body = body[:tilde]
        answers = []
        for _marker, piece, at in _split(body, position, "="):
            if not piece:
                continue
            weight, rest = self.weight(piece, at)
            fraction = Decimal(1) if weight is None else weight
            if fraction < 0:
                self.fail(at, _("Line %(line)s: a short or numeric answer cannot have a negative weight."))
            value_raw, _hash, feedback = rest.partition("#")
            value_text = _with_format(value_raw, self.text_format)[1]
            if value_text == "*":
                self.other_answers(feedback, at)
                continue
            dots, colon = value_text.find(".."), value_text.find(":")
            if dots > 0:
                low, high = self.number(value_text[:dots], at), self.number(value_text[dots + 2 :], at)
                if high < low:
                    self.fail(at, _("Line %(line)s: the range %(range)s ends below its start."), range=value_text)
                value = (low + high) / 2
                tolerance = high - value
            elif colon > 0:
                value, tolerance = self.number(value_text[:colon], at), self.number(value_text[colon + 1 :], at)
                if tolerance < 0:
                    self.fail(at, _("Line %(line)s: the accepted error of a numeric answer cannot be negative."))
            else:
                value, tolerance = self.number(value_text, at), Decimal(0)
            answers.append(ParsedNumericAnswer(value, tolerance, fraction, self.rich(feedback)))
        if not answers:
            self.fail(self.start, _("Line %(line)s: the question has no answer."))
        self.full_marks([numeric.fraction for numeric in answers])
        return answers


def parse_gift(text: str, *, default_format: str = MOODLE) -> ParseResult:
    """The questions of a GIFT file, and an issue for each question that could not be read (and was skipped).

    ``default_format`` is the question text's format where the file does not say (``[html]`` …).
    """
    result = ParseResult()
    category = ""
    for block in _blocks(text):
        start = len(block.text) - len(block.text.lstrip())
        if block.text.startswith("$CATEGORY:", start):
            end = block.text.find("\n", start)
            end = len(block.text) if end == -1 else end
            category = _category_path(_restore(block.text[start + len("$CATEGORY:") : end]))
            rest = block.text[end:]
            if not rest.strip():
                continue
            start = end + len(rest) - len(rest.lstrip())  # a question on the next line, without a blank line
        reader = _QuestionReader(block, start, default_format, category)
        try:
            result.questions.append(reader.read())
        except _Problem as problem:
            result.issues.append(ParseIssue(line=problem.line, question=reader.name, message=problem.message))
    return result


# Writing


def escape(text: str) -> str:
    return text.translate(_EXPORT_ESCAPES)


def rich(html: str, *, answer: bool = False) -> str:
    """HTML in a question whose text is [html]; a text that would read as a format (or a weight) says [html]."""
    marker = "[html]" if html.startswith("[") or (answer and html.startswith("%")) else ""
    return marker + escape(html)


def number_text(value) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def percent(fraction) -> str:
    return number_text(Decimal(str(fraction)) * 100)


def _bracketed(text: str) -> str:
    """An ID number or tag inside ``[id:…]`` or ``[tag:…]``: on one line, with any "]" escaped."""
    return " ".join(text.split()).replace("]", "\\]")


def _category_line(path: str) -> str:
    names = [name.strip() for name in path.split("/") if name.strip()]
    return "/".join(["$course$", "top", *names])


def _write_question(question: ParsedQuestion) -> str:
    lines = []
    marks = [f"[id:{_bracketed(question.idnumber)}]"] if question.idnumber else []
    marks += [f"[tag:{_bracketed(tag)}]" for tag in question.tags]
    if marks:
        lines.append("// " + " ".join(marks))
    head = f"::{escape(question.name)}::[html]{escape(question.text)}"
    general = f"####{rich(question.general_feedback)}" if question.general_feedback else ""
    lines += registry.get(question.qtype).gift_write(question, head, general)
    return "\n".join(lines) + "\n"


def export_gift(questions: list[ParsedQuestion]) -> str:
    """``questions`` as GIFT, in their order, that ``parse_gift`` reads back to equal questions (but for ``line``).

    Every text is written as ``[html]``, with ``$CATEGORY:`` lines where the category changes (as
    ``$course$/top/A/B``, which Moodle reads too), the name as the title, the ID number and tags in a
    ``// [id:…] [tag:…]`` comment, and weights as ``%50%``.

    GIFT cannot express everything in the bank, and this returns only the text:

    - types without a GIFT form (``in_gift`` false in their question type, such as ordering) are left out
      (callers that need to say so can count them);
    - the question's mark, whether its answers are shuffled and whether a short answer is case-sensitive are
      not written: reading the file back gives GIFT's defaults (mark 1, or 0 for a description; shuffled;
      case-insensitive);
    - a short answer containing "->" would read back as a matching question, as it does in Moodle.
    """
    parts, category = [], ""
    for question in questions:
        if not registry.get(question.qtype).in_gift:
            continue
        if question.category != category:
            parts.append(f"$CATEGORY: {_category_line(question.category)}\n")
            category = question.category
        parts.append(_write_question(question))
    return "\n".join(parts)
