"""What an attempt serves: the quiz's questions drawn, shuffled and frozen as plain data.

``build_snapshot`` runs once, when an attempt starts. Its entries hold what marking needs (the
answers' marks and feedback); ``public_entry`` is the part a learner's browser may see before
submitting: the question and the answers to pick from, nothing that tells which is right. What
each holds beyond the common keys is its question type's (``question_types``).
"""

import random
from decimal import Decimal

from .formats import base as formats
from .models import Question, QuestionCategory, QuizPage
from .question_types import registry


def question_entry(question: Question, *, mark: Decimal, shuffle: bool, rng: random.Random) -> dict:
    entry = {
        "id": str(question.translation_key),
        "question_pk": question.pk,
        "qtype": question.qtype,
        "text": question.text,
        "scenario": question.scenario.text if question.scenario_id else "",
        "mark": str(mark),
        "general_feedback": question.general_feedback,
        "case_sensitive": question.case_sensitive,
    }
    entry.update(registry.get(question.qtype).snapshot(question, shuffle=shuffle and question.shuffle, rng=rng))
    return entry


def _drawn_questions(quiz: QuizPage, rng: random.Random) -> list[tuple[Question, Decimal | None]]:
    """The quiz's questions in its language: the fixed ones, and the random draws from categories."""
    chosen: list[tuple[Question, Decimal | None]] = []
    seen: set = set()
    fixed_ids = [block.value["question"].pk for block in quiz.questions if block.block_type == "question"]
    localized = {
        question.translation_key: question
        for question in Question.objects.filter(
            translation_key__in=Question.objects.filter(pk__in=fixed_ids).values("translation_key"),
            locale_id=quiz.locale_id,
        ).select_related("scenario")
    }
    for block in quiz.questions:
        if block.block_type == "question":
            original = block.value["question"]
            question = localized.get(original.translation_key, original)
            if question.translation_key not in seen:
                seen.add(question.translation_key)
                chosen.append((question, block.value["mark"]))
        elif block.block_type == "random":
            category: QuestionCategory = block.value["category"]
            ids = category.descendant_ids() if block.value["include_subcategories"] else {category.pk}
            pool = [
                question
                for question in Question.objects.filter(category_id__in=ids, locale_id=quiz.locale_id)
                .exclude(qtype=formats.DESCRIPTION)
                .select_related("scenario")
                if question.translation_key not in seen
            ]
            for question in rng.sample(pool, min(block.value["count"], len(pool))):
                seen.add(question.translation_key)
                chosen.append((question, block.value["mark"]))
    return chosen


def build_snapshot(quiz: QuizPage, rng: random.Random | None = None) -> list[dict]:
    rng = rng or random.SystemRandom()
    drawn = _drawn_questions(quiz, rng)
    if quiz.shuffle_questions:
        rng.shuffle(drawn)
    entries = []
    for slot, (question, mark) in enumerate(drawn, start=1):
        entry = question_entry(
            question, mark=mark if mark is not None else question.default_mark, shuffle=quiz.shuffle_choices, rng=rng
        )
        entry["slot"] = slot
        entries.append(entry)
    return entries


def public_entry(entry: dict) -> dict:
    """A served question as the learner may see it before submitting: no marks, no right answers."""
    public = {"id": entry["id"], "slot": entry["slot"], "qtype": entry["qtype"], "text": entry["text"]}
    if entry.get("scenario"):
        public["scenario"] = entry["scenario"]
    public.update(registry.get(entry["qtype"]).public(entry))
    return public
