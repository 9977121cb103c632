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
