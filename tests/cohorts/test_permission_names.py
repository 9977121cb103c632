"""Scoping of cohorts' pages is written in cohorts/permissions.py, not in views (architecture §4.2):
the pages, the checks behind the menu and the grant form ask the same functions."""

import pytest
from django.urls import reverse

from accounts import roles
from certificates.permissions import can_list_certificates
from cohorts.permissions import can_list_authorisations, can_list_cohorts, can_view_cascade, people_authorisable_by
from tests.factories import OrganisationFactory, UserFactory, make_user


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_the_roles_that_work_with_cohorts_have_their_lists_and_the_pages_agree(client, db, role):
    person = make_user(role, organisation=OrganisationFactory())
    expected = role in roles.COHORT_ROLES
    assert can_list_cohorts(person) is can_list_authorisations(person) is can_list_certificates(person) is expected
    client.force_login(person)
    assert (client.get(reverse("authorisations")).status_code == 200) is can_list_authorisations(person)
    assert (client.get(reverse("cascade")).status_code == 200) is can_view_cascade(person)
    assert can_view_cascade(person) is (role in (roles.MASTER_TRAINER, roles.ADMIN))


def test_a_coordinator_grants_only_to_the_active_people_of_their_organisations(db):
    home, elsewhere = OrganisationFactory(), OrganisationFactory()
    unit = OrganisationFactory(parent=home)
    coordinator = make_user(roles.COORDINATOR, organisation=home)
    inside = [UserFactory(organisation=home), UserFactory(organisation=unit)]
    UserFactory(organisation=home, is_active=False)
    outside = UserFactory(organisation=elsewhere)
    offered = set(people_authorisable_by(coordinator))
    assert set(inside) <= offered and outside not in offered
    assert all(person.is_active for person in offered)
    assert not people_authorisable_by(make_user(roles.TRAINER, organisation=home)).exists()
    assert outside in people_authorisable_by(make_user(roles.ADMIN))
