"""The copy of a person's role groups kept on their own row (``User.role_names``).

Every signed-in request loads the user's row; reading the roles from it spares every page a
query of the groups (docs/security.md, "Roles"). The copy is worked out again from the groups
whenever a membership could have changed, in the same transaction as the change, so a revoked
role is gone at the person's next request:

- a membership added, removed or cleared from either side (``user.groups.add/remove/clear/set``,
  ``group.user_set.…``, the Wagtail admin's user and group editors, ``role_grant``/``role_revoke``);
- a group renamed or deleted (its memberships go without ``m2m_changed``).

Writes that bypass Django's signals (raw SQL, ``bulk_create`` on the through table, a queryset
``update()`` of group names) bypass the copy too: call :func:`role_names_sync` after them.
The copy is written only here, with ``update()``: no ``post_save`` fires, so nothing chains from it.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import roles
from .models import User

# Users per UPDATE when a group with many members is renamed or deleted (SQLite's parameter limit).
BATCH = 500


def role_names_text(names: Iterable[str]) -> str:
    return " ".join(sorted(set(names) & set(roles.GROUP_ROLES)))


def role_names_sync(user_ids: Iterable[int]) -> dict[int, str]:
    """Write each user's copy from their groups; returns the copies written, by user id."""
    user_ids = sorted(set(user_ids))
    held: dict[int, set[str]] = defaultdict(set)
    copies: dict[int, str] = {}
    for start in range(0, len(user_ids), BATCH):
        batch = user_ids[start : start + BATCH]
        memberships = User.groups.through.objects.filter(user_id__in=batch, group__name__in=roles.GROUP_ROLES)
        for user_id, name in memberships.values_list("user_id", "group__name"):
            held[user_id].add(name)
        by_text: dict[str, list[int]] = defaultdict(list)
        for user_id in batch:
            copies[user_id] = role_names_text(held[user_id])
            by_text[copies[user_id]].append(user_id)
        for text, ids in by_text.items():
            User.objects.filter(pk__in=ids).update(role_names=text)
    return copies


def _membership_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action == "pre_clear" and reverse:
        # group.user_set.clear(): the members are known only before they go.
        instance._cascade_cleared_members = list(instance.user_set.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:  # user.groups.…: ``instance`` is the user
        instance.role_names = role_names_sync([instance.pk])[instance.pk]
        return
    members = pk_set if action != "post_clear" else instance.__dict__.pop("_cascade_cleared_members", [])
    role_names_sync(members or ())


def _group_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not created and not raw:  # a rename can make or unmake a role group
        role_names_sync(instance.user_set.values_list("pk", flat=True))


def _group_deleting(sender, instance, **kwargs) -> None:
    instance._cascade_deleted_members = list(instance.user_set.values_list("pk", flat=True))


def _group_deleted(sender, instance, **kwargs) -> None:
    role_names_sync(instance.__dict__.pop("_cascade_deleted_members", ()))


def connect() -> None:
    m2m_changed.connect(_membership_changed, sender=User.groups.through, dispatch_uid="accounts.role_names.m2m")
    post_save.connect(_group_saved, sender=Group, dispatch_uid="accounts.role_names.group_saved")
    pre_delete.connect(_group_deleting, sender=Group, dispatch_uid="accounts.role_names.group_deleting")
    post_delete.connect(_group_deleted, sender=Group, dispatch_uid="accounts.role_names.group_deleted")
