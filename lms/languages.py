"""Where the language switcher lands: the same page in the other language, or the nearest
translated ancestor, or the same address in the other language."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class Landing:
    url: str
    # True when the page itself has no translation and the reader lands on an ancestor.
    is_fallback: bool = False


def _page_for_path(request, path: str, language: str) -> Page | None:
    """The Wagtail page that serves ``path`` (a path under a language prefix) in ``language``."""
    prefix = f"/{language}/"
    if not path.startswith(prefix):
        return None
    with translation.override(language):
        return Page.find_for_request(request, "/" + path[len(prefix) :])


def landing_for(request, next_url: str, language: str) -> Landing:
    path = urlsplit(next_url).path or "/"
    source_language = translation.get_language_from_path(path)
    if source_language is None:
        return Landing(path)  # an address without a prefix serves every language itself
    page = _page_for_path(request, path, source_language)
    if page is None:
        return Landing(translate_url(path, language))
    target_locale = Locale.objects.filter(language_code=language).first()
    if target_locale is None:
        return Landing(path)
    for candidate in [page, *page.get_ancestors().filter(depth__gt=1).reverse()]:
        translated = candidate.get_translation_or_none(target_locale)
        if translated is not None and translated.live:
            with translation.override(language):
                url = translated.get_url(request) or translate_url(path, language)
            return Landing(url, is_fallback=candidate.pk != page.pk)
    return Landing(translate_url(path, language), is_fallback=True)


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)
