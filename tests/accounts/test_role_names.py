"""Every page reads a person's roles from the copy on their own row (no query of the groups): the
copy follows every change of their groups, so a revoked role is gone at their next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import roles
from accounts.models import User
from accounts.role_names import role_names_sync
from tests.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db


def roles_now(person: User) -> frozenset[str]:
    """The roles a request would see: the person's row as loaded afresh."""
    return roles.roles_of(User.objects.get(pk=person.pk))


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def test_roles_added_and_removed_through_the_users_groups_are_seen_at_once():
    person = UserFactory()
    person.groups.add(group("trainer"), group("coordinator"))
    assert roles_now(person) == {"learner", "trainer", "coordinator"}
    assert roles.roles_of(person) == {"learner", "trainer", "coordinator"}  # the same object too
    person.groups.remove(group("coordinator"))
    assert roles_now(person) == {"learner", "trainer"}
    person.groups.set([group("editor")])
    assert roles_now(person) == {"learner", "editor"}
    person.groups.clear()
    assert roles_now(person) == {"learner"}
    assert roles.roles_of(person) == {"learner"}


def test_roles_changed_from_the_groups_side_are_seen_at_once():
    person, other = UserFactory(), UserFactory(roles=["trainer"])
    group("coordinator").user_set.add(person, other)
    assert roles_now(person) == roles_now(other) - {"trainer"} == {"learner", "coordinator"}
    group("coordinator").user_set.remove(person)
    assert roles_now(person) == {"learner"}
    group("trainer").user_set.set([person])
    assert roles_now(person) == {"learner", "trainer"}
    assert roles_now(other) == {"learner", "coordinator"}
    group("coordinator").user_set.clear()
    assert roles_now(other) == {"learner"}


def test_deleting_or_renaming_a_role_group_takes_the_role_away():
    person = UserFactory(roles=["editor", "trainer"])
    group("editor").delete()
    assert roles_now(person) == {"learner", "trainer"}
    trainers = group("trainer")
    trainers.name = "former trainers"
    trainers.save()
    assert roles_now(person) == {"learner"}
    trainers.name = "trainer"
    trainers.save()
    assert roles_now(person) == {"learner", "trainer"}


def test_groups_that_are_no_role_give_none():
    person = UserFactory()
    person.groups.add(Group.objects.create(name="newsletter"))
    assert roles_now(person) == {"learner"}


def test_saving_a_person_loaded_before_a_revocation_does_not_bring_the_role_back():
    person = UserFactory(roles=["coordinator"])
    loaded_earlier = User.objects.get(pk=person.pk)
    group("coordinator").user_set.remove(person)
    loaded_earlier.position = "Inspector"
    loaded_earlier.save()
    assert roles_now(person) == {"learner"}
    assert User.objects.get(pk=person.pk).position == "Inspector"


def test_a_new_person_starts_with_no_copied_role_whatever_is_set():
    person = User.objects.create_user(email="new@example.org", password="x", role_names="admin editor")
    assert roles_now(person) == {"learner"}


def test_the_copy_can_be_rebuilt_from_the_groups():
    person = UserFactory(roles=["trainer"])
    User.objects.filter(pk=person.pk).update(role_names="")  # as after a raw write to the groups
    assert role_names_sync([person.pk]) == {person.pk: "trainer"}
    assert roles_now(person) == {"learner", "trainer"}


def test_a_revoked_coordinator_is_no_longer_held_to_two_factor_setup_at_the_next_request(client):
    person = UserFactory(roles=["coordinator"])
    client.force_login(person)
    assert client.get(reverse("my_learning")).status_code == 302  # sent to set up a second factor
    group("coordinator").user_set.remove(person)
    assert client.get(reverse("my_learning")).status_code == 200


def test_a_revoked_role_leaves_the_menu_at_the_next_request(client):
    person = with_totp(UserFactory(roles=["coordinator"]))
    client.force_login(person)
    people = reverse("people")
    assert people in client.get(reverse("my_learning")).content.decode()
    person.groups.remove(group("coordinator"))
    assert people not in client.get(reverse("my_learning")).content.decode()
    assert client.get(people).status_code in (403, 404)


def test_a_page_reads_no_group_to_know_the_roles(client):
    person = with_totp(UserFactory(roles=["coordinator"]))
    client.force_login(person)
    client.get(reverse("my_learning"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("my_learning")).status_code == 200
    assert not [q for q in queries if "auth_group" in q["sql"]]
