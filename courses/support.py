"""Whom to call, as shown beside a content note, at the end of a hard lesson, on a course or quiz
with a content note, and under a catalogue that lists such courses.

The lines are a fact of the published site, like a lesson's rendered body: they are worked out once
per page and language and cached with the page tree (``page_cache``), which forgets them when a page
is published or a support contact or the site's support settings change. A content note's HTML is
cached with the lesson body, so it could not ask per request anyway."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page

from .models import CoursePage, SupportContact, SupportSettings
from .page_cache import cached


@dataclass(frozen=True)
class SupportLine:
    name: str
    phone: str
    hours: str
    text: str

    @property
    def phone_uri(self) -> str:
        """The number as a ``tel:`` link wants it: digits and a leading plus only."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


def support_for(page: Page) -> tuple[SupportLine, ...]:
    """The helpline and the support person for ``page`` in the active language: the course's own
    person where the course above ``page`` names one, otherwise the site's. Empty if none is set."""
    if page.pk is None:  # the preview of a page not yet created
        return ()
    return cached("support", f"{page.pk}:{get_language()}", lambda: _support_lines(page))


def _support_lines(page: Page) -> tuple[SupportLine, ...]:
    """Three small queries, read as values: this runs on the first request after every publish."""
    url_parts = page.get_url_parts()  # from Wagtail's cached list of site roots, no query
    if url_parts is None:  # a page outside any site (being built, or in a test's bare tree)
        return ()
    # Read, never created here (``for_site`` would create the row, and saving it resets this cache).
    helpline_id, person_id = SupportSettings.objects.filter(site_id=url_parts[0]).values_list(
        "helpline_id", "support_person_id"
    ).first() or (None, None)
    course_person_id = (
        CoursePage.objects.ancestor_of(page, inclusive=True).values_list("support_contact_id", flat=True).first()
    )
    wanted = [pk for pk in (helpline_id, course_person_id or person_id) if pk is not None]
    if not wanted:
        return ()
    # The contacts and, where they are in another language, their translations in the active one.
    originals = SupportContact.objects.filter(pk__in=wanted)
    rows = SupportContact.objects.filter(
        Q(pk__in=wanted)
        | Q(translation_key__in=originals.values("translation_key"), locale__language_code=get_language())
    ).values("pk", "translation_key", "locale__language_code", "name", "phone", "hours", "text")
    by_pk = {row["pk"]: row for row in rows}
    in_language = {
        row["translation_key"]: row for row in by_pk.values() if row["locale__language_code"] == get_language()
    }
    lines = []
    for pk in wanted:
        contact = by_pk[pk]
        contact = in_language.get(contact["translation_key"], contact)  # else the original
        lines.append(
            SupportLine(name=contact["name"], phone=contact["phone"], hours=contact["hours"], text=contact["text"])
        )
    return tuple(lines)
