"""Start-up checks: report a bad configuration before the first request."""

import ctypes.util

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register()
def harfbuzz_subset_available(app_configs, **kwargs):
    """WeasyPrint subsets fonts with libharfbuzz-subset; without it every certificate takes
    about five to six times longer to render."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return []
    return [
        Warning(
            "libharfbuzz-subset0 is not installed: certificate PDFs will render several times slower.",
            hint="Install it with: apt-get install libharfbuzz-subset0",
            id="cascade.W001",
        )
    ]


# Caches that each process keeps to itself (or that keep nothing).
UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


@register(Tags.caches, deploy=True)
def cache_shared_between_processes(app_configs, **kwargs):
    """Sign-in and certificate-lookup limits are counted in the default cache: one that is not
    shared between web processes grants every limit once per worker."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in UNSHARED_CACHES:
        return []
    return [
        Error(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between processes: "
            "rate limits would hold per worker only.",
            hint="Set REDIS_URL so that the cache is Redis.",
            id="cascade.E001",
        )
    ]


# E-mail backends that deliver to nobody: the console and files end in a log or on disk, the
# others keep messages in memory or drop them.
UNDELIVERED_EMAIL = {
    "core.mail.ConsoleEmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(deploy=True)
def email_delivered(app_configs, **kwargs):
    """Certificates, invitations and password resets are e-mailed: a backend that delivers nothing
    loses them silently."""
    backend = settings.EMAIL_BACKEND
    if backend not in UNDELIVERED_EMAIL:
        return []
    return [
        Error(
            f"The e-mail backend ({backend}) delivers to nobody: certificates and invitations would be lost.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) so that e-mail goes out by SMTP.",
            id="cascade.E002",
        )
    ]
