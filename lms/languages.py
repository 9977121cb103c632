"""Where the language switcher lands: the same page in the other language, or the nearest
translated ancestor, or the same address in the other language.

The other language's address is worked out from the address's own prefix (/mn/ or /en/), never
from the language the switch request itself runs in: that one comes from the person's saved
preference or cookie (the switch is posted to an address without a prefix), and it differs from
the page's language exactly when someone reads a page in the language they do not prefer.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page

from core.formatting import language_in_sentence


@dataclass(frozen=True)
class Landing:
    url: str
    # True when the page itself has no translation and the reader lands on an ancestor.
    is_fallback: bool = False


def _with_query(path: str, query: str) -> str:
    return urlunsplit(("", "", path, query, ""))


def _page_for_path(request, path: str, language: str) -> Page | None:
    """The Wagtail page that serves ``path`` (a path under the ``language`` prefix)."""
    with translation.override(language):
        # Addresses come percent-encoded; a page's slug may be in Cyrillic letters.
        return Page.find_for_request(request, "/" + unquote(path)[len(language) + 2 :])


def _same_view_in(path: str, source: str, target: str) -> str:
    """``path`` (under the ``source`` prefix) for the same view and arguments under ``target``."""
    with translation.override(source):
        try:
            match = resolve(unquote(path))
        except Resolver404:
            match = None
    if match is not None and match.url_name:
        with translation.override(target):
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
    # An address no named view answers (a 404, an unnamed redirect) keeps its path under the
    # other prefix, so the reader still sees it, or its "not found", in the language they chose.
    return f"/{target}/{path[len(source) + 2 :]}"


def landing_for(request, next_url: str, language: str) -> Landing:
    parts = urlsplit(next_url)
    path = parts.path or "/"
    source = translation.get_language_from_path(path)
    if source is None:
        # An address without a prefix serves every language itself.
        return Landing(_with_query(path, parts.query))
    page = _page_for_path(request, path, source)
    if page is None:
        return Landing(_with_query(_same_view_in(path, source, language), parts.query))
    target_locale = Locale.objects.filter(language_code=language).first()
    if target_locale is None:
        return Landing(_with_query(path, parts.query))
    for candidate in [page, *page.get_ancestors().filter(depth__gt=1).reverse()]:
        translated = candidate.get_translation_or_none(target_locale)
        if translated is not None and translated.live:
            with translation.override(language):
                url = translated.get_url(request) or _same_view_in(path, source, language)
            if candidate.pk != page.pk:
                # The query (a search, a filter) belongs to the page that has no translation.
                return Landing(url, is_fallback=True)
            return Landing(_with_query(url, parts.query))
    return Landing(_same_view_in(path, source, language), is_fallback=True)


def language_name(code: str) -> str:
    """The language as a sentence names it (core.formatting), not as the switcher's autonym."""
    return language_in_sentence(code)
