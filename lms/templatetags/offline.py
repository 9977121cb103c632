"""The parts of every page's frame that belong to the installable, offline Cascade: the same for
everyone in a language, so each is rendered once per language and process, not on every page."""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=32)
def _rendered(name: str, language: str, script_prefix: str) -> str:
    with translation.override(language):
        return render_to_string(name, {"LANGUAGE_CODE": language})


@register.simple_tag
def offline_head() -> str:
    """The manifest, the app's icons and its theme colour, for ``<head>``."""
    return mark_safe(_rendered("includes/offline_head.html", translation.get_language(), get_script_prefix()))


@register.simple_tag
def offline_notices() -> str:
    """The install hint and the offline notices, hidden until lms/static/js/offline.js shows them."""
    return mark_safe(_rendered("includes/offline_notices.html", translation.get_language(), get_script_prefix()))


def _forget(*, setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "STATIC_URL", "STATIC_ROOT", "STORAGES", "TIME_ZONE"}:
        _rendered.cache_clear()


setting_changed.connect(_forget, dispatch_uid="lms.templatetags.offline")
