"""Static file addresses, worked out once per process.

Every page links the same stylesheet, font and scripts; with hashed file names (the manifest in
production) each ``{% static %}`` lookup costs more than the link it writes. The addresses cannot
change while the process runs, so ``{% asset %}`` remembers them."""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.templatetags.static import static

register = template.Library()


@lru_cache(maxsize=128)
def asset_url(path: str) -> str:
    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """The address of the static file ``path``, like ``{% static %}``."""
    return asset_url(path)


def _forget(*, setting, **kwargs) -> None:
    # Tests may point static files elsewhere.
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES"}:
        asset_url.cache_clear()


setting_changed.connect(_forget, dispatch_uid="lms.templatetags.assets")
