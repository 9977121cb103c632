"""Cohort fixtures: a course taught in cohorts, an authorised trainer, and a cohort of theirs."""

import pytest

from accounts import roles
from tests.factories import OrganisationFactory, UserFactory, authorise, build_course, make_user, open_cohort


@pytest.fixture
def course(db):
    """A two-module, four-lesson course, open only through cohorts."""
    return build_course(self_enrolment=False)


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def trainer(course, organisation):
    person = make_user(roles.TRAINER, organisation=organisation, email="trainer-a@example.mn")
    authorise(person, course)
    return person


@pytest.fixture
def cohort(course, trainer):
    return open_cohort(course, trainer)


@pytest.fixture
def trainees(db, organisation):
    return [UserFactory(organisation=organisation, email=f"trainee{n}@example.mn") for n in range(3)]
