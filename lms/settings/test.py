"""Settings for the test suite: the services of the environment, fast hashing, no outgoing mail."""

import os
import re

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, SECRET_KEY

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Tests that prove the background jobs start a real worker and turn this off themselves.
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Parallel test workers share one Redis; each gets a database of its own so that one worker
# clearing its cache (or tripping a rate limit) cannot disturb another.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
if REDIS_URL and _worker.isdigit():
    CACHES["default"]["LOCATION"] = re.sub(r"/\d*$", "", REDIS_URL.rstrip("/")) + f"/{1 + int(_worker) % 15}"
