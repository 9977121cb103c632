"""A category of the bank back out as GIFT or Moodle XML, in one language. Importing the export
gives the same questions (the formats' own limits aside: GIFT has no ordering questions, for one), and
importing it back into the same bank finds them there and adds nothing."""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.formatting import language_in_sentence

from .formats.base import ParsedQuestion
from .importing import FORMAT_NAMES, GIFT, MOODLE_XML
from .models import Question, QuestionCategory
from .question_types import registry


class NothingToExport(Exception):
    """The category holds no question in the language asked for: an empty file would look like a
    bank and import as nothing."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _full_paths() -> dict[int, str]:
    """Every category's names from the top of the bank, in one query: imported back without a
    category, exported questions land where they came from (and are found there)."""
    categories = dict(QuestionCategory.objects.values_list("pk", "parent_id"))
    names = dict(QuestionCategory.objects.values_list("pk", "name_mn"))
    paths: dict[int, str] = {}

    def path(pk: int) -> str:
        if pk not in paths:
            parent = categories[pk]
            paths[pk] = f"{path(parent)}/{names[pk]}" if parent else names[pk]
        return paths[pk]

    for pk in categories:
        path(pk)
    return paths


def to_parsed(question: Question, *, category_path: str | None = None) -> ParsedQuestion:
    """The question as the formats write it; its category as ``category_path``, or by default its
    path from the top of the bank."""
    blocks = list(question.answers)
    parsed = ParsedQuestion(
        qtype=question.qtype,
        name=question.name,
        text=question.text,
        category=_full_paths()[question.category_id] if category_path is None else category_path,
        default_mark=Decimal(question.default_mark),
        general_feedback=question.general_feedback,
        shuffle=question.shuffle,
        case_sensitive=question.case_sensitive,
        tags=sorted(tag.name for tag in question.tags.all()),
        idnumber=question.idnumber,
    )
    registry.get(question.qtype).from_blocks(parsed, blocks)
    return parsed


def export_category(category: QuestionCategory, *, file_format: str, language: str = "mn") -> bytes:
    """Every question of ``category`` and the categories below it, in ``language``."""
    questions = (
        Question.objects.filter(category_id__in=category.descendant_ids(), locale__language_code=language)
        .select_related("category")
        .prefetch_related("tags")
        .order_by("category__name_mn", "pk")
    )
    paths = _full_paths()
    parsed = [to_parsed(question, category_path=paths[question.category_id]) for question in questions]
    if file_format == GIFT:
        from .formats.gift import export_gift

        # Some types have no GIFT form: a category of only those would export as an empty file.
        parsed = [question for question in parsed if registry.get(question.qtype).in_gift]
    if not parsed:
        raise NothingToExport(
            _("“%(category)s” has no questions in %(language)s that %(format)s can hold: nothing was written.")
            % {
                "category": category.path,
                "language": language_in_sentence(language),
                "format": FORMAT_NAMES[file_format],
            }
        )
    if file_format == GIFT:
        return export_gift(parsed).encode("utf-8")
    if file_format == MOODLE_XML:
        from .formats.moodle_xml import export_moodle_xml

        return export_moodle_xml(parsed)
    raise ValueError(file_format)
