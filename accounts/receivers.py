"""Audit receivers: they write audit events and nothing else, so nothing chains from them."""

from dataclasses import replace

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from . import roles
from .audit_context import actor_from_request, current_actor
from .models import AuditEvent, User
from .services import audit_record


def _actor(request):
    return actor_from_request(request) if request is not None else current_actor()


def _actor_as(request, user):
    """The request's address and browser, with ``user`` as the one acting (at sign-in and sign-out
    ``request.user`` is not yet, or no longer, that person)."""
    return replace(_actor(request), user=user)


@receiver(auth_signals.user_logged_in)
def audit_login(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.LOGIN, target=user, actor=_actor_as(request, user))


@receiver(auth_signals.user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditEvent.Action.LOGOUT, target=user, actor=_actor_as(request, user))


@receiver(auth_signals.user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``.
    email = credentials.get("email") or credentials.get("username") or ""
    audit_record(action=AuditEvent.Action.LOGIN_FAILED, actor=_actor(request), email=str(email))


@receiver(m2m_changed, sender=User.groups.through)
def audit_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    event = AuditEvent.Action.ROLE_GRANTED if action == "post_add" else AuditEvent.Action.ROLE_REVOKED
    groups = Group.objects.filter(pk__in=pk_set, name__in=roles.GROUP_ROLES)
    if reverse:  # group.user_set.add(...): ``instance`` is the group, pk_set the users
        if instance.name in roles.GROUP_ROLES:
            for user in User.objects.filter(pk__in=pk_set):
                audit_record(action=event, target=user, data={"role": instance.name})
        return
    for group in groups:
        audit_record(action=event, target=instance, data={"role": group.name})


@receiver(account_signals.password_changed)
@receiver(account_signals.password_set)
def audit_password_changed(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, target=user, actor=_actor(request))


@receiver(account_signals.password_reset)
def audit_password_reset(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.PASSWORD_RESET, target=user, actor=_actor(request))


@receiver(mfa_signals.authenticator_added)
def audit_mfa_added(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditEvent.Action.MFA_ENABLED, target=user, actor=_actor(request), data={"type": authenticator.type}
    )


@receiver(mfa_signals.authenticator_removed)
def audit_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditEvent.Action.MFA_DISABLED, target=user, actor=_actor(request), data={"type": authenticator.type}
    )
