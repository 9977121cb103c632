"""Settings for the load test only: production's, served over plain HTTP on loopback.

Everything of ``lms.settings.production`` stays (DEBUG off, PostgreSQL, Redis for the cache and the
queue, WhiteNoise's manifest, the rate limits) except what needs a TLS proxy in front, which the load
test does not have, and the e-mail, which must reach nobody. Never point a real deployment at this
module: it sends session cookies over plain HTTP and delivers no e-mail.
"""

from lms.settings.production import *  # noqa: F403
from lms.settings.production import STORAGES

# No TLS-terminating proxy on loopback: no redirect to https, no HSTS, and cookies that a client
# sends back over plain HTTP (a "Secure" cookie is never returned over http://).
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
# Production demands an SMTP host; the load test's e-mail (certificates issued during the run) is
# built as it would be and then kept in each process's memory.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The pages are served, never their static files (a person's browser would have them cached), so the
# run skips collectstatic (two minutes of hashing and compressing): ``{% static %}`` names the files
# without the manifest's hashes.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
