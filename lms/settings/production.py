"""Production: PostgreSQL, Redis, a real Celery worker, SMTP, behind a TLS-terminating proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    BASE_URL,
    CONTENT_SECURITY_POLICY,
    EMAIL_URL_HOST,
    MIDDLEWARE,
    REDIS_URL,
    SECRET_KEY,
    env_bool,
    env_int,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment to run Cascade in production.")
# Sign-in and certificate-lookup limits are counted in the cache: without Redis each web process
# would keep counts of its own, and an attacker would get every limit once per worker. (While a
# configured Redis is down at run time, that is what happens, for the outage only: core/cache.py.)
if not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set in the environment to run Cascade in production.")
# Without an SMTP host the base settings print e-mail to the console: certificates, invitations and
# password resets would end in a log and reach nobody, and nothing would say so.
if not EMAIL_URL_HOST:
    raise ImproperlyConfigured("EMAIL_HOST must be set in the environment to run Cascade in production.")
# Every e-mailed link and every certificate's QR code is built on it: a default would send them all
# to 127.0.0.1.
if not BASE_URL:
    raise ImproperlyConfigured("BASE_URL must be set in the environment to run Cascade in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# /healthz is probed by the load balancer over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}
# WhiteNoise serves the collected static files right after the security middleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
