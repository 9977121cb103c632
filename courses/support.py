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

from .models import CoursePage, ModulePage, SupportContact, SupportSettings
from .outline import ITEM_MODELS, course_of
from .page_cache import cached, cached_upper


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
    """No query once the upper tree's facts are cached (the site's settings, the contacts):
    this runs on the first request after every publish, for each page that shows whom to call."""
    url_parts = page.get_url_parts()  # from Wagtail's cached list of site roots, no query
    if url_parts is None:  # a page outside any site (being built, or in a test's bare tree)
        return ()
    site_id = url_parts[0]
    helpline_id, person_id = cached_upper("support-settings", site_id, lambda: _site_settings(site_id))
    wanted = tuple(pk for pk in (helpline_id, _course_person_id(page) or person_id) if pk is not None)
    if not wanted:
        return ()
    language = get_language()
    return cached_upper(
        "support-lines", f"{','.join(map(str, wanted))}:{language}", lambda: _contact_lines(wanted, language)
    )


def _site_settings(site_id: int) -> tuple[int | None, int | None]:
    # Read, never created here (``for_site`` would create the row, and saving it resets this cache).
    return SupportSettings.objects.filter(site_id=site_id).values_list("helpline_id", "support_person_id").first() or (
        None,
        None,
    )


def _course_person_id(page: Page) -> int | None:
    """The support person the course at or above ``page`` names, if any."""
    if isinstance(page, CoursePage):
        return page.support_contact_id
    if isinstance(page, (ModulePage, *ITEM_MODELS)):
        # The course is cached for its items and modules anyway (``course_of``): no query of its own.
        try:
            return course_of(page).support_contact_id
        except CoursePage.DoesNotExist:  # an item outside any course (a test's bare tree)
            return None
    return CoursePage.objects.ancestor_of(page).values_list("support_contact_id", flat=True).first()


def _contact_lines(wanted: tuple[int, ...], language: str) -> tuple[SupportLine, ...]:
    # The contacts and, where they are in another language, their translations in ``language``.
    originals = SupportContact.objects.filter(pk__in=wanted)
    rows = SupportContact.objects.filter(
        Q(pk__in=wanted) | Q(translation_key__in=originals.values("translation_key"), locale__language_code=language)
    ).values("pk", "translation_key", "locale__language_code", "name", "phone", "hours", "text")
    by_pk = {row["pk"]: row for row in rows}
    in_language = {row["translation_key"]: row for row in by_pk.values() if row["locale__language_code"] == language}
    lines = []
    for pk in wanted:
        contact = by_pk[pk]
        contact = in_language.get(contact["translation_key"], contact)  # else the original
        lines.append(
            SupportLine(name=contact["name"], phone=contact["phone"], hours=contact["hours"], text=contact["text"])
        )
    return tuple(lines)
