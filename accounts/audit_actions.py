"""The actions the audit log knows (architecture §4.10), gathered from the apps that record them.

Accounts records its own (sign-ins, roles, passwords, two-factor authentication, exports of
personal data); every other app declares the actions it adds in its own ``audit.py``, a
``TextChoices`` class passed to ``declare``. ``discover`` imports each installed app's ``audit.py``
(from ``AccountsConfig.ready``), so accounts never names an app above it. The log's ``action``
field reads its choices through ``action_choices``, a callable: a new action needs no migration."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

_LABELS: dict[str, object] = {}


def declare(actions):
    """Add a ``TextChoices`` class of actions to the log's choices; returns it (a class decorator)."""
    for value, label in actions.choices:
        if value in _LABELS and str(_LABELS[value]) != str(label):
            raise ImproperlyConfigured(f"The audit action {value!r} is declared twice with different labels.")
        _LABELS[value] = label
    return actions


def action_choices() -> list[tuple[str, object]]:
    """Every declared action and its label: the audit log's field choices and its filter."""
    return list(_LABELS.items())


def discover() -> None:
    autodiscover_modules("audit")
