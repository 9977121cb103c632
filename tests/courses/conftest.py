import pytest

from courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lessons_of


@pytest.fixture
def course(db):
    """A two-module, four-lesson course in Mongolian and English."""
    return build_course()


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
