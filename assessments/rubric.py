"""Scoring against a rubric: what an observation keeps of the rubric, and the result of a scoring.

Pure functions over plain data, so a past observation is re-read from its snapshot exactly as it
was scored, whatever the page says today."""

from dataclasses import dataclass, field
from decimal import Decimal

from .grading import percent_shown, reaches_pass_mark


def rubric_snapshot(assessment) -> list[dict]:
    """The criteria of ``assessment`` (a PracticalAssessmentPage) in its language, as plain data."""
    criteria = []
    for block in assessment.rubric:
        value = block.value
        criteria.append(
            {
                "id": block.id,
                "title": value["title"],
                "description": value["description"] or "",
                "essential": bool(value["essential"]),
                "levels": [
                    {"label": level["label"], "description": level["description"] or "", "points": str(level["points"])}
                    for level in value["levels"]
                ],
            }
        )
    return criteria


def max_points(criterion: dict) -> Decimal:
    return max(Decimal(level["points"]) for level in criterion["levels"])


def at_lowest_level(criterion: dict, chosen: int) -> bool:
    """Whether level ``chosen`` is worth no more than the criterion's least level (and some level
    is worth more: a criterion whose levels are all worth the same has no lowest)."""
    points = [Decimal(level["points"]) for level in criterion["levels"]]
    return points[chosen] == min(points) < max(points)


@dataclass
class RubricResult:
    score: Decimal = Decimal(0)
    max_score: Decimal = Decimal(0)
    percent: Decimal = Decimal(0)
    passed: bool = False
    unscored: list[str] = field(default_factory=list)  # titles of criteria without a valid level
    essential_missed: list[str] = field(default_factory=list)  # essential criteria at their lowest level


def score(rubric: list[dict], levels: dict[str, int], pass_mark: Decimal) -> RubricResult:
    """The total of the chosen levels' points over the total of each criterion's best level.

    Passed when that is at least ``pass_mark`` % and no essential criterion is at its lowest level."""
    result = RubricResult()
    for criterion in rubric:
        chosen = levels.get(criterion["id"])
        result.max_score += max_points(criterion)
        if not isinstance(chosen, int) or not 0 <= chosen < len(criterion["levels"]):
            result.unscored.append(criterion["title"])
            continue
        result.score += Decimal(criterion["levels"][chosen]["points"])
        if criterion["essential"] and at_lowest_level(criterion, chosen):
            result.essential_missed.append(criterion["title"])
    if result.max_score:
        result.percent = percent_shown(result.score, result.max_score, pass_mark)
    result.passed = (
        not result.unscored
        and not result.essential_missed
        and (reaches_pass_mark(result.score, result.max_score, pass_mark) if result.max_score else not pass_mark)
    )
    return result
