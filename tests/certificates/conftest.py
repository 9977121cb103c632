"""A course with a certification rule, and a learner who can complete it."""

import pytest

from courses.services import enrolment_create
from tests.factories import UserFactory, build_course, make_rule


@pytest.fixture
def course(db):
    return build_course(modules=1, lessons=2, slug="certified")


@pytest.fixture
def rule(course):
    return make_rule(course)


@pytest.fixture
def learner(course):
    person = UserFactory(
        first_name="Батболд", last_name="Дорж", latin_first_name="Batbold", latin_last_name="Dorj",
        email="inspector@example.mn", preferred_language="mn",
    )  # fmt: skip
    enrolment_create(learner=person, course=course)
    return person
