"""Question bank import (DESIGN invariant 6): parse the whole file, report every problem with its
line, then write all or nothing. A question already in the bank (same content, same language, same
category) is left alone, so importing the same file twice changes nothing."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .formats import base as formats
from .formats.base import ParsedQuestion, ParseIssue, ParseResult
from .models import Question, QuestionCategory

GIFT, MOODLE_XML = "gift", "moodlexml"
FORMATS = (GIFT, MOODLE_XML)


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


def digest(parsed: ParsedQuestion, language: str) -> str:
    content = asdict(parsed)
    content.pop("line")
    content["language"] = language
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _category(root: QuestionCategory | None, path: str, cache: dict) -> QuestionCategory:
    names = [name.strip() for name in path.split("/") if name.strip()]
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


def _answers(parsed: ParsedQuestion) -> list[dict]:
    if parsed.qtype == formats.NUMERIC:
        return [
            {
                "type": "numeric",
                "value": {
                    "value": _q(a.value, VALUE),
                    "tolerance": _q(a.tolerance, VALUE),
                    "fraction": _q(a.fraction, FRACTION),
                    "feedback": a.feedback,
                },
            }
            for a in parsed.numeric_answers
        ]
    if parsed.qtype == formats.MATCHING:
        return [{"type": "pair", "value": {"prompt": p.prompt, "answer": p.answer}} for p in parsed.pairs]
    if parsed.qtype == formats.ORDERING:
        return [{"type": "item", "value": {"text": text}} for text in parsed.order]
    return [
        {"type": "choice", "value": {"text": c.text, "fraction": _q(c.fraction, FRACTION), "feedback": c.feedback}}
        for c in parsed.choices
    ]


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


def questions_import(
    *,
    data: bytes,
    file_format: str,
    language: str = "mn",
    category: QuestionCategory | None = None,
    dry_run: bool = False,
    skip_errors: bool = False,
) -> ImportReport:
    """Import a GIFT or Moodle XML file into the bank. With problems, nothing is written unless
    ``skip_errors``; then the good questions are. ``dry_run`` checks everything and writes nothing."""
    result = parse(data, file_format)
    report = ImportReport(issues=list(result.issues))
    locale = Locale.objects.get(language_code=language)
    categories: dict = {}
    digests = [digest(parsed, language) for parsed in result.questions]
    # What the bank already holds, in one query: (digest, category) of questions in this language.
    existing = set(
        Question.objects.filter(locale=locale, source_digest__in=digests).values_list("source_digest", "category_id")
    )
    with transaction.atomic():
        for parsed, source_digest in zip(result.questions, digests, strict=True):
            target = _category(category, parsed.category, categories)
            if (source_digest, target.pk) in existing:
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
            existing.add((source_digest, target.pk))
            report.created.append(question)
        report.committed = not dry_run and (skip_errors or not report.issues)
        if not report.committed:
            transaction.set_rollback(True)
    return report
