"""The embedded default: one machine, SQLite, tasks in-process, e-mail kept in var/mail/."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
# A development key is fine on a laptop; production refuses to start without its own.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"
INTERNAL_IPS = ["127.0.0.1"]
