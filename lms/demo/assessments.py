"""The demo's question banks and quizzes, in Mongolian and English, and a learner's attempts.

Idempotent: a category is found by its Mongolian name, a question by its ``idnumber`` (the stable key
of ``assessments_content``), a quiz by its slug in its module, and an attempt by its learner and quiz;
what exists is left as it is. The attempts go through the same services a learner's browser uses."""

import random
import uuid
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale

from assessments.formats import base as formats
from assessments.models import Attempt, Question, QuestionCategory, QuizPage
from assessments.selectors import right_answer
from assessments.services import answer_mark, answer_save, attempt_start, attempt_submit
from courses.models import CoursePage, ModulePage

from .assessments_content import (
    CATEGORIES,
    DEMO_ATTEMPTS,
    DEMO_ESSAY,
    DEMO_MARKER,
    QUESTION_BANKS,
    QUIZZES,
    WRONG_SHORT_ANSWER,
)
from .courses import _publish, _translate


def seed_categories() -> dict[str, QuestionCategory]:
    categories = {}
    for key, names in CATEGORIES.items():
        category, _created = QuestionCategory.objects.get_or_create(
            parent=None, name_mn=names["mn"], defaults={"name_en": names["en"]}
        )
        if not category.name_en:
            category.name_en = names["en"]
            category.save(update_fields=["name_en"])
        categories[key] = category
    return categories


def _paragraph(html: str) -> str:
    return f"<p>{html}</p>" if html else ""


def _answer_blocks(spec: dict, language: str) -> list[dict]:
    """The question's answers in ``language``, each with the block id it has in every language."""
    blocks = []
    for answer in spec["answers"]:
        kind, text = answer["type"], answer[language]
        if kind == "choice":
            value = {
                "text": text["text"],
                "fraction": Decimal(answer["fraction"]),
                "feedback": _paragraph(text.get("feedback", "")),
            }
        elif kind == "numeric":
            value = {
                "value": Decimal(answer["value"]),
                "tolerance": Decimal(answer["tolerance"]),
                "fraction": Decimal(answer["fraction"]),
                "feedback": _paragraph(text.get("feedback", "")),
            }
        elif kind == "pair":
            value = {"prompt": text["prompt"], "answer": text["answer"]}
        else:
            value = {"text": text["text"]}
        blocks.append({"type": kind, "value": value, "id": answer["id"]})
    return blocks


def _texts(spec: dict, language: str) -> dict:
    text = spec[language]
    return {"name": text["name"], "text": text["text"], "general_feedback": text["general_feedback"]}


def seed_question(
    spec: dict, category: QuestionCategory, done: dict[str, Question], mn: Locale, en: Locale
) -> Question:
    """The Mongolian question of ``spec`` and its English translation; ``done`` holds the questions
    already seeded (a scenario is seeded before the questions that show it)."""
    scenario = done[spec["scenario"]] if spec.get("scenario") else None
    question = Question.objects.filter(locale=mn, idnumber=spec["key"]).first()
    if question is None:
        question = Question(
            locale=mn,
            category=category,
            qtype=spec["qtype"],
            idnumber=spec["key"],
            default_mark=Decimal(spec["mark"]),
            scenario=scenario,
            answers=_answer_blocks(spec, "mn"),
            **_texts(spec, "mn"),
        )
        question.full_clean()
        question.save()
    if question.get_translation_or_none(en) is None:
        english = question.copy_for_translation(en)
        for name, value in _texts(spec, "en").items():
            setattr(english, name, value)
        english.answers = _answer_blocks(spec, "en")
        english.scenario = scenario.get_translation(en) if scenario else None
        english.full_clean()
        english.save()
    return question


def seed_questions(categories: dict[str, QuestionCategory], mn: Locale, en: Locale) -> dict[str, Question]:
    """Every bank's questions, in Mongolian, by key."""
    done: dict[str, Question] = {}
    for bank in QUESTION_BANKS:
        for spec in bank["questions"]:
            done[spec["key"]] = seed_question(spec, categories[bank["category"]], done, mn, en)
    return done


def _quiz_blocks(spec: dict, questions: dict, categories: dict, locale: Locale) -> list[dict]:
    """The quiz's ``questions`` StreamField in ``locale``: fixed questions point at the questions of
    that language. A block keeps one id in both languages."""
    blocks = []
    for index, (kind, *args) in enumerate(spec["questions"]):
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"cascade-demo:{spec['slug']}:{index}"))
        if kind == "question":
            question = questions[args[0]]
            if question.locale_id != locale.pk:
                question = question.get_translation(locale)
            value = {"question": question.pk, "mark": None}
        else:
            category, count = args
            value = {"category": categories[category].pk, "count": count, "include_subcategories": True, "mark": None}
        blocks.append({"type": kind, "value": value, "id": block_id})
    return blocks


def _place(page, module, position: str) -> None:
    """A quiz is added as its module's last child; a pre-test goes before the lessons."""
    if position == "first" and module.get_first_child().pk != page.pk:
        page.move(module, pos="first-child")
        page.refresh_from_db()


def seed_quiz(spec: dict, questions: dict, categories: dict, mn: Locale, en: Locale) -> QuizPage:
    course = CoursePage.objects.get(locale=mn, slug=spec["course"])
    module = ModulePage.objects.child_of(course).get(slug=spec["module"])
    quiz = QuizPage.objects.child_of(module).filter(slug=spec["slug"]).first()
    if quiz is None:
        quiz = module.add_child(
            instance=QuizPage(
                slug=spec["slug"],
                title=spec["mn"]["title"],
                introduction=spec["mn"]["introduction"],
                content_note=spec["mn"].get("content_note", ""),
                role=spec["role"],
                required=spec["required"],
                pass_mark=Decimal(spec["pass_mark"]),
                attempts_allowed=spec.get("attempts_allowed", 0),
                time_limit_minutes=spec.get("time_limit_minutes"),
                review_policy=spec.get("review_policy", QuizPage.ReviewPolicy.FULL),
                feedback_policy=spec.get("feedback_policy", QuizPage.FeedbackPolicy.AFTER_SUBMISSION),
                estimated_minutes=spec["estimated_minutes"],
                questions=_quiz_blocks(spec, questions, categories, mn),
            )
        )
        _publish(quiz)
        _place(quiz, module, spec["position"])
    if quiz.get_translation_or_none(en) is None:
        english = _translate(
            quiz,
            en,
            title=spec["en"]["title"],
            introduction=spec["en"]["introduction"],
            content_note=spec["en"].get("content_note", ""),
            questions=_quiz_blocks(spec, questions, categories, en),
        )
        _place(english, module.get_translation(en), spec["position"])
    return QuizPage.objects.get(pk=quiz.pk)


def _wrong_response(entry: dict, language: str) -> dict | None:
    """An answer that earns nothing, of the shape the question takes (None: left unanswered)."""
    qtype = entry["qtype"]
    answers = entry.get("answers", [])
    if qtype in (formats.SINGLE_CHOICE, formats.TRUE_FALSE):
        return {"choice": min(answers, key=lambda answer: Decimal(answer["fraction"]))["id"]}
    if qtype == formats.MULTIPLE_RESPONSE:
        return {"choices": [answer["id"] for answer in answers if Decimal(answer["fraction"]) <= 0]}
    if qtype == formats.SHORT_ANSWER:
        return {"text": WRONG_SHORT_ANSWER[language]}
    if qtype == formats.NUMERIC:
        best = max(entry["numeric"], key=lambda answer: Decimal(answer["fraction"]))
        return {"value": str(Decimal(best["value"]) + Decimal(best["tolerance"]) + 10)}
    if qtype == formats.MATCHING:
        prompts = entry["prompts"]
        shifted = [prompt["answer"] for prompt in prompts[1:] + prompts[:1]]  # each takes its neighbour's
        return {"pairs": {prompt["id"]: answer for prompt, answer in zip(prompts, shifted, strict=True)}}
    if qtype == formats.ORDERING:
        return {"order": list(reversed(entry["correct_order"]))}
    return None


RESPONSE_KEYS = {
    formats.SINGLE_CHOICE: "choice",
    formats.TRUE_FALSE: "choice",
    formats.MULTIPLE_RESPONSE: "choices",
    formats.SHORT_ANSWER: "text",
    formats.NUMERIC: "value",
    formats.MATCHING: "pairs",
    formats.ORDERING: "order",
}


def _right_response(entry: dict, language: str) -> dict | None:
    if entry["qtype"] == formats.ESSAY:
        return {"text": DEMO_ESSAY[language]}
    key = RESPONSE_KEYS.get(entry["qtype"])
    return {key: right_answer(entry)} if key else None


def seed_attempts(people: dict, quizzes: dict[str, QuizPage]) -> None:
    """Each demo attempt, started, answered and submitted through the learner's services."""
    for email, slug, answers in DEMO_ATTEMPTS:
        learner, quiz = people[email], quizzes[slug]
        if Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key).exists():
            continue
        locale = Locale.objects.filter(language_code=learner.preferred_language).first()
        page = (quiz.get_translation_or_none(locale) if locale else None) or quiz
        # A fixed seed: the same questions and order whenever the demo is built.
        attempt = attempt_start(learner=learner, quiz=page, rng=random.Random(slug))  # noqa: S311
        for entry in attempt.snapshot:
            response = (
                _right_response(entry, attempt.language)
                if answers == "right"
                else _wrong_response(entry, attempt.language)
            )
            if response is not None:
                answer_save(attempt=attempt, question_id=entry["id"], response=response)
        attempt = attempt_submit(attempt=attempt)
        if answers == "right" and attempt.needs_grading:
            _mark_written_answers(attempt, marker=people[DEMO_MARKER])


def _mark_written_answers(attempt: Attempt, *, marker) -> None:
    """A trainer gives the demo's right essays full marks, as they would from the marking queue."""
    marks = {entry["slot"]: Decimal(entry["mark"]) for entry in attempt.snapshot}
    for answer in attempt.answers.filter(mark__isnull=True):
        answer_mark(answer=answer, mark_value=marks[answer.slot], by=marker, comment="")


@transaction.atomic
def seed_assessments(people: dict) -> None:
    mn = Locale.objects.get(language_code="mn")
    en = Locale.objects.get(language_code="en")
    categories = seed_categories()
    questions = seed_questions(categories, mn, en)
    quizzes = {spec["slug"]: seed_quiz(spec, questions, categories, mn, en) for spec in QUIZZES}
    seed_attempts(people, quizzes)
