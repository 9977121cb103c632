"""Role names, in one place. A role is a group; its scope comes from records elsewhere.

Every active account is a learner; the other roles are groups of the same name.
"""

from functools import lru_cache

from django.utils.translation import gettext_lazy as _

LEARNER = "learner"
TRAINER = "trainer"
MASTER_TRAINER = "master_trainer"
COORDINATOR = "coordinator"
EDITOR = "editor"
ADMIN = "admin"

GROUP_ROLES = (TRAINER, MASTER_TRAINER, COORDINATOR, EDITOR, ADMIN)
ALL_ROLES = (LEARNER, *GROUP_ROLES)

# The roles that teach cohorts: their reach over trainees comes from the cohorts they run.
TEACHING_ROLES = (TRAINER, MASTER_TRAINER)
# The roles whose work is cohorts: they have the cohort pages, the authorisations and the
# certificates of the people they reach (what each sees is scoped in the apps' permissions.py).
COHORT_ROLES = (*TEACHING_ROLES, COORDINATOR, ADMIN)

ROLE_LABELS = {
    LEARNER: _("Learner"),
    TRAINER: _("Trainer"),
    MASTER_TRAINER: _("Master trainer"),
    COORDINATOR: _("Coordinator"),
    EDITOR: _("Editor"),
    ADMIN: _("Administrator"),
}


def roles_of(user) -> frozenset[str]:
    """The roles of ``user``, from the copy of their role groups on their row (no query; kept in
    step with the groups by ``accounts.role_names``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return _roles(user.role_names, user.is_superuser)


@lru_cache(maxsize=64)
def _roles(role_names: str, is_superuser: bool) -> frozenset[str]:
    names = set(role_names.split()) & set(GROUP_ROLES)
    if is_superuser:
        names.add(ADMIN)
    return frozenset({LEARNER, *names})


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))
