"""A page by its language-independent key, in the language being read (architecture §4.1).

Records name pages by ``translation_key``; to show one, Cascade takes the page of that key in the
reader's language, or, where it has no translation yet, the first of the others (in tree order).
The one rule for every app: the cohort's course, the attempt's quiz, the observation's assessment,
the catalogue's courses."""

from collections.abc import Iterable
from uuid import UUID

from django.utils import translation


def in_language(pages: Iterable, language: str | None = None):
    """Of the translations of one page, the one in ``language`` (the active one by default), else the
    first; None when there is none. ``pages`` need their ``locale`` loaded."""
    pages = list(pages)
    language = language or translation.get_language()
    return next((page for page in pages if page.locale.language_code == language), pages[0] if pages else None)


def page_by_key(pages, key: UUID, language: str | None = None):
    """The page of ``pages`` (a queryset: a model's pages, live ones…) with ``key``, by ``in_language``.
    One query."""
    return in_language(pages.filter(translation_key=key).select_related("locale"), language)


def pages_by_key(pages: Iterable, language: str | None = None) -> dict[UUID, object]:
    """Each key of ``pages`` (with their ``locale`` loaded) and its page, by ``in_language``, in the
    order the keys first come."""
    grouped: dict[UUID, list] = {}
    for page in pages:
        grouped.setdefault(page.translation_key, []).append(page)
    return {key: in_language(translations, language) for key, translations in grouped.items()}
