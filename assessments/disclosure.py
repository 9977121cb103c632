"""No graded personal disclosure: a quiz that counts must not ask learners about themselves.

A trainer reads and marks every essay, and a required quiz decides whether the learner completes
the module; asking there for the learner's own warning signs, feelings or experiences makes them
disclose something private to pass. Such a question belongs in a lesson, as a reflection only the
learner can read (``courses.blocks.ReflectionBlock``). Editors are warned, not stopped: the check is
a heuristic on the wording, and an editor may have a good reason.

The heuristic looks for phrases that turn a question onto the reader ("your own", "yourself",
"та өөрөө", "танд нөлөөл…"). A bare "your"/"таны" is not enough: "in your opinion" (таны бодлоор)
or "your colleague" asks about the work, not the person."""

import re

from django.db.models import Q

from .formats import base as formats
from .formats.base import plain_text
from .models import Question, QuestionCategory, QuizPage

# English: whole words. Mongolian: stems, since the words take endings (танд нөлөөлсөн, нөлөөлж…).
_ENGLISH = re.compile(
    r"\b(your own|yourself|you personally|your personal|your feelings|affect(s|ed|ing)? you|"
    r"happened to you|your (life|family|childhood|health))\b",
    re.IGNORECASE,
)
_MONGOLIAN = (
    "та өөрөө",
    "та өөрийгөө",
    "та хувьдаа",
    "таны өөрийн",
    "өөрийн тань",
    "өөрт тань",
    "танд нөлөөл",
    "танд тохиолд",
    "таны хувийн",
    "таны сэтгэл",
    "таны амьдрал",
    "таны гэр бүл",
    "таны бага нас",
    "таны эрүүл мэнд",
)


def asks_about_the_learner(html: str) -> bool:
    """Does this question text ask the learner about themselves (see the module's docstring)?"""
    text = plain_text(html).lower()
    return bool(_ENGLISH.search(text)) or any(phrase in text for phrase in _MONGOLIAN)


def is_graded(quiz: QuizPage) -> bool:
    """Does the quiz count: required to complete its module, or the post-test a certification may ask for."""
    return quiz.required or quiz.role == QuizPage.Role.POST_TEST


def personal_essays(quiz: QuizPage) -> list[Question]:
    """The essays of a graded ``quiz`` that ask about the learner: its fixed questions, and those its
    random blocks may draw from their categories. Empty for a quiz that does not count."""
    if not is_graded(quiz):
        return []
    ids, categories = set(), set()
    for block in quiz.questions.raw_data:
        value = block["value"]
        if block["type"] == "question" and value.get("question"):
            ids.add(value["question"])
        elif block["type"] == "random" and value.get("category"):
            category = QuestionCategory.objects.filter(pk=value["category"]).first()
            if category is not None:
                categories |= category.descendant_ids() if value.get("include_subcategories") else {category.pk}
    essays = Question.objects.filter(qtype=formats.ESSAY).filter(Q(pk__in=ids) | Q(category_id__in=categories))
    return [question for question in essays.order_by("name") if asks_about_the_learner(question.text)]
