"""Cohort fixtures: a course taught in cohorts, an authorised trainer, and a cohort of theirs."""

from datetime import date

import pytest

from accounts import roles
from cohorts.models import Cohort, TeachingAuthorisation
from cohorts.services import authorisation_grant, cohort_create
from tests.conftest import make_user
from tests.factories import OrganisationFactory, UserFactory, build_course


def authorise(trainer, course, *, by=None, **kwargs) -> TeachingAuthorisation:
    kwargs.setdefault("evidence", "Trained before Cascade existed.")
    return authorisation_grant(trainer=trainer, course=course, by=by, **kwargs)


def open_cohort(course, trainer, **fields) -> Cohort:
    fields.setdefault("name", f"Cohort of {trainer.email}")
    fields.setdefault("organisation", trainer.organisation)
    fields.setdefault("starts_on", date(2026, 11, 1))
    fields.setdefault("status", Cohort.Status.RUNNING)
    return cohort_create(course=course, lead_trainer=trainer, by=trainer, **fields)


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
