"""Every accounts URL, as every role, on one's own and other people's records."""

import pytest
from django.urls import reverse

from accounts import roles
from tests.scoping import Route, build_world, check, matrix, matrix_ids


def _person_url(world, viewer, target):
    person = viewer if target == "self" else world.objects[target]
    if person is None:  # anonymous asking for someone
        person = world.objects["colleague"]
    return reverse("person", args=[person.pk])


def _person_visible(role, target):
    if role == roles.ADMIN or target == "self":
        return True
    return role == roles.COORDINATOR and target == "colleague"


ROUTES = [
    Route("profile", lambda w, v, t: reverse("profile")),
    Route(
        "people",
        lambda w, v, t: reverse("people"),
        visible=lambda role, target: role in (roles.COORDINATOR, roles.ADMIN),
    ),
    Route("person", _person_url, targets=("self", "colleague", "outsider"), visible=_person_visible),
    Route("audit_log", lambda w, v, t: reverse("audit_log"), visible=lambda role, target: role == roles.ADMIN),
    Route("api_me", lambda w, v, t: "/api/v1/me", api=True),
    # The site's icon, where browsers look for it: the same file for everyone, signed in or not.
    Route("favicon", lambda w, v, t: reverse("favicon"), public=True),
    # The app's manifest, its service worker and the page shown offline: the same for everyone.
    Route("web_manifest", lambda w, v, t: reverse("web_manifest"), public=True),
    Route("service_worker", lambda w, v, t: reverse("service_worker"), public=True),
    Route("offline", lambda w, v, t: reverse("offline"), public=True),
]


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_accounts_urls_are_scoped(client, world, route, role, target):
    check(client, world, route, role, target)


def test_people_directory_lists_only_the_coordinators_subtree(client, world):
    client.force_login(world.people[roles.COORDINATOR])
    page = client.get(reverse("people")).content.decode()
    assert "colleague@scope.mn" in page
    assert "outsider@scope.mn" not in page


def test_people_directory_search_stays_inside_the_subtree(client, world):
    client.force_login(world.people[roles.COORDINATOR])
    page = client.get(reverse("people"), {"q": "outsider"}).content.decode()
    assert "outsider@scope.mn" not in page
