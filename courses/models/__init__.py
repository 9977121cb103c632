"""Courses as Wagtail pages, and the learning records keyed to their language-independent identity."""

from .learning import Enrolment, LessonProgress, Reflection
from .page_tree import PageTreeVersion
from .pages import CachedPrivacyMixin, CourseIndexPage, CoursePage, LearningItemMixin, LessonPage, ModulePage
from .support import SupportContact, SupportSettings
from .taxonomy import Audience, Topic

__all__ = [
    "Audience",
    "CachedPrivacyMixin",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LearningItemMixin",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PageTreeVersion",
    "Reflection",
    "SupportContact",
    "SupportSettings",
    "Topic",
]
