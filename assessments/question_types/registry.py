"""The question types, each registered once by its constant; the rest of the app asks here.

Kept apart from the types themselves so that the model's ``choices`` (a callable, so a new type
needs no migration) and the file formats can name it without importing every type's code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import QuestionType

_TYPES: dict[str, QuestionType] = {}


class UnknownQuestionType(LookupError, ValueError):
    """No type is registered under this constant (a ValueError too: a bad value handed in)."""


def register(cls: type[QuestionType]) -> type[QuestionType]:
    """Class decorator: make ``cls`` the type of its ``constant``. A second type with the same
    constant is a programming error, refused at start-up."""
    if cls.constant in _TYPES:
        raise ValueError(f"question type {cls.constant!r} is registered twice")
    _TYPES[cls.constant] = cls()
    return cls


def _loaded() -> dict[str, QuestionType]:
    from . import installed  # noqa: F401  (importing it registers every type)

    return _TYPES


def get(constant: str) -> QuestionType:
    """The type registered as ``constant``; UnknownQuestionType for an unknown one."""
    try:
        return _loaded()[constant]
    except KeyError:
        raise UnknownQuestionType(f"unknown question type {constant!r}") from None


def all_types() -> list[QuestionType]:
    return list(_loaded().values())


def choices() -> list[tuple[str, str]]:
    """The model field's choices, in registration order."""
    return [(kind.constant, kind.label) for kind in _loaded().values()]


def by_moodle_name(name: str) -> QuestionType | None:
    """The type that reads Moodle XML's ``<question type="name">``, if any."""
    return next((kind for kind in _loaded().values() if name in kind.moodle_names), None)
