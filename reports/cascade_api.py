"""The cascade's figures in the indicators API (``reports.api``): the same as the page's section,
a count under five null and «<5»."""

from ninja import Field, Schema

from .cascade import CascadeReport, Level, TrainerCount
from .indicators import Cell


class Counted(Schema):
    shown: str = Field(description='As the page writes it: a number, or "<5" when suppressed.')
    value: int | None = Field(description="The count; null when suppressed (under 5 where the small-cell rule holds).")
    suppressed: bool


class CascadeLevel(Schema):
    level: int = Field(
        description="1: the trainers the master trained; 2: those whom level 1 trained; and so on; 0: all levels."
    )
    trainers: Counted = Field(description="Trainers authorised through the cascade at this level.")
    cohorts: Counted = Field(description="Their cohorts that ran in the period (of the course, if filtered).")
    trainees_reached: Counted = Field(description="Trainees of those cohorts, among the people counted.")
    trainees_certified: Counted = Field(
        description="Of them, those with a certificate of the cohort's course issued in the period."
    )


class MasterCascade(Schema):
    master: str = Field(description="The master trainer's name (or the trainer's, for a trainer's own subtree).")
    levels: int = Field(description="How many levels of trainers the cascade has below the master.")
    by_level: list[CascadeLevel]
    total: CascadeLevel


class TrainersAuthorised(Schema):
    group: str = Field(description="The course's title or the region's name, in the request's language.")
    authorised: Counted = Field(description="Trainers authorised to teach now.")
    active: Counted = Field(
        description="Of them, those who ran a cohort of the course, or a session of one, in the period."
    )


def _count(cell: Cell, hide: bool) -> dict:
    suppressed = cell.hidden(hide)
    return {"shown": cell.shown(hide), "value": None if suppressed else int(cell.value or 0), "suppressed": suppressed}


def _level(level: Level, hide: bool) -> dict:
    return {
        "level": level.depth,
        "trainers": _count(level.trainers, hide),
        "cohorts": _count(level.cohorts, hide),
        "trainees_reached": _count(level.reached, hide),
        "trainees_certified": _count(level.certified, hide),
    }


def _trainers(counts: list[TrainerCount], hide: bool) -> list[dict]:
    return [
        {"group": count.label, "authorised": _count(count.authorised, hide), "active": _count(count.active, hide)}
        for count in counts
    ]


def cascade_out(found: CascadeReport) -> dict:
    hide = found.hide_small
    return {
        "cascade": [
            {
                "master": master.name,
                "levels": master.depth,
                "by_level": [_level(level, hide) for level in master.levels],
                "total": _level(master.total, hide),
            }
            for master in found.masters
        ],
        "trainers_by_course": _trainers(found.by_course, hide),
        "trainers_by_region": _trainers(found.by_region, hide),
    }
