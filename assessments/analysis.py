"""Item analysis of a quiz, as Moodle's quiz statistics define it, over submitted, fully marked attempts:

- facility index: the mean share of the mark learners earned on the question (0–100 %); very high
  or very low means the question does not tell learners apart;
- discrimination index: the correlation (Pearson, as a percentage) between the mark on the question
  and the mark on the rest of the attempt; low or negative means strong learners did no better on
  it than weak ones, so the question is probably not working;
- how often each answer was given, where its question type counts them (each answer of a choice
  question).

Two queries, whatever the number of attempts and questions; the arithmetic runs in Python over one
row per answer.
"""

import csv
import io
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .formats.base import plain_text
from .grading import saved_response
from .models import Attempt, AttemptAnswer
from .question_types import registry


@dataclass
class ItemStatistics:
    question_id: str
    text: str
    qtype: str
    attempts: int
    facility: float | None  # percent
    discrimination: float | None  # percent
    choices: list[tuple[str, int]] = field(default_factory=list)  # (answer text, times picked)


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def item_analysis(quiz_key) -> list[ItemStatistics]:
    attempts = {
        attempt.pk: attempt
        for attempt in Attempt.objects.filter(
            quiz_key=quiz_key, state=Attempt.State.SUBMITTED, needs_grading=False
        ).only("pk", "snapshot", "score")
    }
    if not attempts:
        return []
    answers = AttemptAnswer.objects.filter(attempt_id__in=attempts).only(
        "attempt_id", "slot", "response", "fraction", "mark"
    )
    by_attempt: dict[int, dict[int, AttemptAnswer]] = defaultdict(dict)
    for answer in answers:
        by_attempt[answer.attempt_id][answer.slot] = answer

    fractions: dict[str, list[float]] = defaultdict(list)
    rest_scores: dict[str, list[float]] = defaultdict(list)
    picked: dict[str, Counter] = defaultdict(Counter)
    described: dict[str, dict] = {}
    for attempt_id, attempt in attempts.items():
        total = float(attempt.score or 0)
        for entry in attempt.snapshot:
            question_id = entry["id"]
            described.setdefault(question_id, entry)
            answer = by_attempt[attempt_id].get(entry["slot"])
            fraction = float(answer.fraction) if answer and answer.fraction is not None else 0.0
            mark = float(answer.mark) if answer and answer.mark is not None else 0.0
            fractions[question_id].append(fraction)
            rest_scores[question_id].append(total - mark)
            response = saved_response(entry, answer.response) if answer else None
            if response:
                picked[question_id].update(registry.get(entry["qtype"]).analysis_picks(response))

    statistics = []
    for question_id, entry in described.items():
        values = fractions[question_id]
        correlation = _pearson(values, rest_scores[question_id])
        labels = registry.get(entry["qtype"]).analysis_labels(entry)
        statistics.append(
            ItemStatistics(
                question_id=question_id,
                text=plain_text(entry["text"])[:200],
                qtype=entry["qtype"],
                attempts=len(values),
                facility=round(100 * sum(values) / len(values), 1) if values else None,
                discrimination=round(100 * correlation, 1) if correlation is not None else None,
                choices=[(label, picked[question_id][key]) for key, label in labels],
            )
        )
    return statistics


def analysis_csv(statistics: list[ItemStatistics]) -> str:
    """The analysis as CSV, with spreadsheet formula injection neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["question", "type", "attempts", "facility_percent", "discrimination_percent", "choices"])
    for item in statistics:
        choices = "; ".join(f"{text}: {count}" for text, count in item.choices)
        writer.writerow(
            [
                _safe(item.text),
                item.qtype,
                item.attempts,
                _number(item.facility),
                _number(item.discrimination),
                _safe(choices),
            ]
        )
    return out.getvalue()


def _number(value) -> str:
    return "" if value is None else str(Decimal(str(value)))


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
