"""Reads shared by the accounts views."""

from django.db.models import Q, QuerySet

from core.formatting import by_name

from .models import AuditEvent, User
from .permissions import audit_events_visible_to, users_visible_to


def people_for_directory(*, viewer, search: str = "") -> QuerySet[User]:
    people = users_visible_to(viewer).select_related("organisation", "region").prefetch_related("groups")
    if search:
        people = people.filter(
            Q(email__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(latin_first_name__icontains=search)
            | Q(latin_last_name__icontains=search)
        )
    return people.order_by(*by_name())


def audit_events_for_log(*, viewer, action: str = "") -> QuerySet[AuditEvent]:
    events = audit_events_visible_to(viewer).select_related("actor", "target_type")
    if action:
        events = events.filter(action=action)
    return events
