"""What an attempt serves: the quiz's questions drawn, shuffled and frozen as plain data.

``build_snapshot`` runs once, when an attempt starts. Its entries hold what marking needs (the
answers' marks and feedback); ``public_entry`` is the part a learner's browser may see before
submitting: the question and the answers to pick from, nothing that tells which is right.
"""

import random
from decimal import Decimal

from django.utils.translation import gettext as _

from .formats import base as formats
from .models import Question, QuestionCategory, QuizPage


def _choices(question: Question) -> list[dict]:
    # A short answer is compared as plain text, whatever markup the editor's field added.
    as_text = formats.plain_text if question.qtype == formats.SHORT_ANSWER else (lambda source: source)
    return [
        {
            "id": block.id,
            "text": as_text(block.value["text"].source),
            "fraction": str(block.value["fraction"]),
            "feedback": block.value["feedback"].source if block.value["feedback"] else "",
        }
        for block in question.answers
        if block.block_type == "choice"
    ]


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
    shuffle = shuffle and question.shuffle
    qtype = question.qtype
    if qtype in (formats.SINGLE_CHOICE, formats.MULTIPLE_RESPONSE, formats.SHORT_ANSWER, formats.TRUE_FALSE):
        answers = _choices(question)
        if shuffle and qtype != formats.TRUE_FALSE:
            rng.shuffle(answers)
        entry["answers"] = answers
    elif qtype == formats.NUMERIC:
        entry["numeric"] = [
            {
                "value": str(block.value["value"]),
                "tolerance": str(block.value["tolerance"]),
                "fraction": str(block.value["fraction"]),
                "feedback": block.value["feedback"].source if block.value["feedback"] else "",
            }
            for block in question.answers
        ]
    elif qtype == formats.MATCHING:
        pairs = [block for block in question.answers if block.block_type == "pair"]
        entry["prompts"] = [
            {"id": block.id, "text": block.value["prompt"].source, "answer": block.value["answer"]}
            for block in pairs
            if block.value["prompt"] and block.value["prompt"].source.strip()
        ]
        options = sorted({block.value["answer"] for block in pairs})
        rng.shuffle(options)
        entry["options"] = options
    elif qtype == formats.ORDERING:
        items = [{"id": block.id, "text": block.value["text"].source} for block in question.answers]
        entry["correct_order"] = [item["id"] for item in items]
        # Every order equally likely, the right one included. Leaving the right order out would tell
        # the learner something: with two items, the answer would always be the reverse of what is
        # served. The learner numbers the items from empty fields, so nothing is answered for them.
        rng.shuffle(items)
        entry["items"] = items
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


TRUE_FALSE_LABELS = {"true": lambda: _("True"), "false": lambda: _("False")}


def public_entry(entry: dict) -> dict:
    """A served question as the learner may see it before submitting: no marks, no right answers."""
    public = {"id": entry["id"], "slot": entry["slot"], "qtype": entry["qtype"], "text": entry["text"]}
    if entry.get("scenario"):
        public["scenario"] = entry["scenario"]
    if "answers" in entry and entry["qtype"] != formats.SHORT_ANSWER:
        public["answers"] = [
            {
                "id": answer["id"],
                "text": TRUE_FALSE_LABELS[answer["text"]]()
                if entry["qtype"] == formats.TRUE_FALSE and answer["text"] in TRUE_FALSE_LABELS
                else answer["text"],
            }
            for answer in entry["answers"]
        ]
    if entry["qtype"] == formats.MATCHING:
        public["prompts"] = [{"id": prompt["id"], "text": prompt["text"]} for prompt in entry["prompts"]]
        public["options"] = list(entry["options"])
    if entry["qtype"] == formats.ORDERING:
        public["items"] = [dict(item) for item in entry["items"]]
    return public
