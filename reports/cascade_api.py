"""The cascade's figures in the indicators API (``reports.api``): the same as the page's section,
a count under five null and «<5»."""

from ninja import Schema

from .cascade import CascadeReport, Level, TrainerCount
from .indicators import Cell


class Counted(Schema):
    shown: str  # as the page writes it: a number or "<5"
    value: int | None  # None when suppressed (under 5)
    suppressed: bool


class CascadeLevel(Schema):
    level: int  # 1: trained by the master; 2: by level 1; …; 0: all levels together
    trainers: Counted
    cohorts: Counted
    trainees_reached: Counted
    trainees_certified: Counted


class MasterCascade(Schema):
    master: str
    levels: int  # how deep the cascade goes below the master
    by_level: list[CascadeLevel]
    total: CascadeLevel


class TrainersAuthorised(Schema):
    group: str  # the course's title or the region's name, in the request's language
    authorised: Counted
    active: Counted  # ran a cohort of the course, or a session of one, in the period


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
