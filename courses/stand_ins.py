"""Which pages stand in for a translation not made yet, and in which language they are written.

A page exists once per language, but not every language's page is a translation yet. Two kinds
stand in for one: an alias of the page in another language (wagtail-localize makes them in a
synchronised tree), and a copy of it that still holds the other language's text, which is what
"Translate → Submit" publishes: wagtail-localize copies the Mongolian page into English, live, and
its title and text become English only when a translator publishes their translation. Until
then the English course would list the lesson under its Mongolian title as if it were English.

A copy is taken to be untranslated while its title is still the title of the page it was made
from (the first of its pages, by when it was created): a translated title is the first thing a
translator writes, and the title is what every list shows.
"""

from collections import defaultdict
from typing import NamedTuple
from uuid import UUID


class PageLanguage(NamedTuple):
    pk: int
    translation_key: UUID
    language: str
    title: str
    alias_of_id: int | None


# The columns of ``Page`` to read for ``PageLanguage``, in its order.
FIELDS = ("pk", "translation_key", "locale__language_code", "title", "alias_of_id")


def stand_ins(pages) -> dict[int, str]:
    """For each of ``pages`` (``PageLanguage``s of every language of some translation keys) that
    stands in for a translation: its pk → the language it is written in."""
    by_key: dict[UUID, list[PageLanguage]] = defaultdict(list)
    for row in pages:
        page = PageLanguage(*row)
        by_key[page.translation_key].append(page)
    shown_in = {}
    for group in by_key.values():
        original = min(group, key=lambda page: page.pk)
        languages = {page.pk: page.language for page in group}
        for page in group:
            if page.alias_of_id is not None:
                shown_in[page.pk] = languages.get(page.alias_of_id, original.language)
            elif page is not original and page.language != original.language and page.title == original.title:
                shown_in[page.pk] = original.language
    return shown_in
