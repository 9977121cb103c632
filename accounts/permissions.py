"""Who may see which accounts-app objects (architecture §4.2).

For each model: a queryset of what a user may see, and a yes/no check built from
that same queryset, so the two can never disagree. Views start from the queryset;
anything outside it is a 404.
"""

from django.db.models import Q, QuerySet

from . import roles
from .models import AuditEvent, Organisation, User


def in_coordinated_organisations(user, via: str = "") -> Q | None:
    """A coordinator's reach, written once: what belongs to their organisation or a unit below it, as
    a condition on a model that reaches an organisation through ``via`` ("learner", "trainer"; none
    for a model with its own). None for anyone who coordinates no organisation."""
    if not (roles.has_role(user, roles.COORDINATOR) and user.organisation_id):
        return None
    field = f"{via}__organisation__path__startswith" if via else "organisation__path__startswith"
    return Q(**{field: user.organisation.path})


def organisations_coordinated_by(user) -> QuerySet[Organisation]:
    """The organisations whose whole subtree ``user`` coordinates (their own, if a coordinator)."""
    if not roles.has_role(user, roles.COORDINATOR) or user.organisation_id is None:
        return Organisation.objects.none()
    return user.organisation.subtree()


def organisations_visible_to(user) -> QuerySet[Organisation]:
    if roles.has_role(user, roles.ADMIN):
        return Organisation.objects.all()
    if not roles.roles_of(user):
        return Organisation.objects.none()
    query = Q(pk=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    if roles.has_role(user, roles.COORDINATOR) and user.organisation_id:
        query |= Q(path__startswith=user.organisation.path)
    return Organisation.objects.filter(query)


def users_visible_to(user) -> QuerySet[User]:
    """Admins see everyone; coordinators their organisation's subtree; everyone sees themselves.
    Trainers' trainees join this in the cohorts app, which owns that relation."""
    if roles.has_role(user, roles.ADMIN):
        return User.objects.all()
    if not roles.roles_of(user):
        return User.objects.none()
    query = Q(pk=user.pk)
    if coordinated := in_coordinated_organisations(user):
        query |= coordinated
    return User.objects.filter(query)


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    if roles.has_role(user, roles.ADMIN):
        return AuditEvent.objects.all()
    return AuditEvent.objects.none()


def can_view_user(viewer, target: User) -> bool:
    return users_visible_to(viewer).filter(pk=target.pk).exists()


def can_view_organisation(viewer, organisation: Organisation) -> bool:
    return organisations_visible_to(viewer).filter(pk=organisation.pk).exists()


def can_view_audit_event(viewer, event: AuditEvent) -> bool:
    return audit_events_visible_to(viewer).filter(pk=event.pk).exists()


def can_list_people(user) -> bool:
    """Whether the people directory is worth showing: it lists more than oneself."""
    return roles.has_role(user, roles.ADMIN, roles.COORDINATOR)


def can_read_audit_log(user) -> bool:
    return roles.has_role(user, roles.ADMIN)


def can_use_wagtail_admin(user) -> bool:
    return roles.has_role(user, roles.ADMIN, roles.EDITOR)
