"""The scoping matrix (architecture §4.2): every URL, every role, own and other people's objects.

A *world* holds one person per role in organisation A (coordinator at the top of A, everyone
else in a unit below it), plus people in an unrelated organisation B. A *route* says how to
build its URL for a target object and which (role, target) pairs may see it. The matrix then
asks each route as each role about each target: visible ones answer with the route's success
status; the rest answer 404 (never 403, which would confirm the object exists), and
anonymous visitors are sent to sign in (pages) or get 401 (API). Later apps add routes and
targets; the helper stays the same.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from accounts import roles
from tests.factories import OrganisationFactory, make_user

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *roles.ALL_ROLES]


@dataclass
class World:
    org_a: object
    unit_a: object
    org_b: object
    people: dict[str, object]  # role → the person acting in that role (in organisation A)
    objects: dict[str, object] = field(default_factory=dict)  # name → object, for routes to target

    def actor(self, role: str):
        return None if role == ANONYMOUS else self.people[role]


def build_world() -> World:
    org_a = OrganisationFactory(code="scope-a")
    unit_a = OrganisationFactory(code="scope-a-unit", parent=org_a)
    org_b = OrganisationFactory(code="scope-b")
    people = {
        role: make_user(role, organisation=org_a if role == roles.COORDINATOR else unit_a, email=f"{role}@scope.mn")
        for role in roles.ALL_ROLES
    }
    world = World(org_a=org_a, unit_a=unit_a, org_b=org_b, people=people)
    world.objects["colleague"] = make_user(roles.LEARNER, organisation=unit_a, email="colleague@scope.mn")
    world.objects["outsider"] = make_user(roles.LEARNER, organisation=org_b, email="outsider@scope.mn")
    return world


@dataclass(frozen=True)
class Route:
    name: str
    # Builds the address for a target: ``url(world, viewer, target_name)``.
    url: Callable
    # Target names to try; "self" means the viewer's own record.
    targets: tuple[str, ...] = ("-",)
    # Which (role, target) pairs may see it: ``visible(role, target_name) -> bool``.
    visible: Callable = lambda role, target: role != ANONYMOUS
    method: str = "get"
    data: dict | None = None
    ok_status: int = 200
    # What a signed-in person who may not see it gets: 404 for records; a redirect for content
    # that is public in outline but needs a step first (a lesson needs an enrolment).
    denied_status: int = 404
    api: bool = False
    # Public pages answer anonymous visitors too.
    public: bool = False


def matrix(routes: list[Route]):
    """Parameters for ``pytest.mark.parametrize("route, role, target", ...)``."""
    return [
        (route, role, target)
        for route in routes
        for role in ROLES
        for target in route.targets
        if not (role == ANONYMOUS and target == "self")
    ]


def matrix_ids(routes: list[Route]) -> list[str]:
    return [f"{route.name}-{role}-{target}" for route, role, target in matrix(routes)]


def check(client, world: World, route: Route, role: str, target: str) -> None:
    viewer = world.actor(role)
    if viewer is not None:
        client.force_login(viewer)
    url = route.url(world, viewer, target)
    response = getattr(client, route.method)(url, data=route.data or {})
    if role == ANONYMOUS and route.public:
        assert response.status_code == route.ok_status, f"{route.name} as {role}: {response.status_code}"
        return
    if role == ANONYMOUS:
        expected = 401 if route.api else 302
        assert response.status_code == expected, f"{route.name} as {role}: {response.status_code}"
        if not route.api:
            assert "/accounts/login/" in response["Location"]
        return
    expected = route.ok_status if route.visible(role, target) else route.denied_status
    assert response.status_code == expected, (
        f"{route.name} as {role} on {target}: expected {expected}, got {response.status_code}"
    )
    if not route.public:
        # An answer to a signed-in person is theirs: no shared cache or browser disk may keep it.
        directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, f"{route.name} as {role}: {response.get('Cache-Control')}"
