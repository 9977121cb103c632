"""Writes for accounts: the audit log, roles and profiles."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from . import roles
from .audit_context import Actor, acting_as, current_actor
from .models import AuditEvent, User


def audit_record(*, action: str, target=None, actor: Actor | None = None, email: str = "", data=None) -> AuditEvent:
    """Write one audit event. ``actor`` defaults to whoever the current request or task acts for."""
    actor = actor or current_actor()
    user = actor.user if getattr(actor.user, "pk", None) else None
    return AuditEvent.objects.create(
        action=action,
        actor=user,
        actor_email=(email or getattr(user, "email", "") or "")[:254],
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        ip_address=actor.ip_address,
        user_agent=actor.user_agent,
        data=data or {},
    )


@transaction.atomic
def role_grant(*, user: User, role: str, by: User | None = None) -> User:
    """Give ``user`` a role. The group change is audited by the receiver that watches groups."""
    if role not in roles.GROUP_ROLES:
        raise ValueError(f"Unknown role: {role}")
    with acting_as(Actor(user=by) if by else current_actor()):
        user.groups.add(Group.objects.get(name=role))
    if role == roles.ADMIN and not user.is_superuser:
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    return user


@transaction.atomic
def role_revoke(*, user: User, role: str, by: User | None = None) -> User:
    if role not in roles.GROUP_ROLES:
        raise ValueError(f"Unknown role: {role}")
    with acting_as(Actor(user=by) if by else current_actor()):
        user.groups.remove(Group.objects.get(name=role))
    if role == roles.ADMIN and user.is_superuser:
        user.is_superuser = user.is_staff = False
        user.save(update_fields=["is_superuser", "is_staff"])
    return user


def user_set_language(*, user: User, language: str) -> User:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return user
