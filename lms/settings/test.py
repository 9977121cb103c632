"""Settings for the test suite: the services of the environment, fast hashing, no outgoing mail."""

import os
import re
import tempfile

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, SECRET_KEY

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("CASCADE_TEST_EMAIL_DIR"):  # a worker started by a test writes its mail where the test reads
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["CASCADE_TEST_EMAIL_DIR"]
ALLOWED_HOSTS = ["*"]
# Tests that prove the background jobs start a real worker and turn this off themselves.
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Rendered certificates go to a temporary directory of this test run's own.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Set in the environment, so a Celery worker started by a test writes where the test reads.
        "OPTIONS": {
            "location": os.environ.setdefault(
                "CASCADE_TEST_PRIVATE_MEDIA", tempfile.mkdtemp(prefix="cascade-private-")
            ),
            "base_url": None,
        },
    },
}

# Parallel test workers share one Redis; each gets a database of its own so that one worker
# clearing its cache (or tripping a rate limit) cannot disturb another.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
if REDIS_URL and _worker.isdigit():
    CACHES["default"]["LOCATION"] = re.sub(r"/\d*$", "", REDIS_URL.rstrip("/")) + f"/{1 + int(_worker) % 15}"
