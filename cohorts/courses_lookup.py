"""Cohorts refer to courses by their language-independent key; this finds the page to show."""

from uuid import UUID

from django.utils import translation

from courses.by_key import page_by_key
from courses.models import CoursePage
from courses.page_cache import cached


def course_for_key(course_key: UUID, language: str | None = None) -> CoursePage | None:
    """The live course page with ``course_key`` in ``language`` (the active one by default), or in the
    other language when it has no translation. Cached until the page tree changes."""
    language = language or translation.get_language() or "mn"

    return cached(
        "course-by-key",
        f"{course_key}:{language}",
        lambda: page_by_key(CoursePage.objects.live(), course_key, language),
    )


def courses_by_key(course_keys, language: str | None = None) -> dict[UUID, CoursePage]:
    return {key: course for key in set(course_keys) if (course := course_for_key(key, language)) is not None}


def teachable_courses(language: str | None = None) -> list[CoursePage]:
    """Every live course, in the language shown (one per course)."""
    language = language or translation.get_language() or "mn"
    keys = CoursePage.objects.live().values_list("translation_key", flat=True).distinct()
    return sorted(courses_by_key(keys, language).values(), key=lambda course: course.title)
