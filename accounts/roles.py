"""Role names, in one place. A role is a group; its scope comes from records elsewhere.

Every active account is a learner; the other roles are groups of the same name.
"""

from django.utils.translation import gettext_lazy as _

LEARNER = "learner"
TRAINER = "trainer"
MASTER_TRAINER = "master_trainer"
COORDINATOR = "coordinator"
EDITOR = "editor"
ADMIN = "admin"

GROUP_ROLES = (TRAINER, MASTER_TRAINER, COORDINATOR, EDITOR, ADMIN)
ALL_ROLES = (LEARNER, *GROUP_ROLES)

ROLE_LABELS = {
    LEARNER: _("Learner"),
    TRAINER: _("Trainer"),
    MASTER_TRAINER: _("Master trainer"),
    COORDINATOR: _("Coordinator"),
    EDITOR: _("Editor"),
    ADMIN: _("Administrator"),
}


def roles_of(user) -> frozenset[str]:
    """The roles of ``user``, read once per user object (one query)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_cascade_roles", None)
    if cached is None:
        names = set(user.groups.filter(name__in=GROUP_ROLES).values_list("name", flat=True))
        if user.is_superuser:
            names.add(ADMIN)
        cached = frozenset({LEARNER, *names})
        user._cascade_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))
