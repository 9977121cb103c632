"""A category of the bank back out as GIFT or Moodle XML, in one language. Importing the export
gives the same questions (the formats' own limits aside: GIFT has no ordering questions)."""

from decimal import Decimal

from .formats import base as formats
from .formats.base import ParsedChoice, ParsedNumericAnswer, ParsedPair, ParsedQuestion
from .importing import GIFT, MOODLE_XML
from .models import Question, QuestionCategory


def _source(value) -> str:
    return value.source if hasattr(value, "source") else (value or "")


def _relative_path(category: QuestionCategory, root: QuestionCategory) -> str:
    names = []
    while category is not None and category.pk != root.pk:
        names.append(category.name_mn)
        category = category.parent
    return "/".join([root.name_mn, *reversed(names)])


def to_parsed(question: Question, root: QuestionCategory) -> ParsedQuestion:
    blocks = list(question.answers)
    parsed = ParsedQuestion(
        qtype=question.qtype,
        name=question.name,
        text=question.text,
        category=_relative_path(question.category, root),
        default_mark=Decimal(question.default_mark),
        general_feedback=question.general_feedback,
        shuffle=question.shuffle,
        case_sensitive=question.case_sensitive,
        tags=sorted(tag.name for tag in question.tags.all()),
        idnumber=question.idnumber,
    )
    if question.qtype == formats.NUMERIC:
        parsed.numeric_answers = [
            ParsedNumericAnswer(
                Decimal(b.value["value"]),
                Decimal(b.value["tolerance"]),
                Decimal(b.value["fraction"]),
                _source(b.value["feedback"]),
            )
            for b in blocks
        ]
    elif question.qtype == formats.MATCHING:
        parsed.pairs = [ParsedPair(_source(b.value["prompt"]), b.value["answer"]) for b in blocks]
    elif question.qtype == formats.ORDERING:
        parsed.order = [_source(b.value["text"]) for b in blocks]
    else:
        parsed.choices = [
            ParsedChoice(_source(b.value["text"]), Decimal(b.value["fraction"]), _source(b.value["feedback"]))
            for b in blocks
        ]
    return parsed


def export_category(category: QuestionCategory, *, file_format: str, language: str = "mn") -> bytes:
    """Every question of ``category`` and the categories below it, in ``language``."""
    questions = (
        Question.objects.filter(category_id__in=category.descendant_ids(), locale__language_code=language)
        .select_related("category")
        .prefetch_related("tags")
        .order_by("category__name_mn", "pk")
    )
    parsed = [to_parsed(question, category) for question in questions]
    if file_format == GIFT:
        from .formats.gift import export_gift

        return export_gift(parsed).encode("utf-8")
    if file_format == MOODLE_XML:
        from .formats.moodle_xml import export_moodle_xml

        return export_moodle_xml(parsed)
    raise ValueError(file_format)
