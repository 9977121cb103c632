"""The accounts part of the API: who is signed in."""

from django.utils.translation import get_language
from ninja import Router, Schema

from core.api import errors

from . import roles

router = Router(tags=["accounts"])


class OrganisationOut(Schema):
    id: int
    name: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    preferred_language: str
    language: str
    roles: list[str]
    organisation: OrganisationOut | None


@router.get("/me", response={200: MeOut, **errors(401, 403)}, summary="The signed-in user")
def me(request):
    user = request.user
    organisation = user.organisation
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.get_full_name(),
        "preferred_language": user.preferred_language,
        "language": get_language(),
        "roles": sorted(roles.roles_of(user)),
        "organisation": {"id": organisation.pk, "name": organisation.name} if organisation else None,
    }
