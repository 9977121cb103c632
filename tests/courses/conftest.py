import pytest
from wagtail.models import Locale

from courses.models import LessonPage
from courses.services import enrolment_create
from tests.factories import UserFactory, build_course


@pytest.fixture
def course(db):
    """A two-module, four-lesson course in Mongolian and English."""
    return build_course()


def lessons_of(course, language="mn"):
    locale = Locale.objects.get(language_code=language)
    page = course.get_translation(locale)
    return list(LessonPage.objects.descendant_of(page).live().order_by("path"))


@pytest.fixture
def mn_lessons(course):
    return lessons_of(course, "mn")


@pytest.fixture
def en_lessons(course):
    return lessons_of(course, "en")


@pytest.fixture
def learner(course):
    """A learner enrolled in ``course``."""
    person = UserFactory()
    enrolment_create(learner=person, course=course)
    return person
