"""Question bank import (architecture §4.6): parse the whole file, report every problem with its
line, then write all or nothing. A question already in the bank (same content, same language, same
category) is left alone, so importing the same file twice changes nothing, and neither does
importing an export of the bank back into it.

"Same content" is what the file's format can say: GIFT carries no mark, shuffling or case
sensitivity, so those are not compared for a GIFT file. Text is compared as sanitised HTML, so the
attributes the admin's editor adds (``data-block-key``) do not make a question new."""

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .formats.base import ParsedQuestion, ParseIssue, ParseResult, to_html
from .models import Question, QuestionCategory
from .question_types import registry

GIFT, MOODLE_XML = "gift", "moodlexml"
FORMATS = (GIFT, MOODLE_XML)
FORMAT_NAMES = {GIFT: "GIFT", MOODLE_XML: "Moodle XML"}
# What a format cannot write: a question read from it has the default there, whatever the bank holds.
NOT_CARRIED = {GIFT: ("default_mark", "shuffle", "case_sensitive"), MOODLE_XML: ()}


def parse(data: bytes, file_format: str) -> ParseResult:
    if file_format == GIFT:
        from .formats.gift import parse_gift

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ParseResult(issues=[ParseIssue(0, "", _("The file is not UTF-8 text."))])
        return parse_gift(text)
    if file_format == MOODLE_XML:
        from .formats.moodle_xml import parse_moodle_xml

        return parse_moodle_xml(data)
    raise ValueError(file_format)


@dataclass
class ImportReport:
    created: list[Question] = field(default_factory=list)
    unchanged: int = 0
    issues: list[ParseIssue] = field(default_factory=list)
    committed: bool = False


def _content(parsed: ParsedQuestion) -> dict:
    """What makes two questions the same, in one canonical form: the bank's precision for numbers,
    sanitised HTML for text, tags as a set; never where it came from (line, category)."""

    def html(text: str) -> str:
        return to_html(_source(text))

    return {
        "qtype": parsed.qtype,
        "name": parsed.name[:255].strip(),
        "text": html(parsed.text),
        "general_feedback": html(parsed.general_feedback),
        "default_mark": str(_q(parsed.default_mark, MARK)),
        "shuffle": parsed.shuffle,
        "case_sensitive": parsed.case_sensitive,
        "idnumber": parsed.idnumber[:100].strip(),
        "tags": sorted({tag.strip().casefold() for tag in parsed.tags}),
        "choices": [(html(c.text), str(_q(c.fraction, FRACTION)), html(c.feedback)) for c in parsed.choices],
        "numeric": [
            (str(_q(a.value, VALUE)), str(_q(a.tolerance, VALUE)), str(_q(a.fraction, FRACTION)), html(a.feedback))
            for a in parsed.numeric_answers
        ],
        "pairs": [(html(p.prompt), html(p.answer)) for p in parsed.pairs],
        "order": [html(item) for item in parsed.order],
    }


def _source(value) -> str:
    return value.source if hasattr(value, "source") else (value or "")


def digest(parsed: ParsedQuestion, language: str, file_format: str | None = None) -> str:
    """The question's content as a hash. ``file_format`` leaves out what that format cannot carry."""
    content = _content(parsed)
    for name in NOT_CARRIED.get(file_format, ()):
        content.pop(name)
    content["language"] = language
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _names(path: str) -> list[str]:
    return [name.strip() for name in path.split("/") if name.strip()]


def _from_top(category: QuestionCategory) -> list[str]:
    names = []
    while category is not None:
        names.append(category.name_mn)
        category = category.parent
    return names[::-1]


def _category(root: QuestionCategory | None, above: list[str], path: str, cache: dict) -> QuestionCategory:
    """The category for a question's ``path`` under ``root`` (whose names from the top are ``above``)."""
    names = _names(path)
    if root is not None:
        # An export names its categories from the top of the bank ("Банк/Дэд"): imported back under
        # "Банк", they are Банк's own categories, not a second "Банк" inside it.
        for depth in range(min(len(above), len(names)), 0, -1):
            if names[:depth] == above[-depth:]:
                names = names[depth:]
                break
    if not names and root is None:
        names = [_("Imported")]
    parent = root
    for name in names:
        key = (parent.pk if parent else None, name)
        if key not in cache:
            cache[key] = QuestionCategory.objects.get_or_create(parent=parent, name_mn=name)[0]
        parent = cache[key]
    return parent


# The bank's precision: marks to the hundredth, fractions to five places (33.33333 %), values to six.
MARK, FRACTION, VALUE = Decimal("0.01"), Decimal("0.00001"), Decimal("0.000001")


def _q(value: Decimal, step: Decimal) -> Decimal:
    return Decimal(value).quantize(step).normalize() + 0  # + 0 turns -0 into 0


def _quantize(value: Decimal, kind: str = "fraction") -> Decimal:
    """A fraction (or, with ``kind="value"``, a numeric answer's value) at the bank's precision."""
    return _q(value, VALUE if kind == "value" else FRACTION)


def _answers(parsed: ParsedQuestion) -> list[dict]:
    return registry.get(parsed.qtype).to_blocks(parsed, _quantize)


def _question(parsed: ParsedQuestion, category: QuestionCategory, locale: Locale, source_digest: str) -> Question:
    return Question(
        locale=locale,
        category=category,
        qtype=parsed.qtype,
        name=parsed.name[:255],
        text=parsed.text,
        answers=_answers(parsed),
        general_feedback=parsed.general_feedback,
        default_mark=_q(parsed.default_mark, MARK),
        shuffle=parsed.shuffle,
        case_sensitive=parsed.case_sensitive,
        idnumber=parsed.idnumber[:100],
        source_digest=source_digest,
    )


def _known(category: QuestionCategory, locale: Locale, language: str, file_format: str) -> set[str]:
    """The digests of the questions ``category`` already holds in ``locale``, however they got there:
    imported, made in the admin, or imported before digests compared content."""
    from .exporting import to_parsed

    questions = Question.objects.filter(category=category, locale=locale).prefetch_related("tags")
    return {digest(to_parsed(question, category_path=""), language, file_format) for question in questions}


def questions_import(
    *,
    data: bytes,
    file_format: str,
    language: str = "mn",
    category: QuestionCategory | None = None,
    new_category: str = "",
    dry_run: bool = False,
    skip_errors: bool = False,
) -> ImportReport:
    """Import a GIFT or Moodle XML file into the bank. With problems, nothing is written unless
    ``skip_errors``; then the good questions are. ``dry_run`` checks everything and writes nothing.

    ``new_category`` names a top-level category to put the questions under, created only if the
    questions are written."""
    result = parse(data, file_format)
    report = ImportReport(issues=list(result.issues))
    if not result.questions and not result.issues:
        report.issues.append(ParseIssue(0, "", _("The file holds no questions.")))
    locale = Locale.objects.get(language_code=language)
    categories: dict = {}
    known: dict[int, set[str]] = {}  # category → digests of the questions in it
    with transaction.atomic():
        if new_category:
            category = QuestionCategory.objects.get_or_create(parent=None, name_mn=new_category.strip())[0]
        above = _from_top(category) if category else []
        for parsed in result.questions:
            target = _category(category, above, parsed.category, categories)
            if target.pk not in known:
                known[target.pk] = _known(target, locale, language, file_format)
            source_digest = digest(parsed, language, file_format)
            if source_digest in known[target.pk]:
                report.unchanged += 1
                continue
            question = _question(parsed, target, locale, source_digest)
            try:
                question.full_clean(exclude=["translation_key"])
            except ValidationError as error:  # every problem is reported, none raised
                messages = "; ".join(str(m) for field_messages in error.message_dict.values() for m in field_messages)
                report.issues.append(ParseIssue(parsed.line, parsed.name, messages))
                continue
            question.tags.add(*parsed.tags)  # kept with the unsaved question, written by save()
            question.save()
            known[target.pk].add(source_digest)
            report.created.append(question)
        report.committed = not dry_run and (skip_errors or not report.issues) and bool(result.questions)
        if not report.committed:
            transaction.set_rollback(True)
    return report
