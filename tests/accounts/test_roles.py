"""Roles are groups; every change of role is audited, whoever makes it and however."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import AuditEvent
from accounts.services import role_grant, role_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_but_learner_is_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.GROUP_ROLES)


def test_everyone_is_a_learner():
    assert roles.roles_of(UserFactory()) == {roles.LEARNER}


def test_granting_a_role_is_audited_with_who_granted_it():
    admin = UserFactory(roles=["admin"])
    person = UserFactory()
    role_grant(user=person, role=roles.COORDINATOR, by=admin)
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_GRANTED, target_id=str(person.pk))
    assert event.actor == admin
    assert event.data == {"role": "coordinator"}
    assert roles.has_role(person, roles.COORDINATOR)


def test_revoking_a_role_is_audited():
    person = UserFactory(roles=["trainer"])
    role_revoke(user=person, role=roles.TRAINER)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_REVOKED, target_id=str(person.pk)).exists()
    assert not roles.has_role(person, roles.TRAINER)


def test_a_group_change_made_elsewhere_is_audited_too():
    """The Wagtail admin's user editor changes groups directly; the audit still sees it."""
    person = UserFactory()
    Group.objects.get(name="editor").user_set.add(person)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_GRANTED, data__role="editor").exists()


def test_the_admin_role_makes_a_wagtail_superuser():
    person = UserFactory()
    role_grant(user=person, role=roles.ADMIN)
    person.refresh_from_db()
    assert person.is_superuser


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="Unknown role"):
        role_grant(user=UserFactory(), role="superhero")


def test_editors_may_use_the_wagtail_admin():
    editor = UserFactory(roles=["editor"])
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not UserFactory(roles=["coordinator"]).has_perm("wagtailadmin.access_admin")
