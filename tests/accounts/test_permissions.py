"""The yes/no checks and the visible querysets come from one place and agree."""

import pytest

from accounts import permissions
from accounts.models import AuditEvent, Organisation, User
from accounts.services import audit_record
from tests.scoping import build_world


@pytest.fixture
def world(db):
    world = build_world()
    audit_record(action=AuditEvent.Action.LOGIN, target=world.objects["outsider"])
    return world


@pytest.mark.parametrize("role", ["learner", "trainer", "master_trainer", "coordinator", "editor", "admin"])
def test_check_and_queryset_agree_for_every_object(world, role):
    viewer = world.people[role]
    visible_users = set(permissions.users_visible_to(viewer))
    for user in User.objects.all():
        assert permissions.can_view_user(viewer, user) == (user in visible_users)
    visible_orgs = set(permissions.organisations_visible_to(viewer))
    for organisation in Organisation.objects.all():
        assert permissions.can_view_organisation(viewer, organisation) == (organisation in visible_orgs)
    visible_events = set(permissions.audit_events_visible_to(viewer))
    for event in AuditEvent.objects.all():
        assert permissions.can_view_audit_event(viewer, event) == (event in visible_events)


def test_coordinator_sees_the_whole_subtree_and_nothing_outside(world):
    visible = set(permissions.users_visible_to(world.people["coordinator"]))
    assert world.objects["colleague"] in visible
    assert world.people["learner"] in visible
    assert world.objects["outsider"] not in visible


def test_a_learner_sees_only_themselves(world):
    learner = world.people["learner"]
    assert list(permissions.users_visible_to(learner)) == [learner]


def test_a_deactivated_account_sees_nothing(world):
    coordinator = world.people["coordinator"]
    coordinator.is_active = False
    coordinator.save()
    assert not permissions.users_visible_to(coordinator).exists()


def test_only_admins_read_the_audit_log(world):
    assert permissions.audit_events_visible_to(world.people["admin"]).exists()
    for role in ("learner", "trainer", "coordinator", "editor"):
        assert not permissions.audit_events_visible_to(world.people[role]).exists()
