"""Whom to call, as shown beside a content note, at the end of a hard lesson, on a course or quiz
with a content note, and under a catalogue that lists such courses.

The lines are a fact of the published site, like a lesson's rendered body: they are worked out once
per page and language and cached with the page tree (``page_cache``), which forgets them when a page
is published or a support contact or the site's support settings change. A content note's HTML is
cached with the lesson body, so it could not ask per request anyway."""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page

from .models import CoursePage, SupportSettings
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
    site = page.get_site()
    if site is None:  # a page outside any site (being built, or in a test's bare tree)
        return ()
    # Read, never created here (``for_site`` would create the row, and saving it resets this cache).
    settings = SupportSettings.objects.filter(site=site).select_related("helpline", "support_person").first()
    course = CoursePage.objects.ancestor_of(page, inclusive=True).select_related("support_contact").first()
    helpline = settings.helpline if settings else None
    person = settings.support_person if settings else None
    if course is not None and course.support_contact_id:
        person = course.support_contact
    lines = []
    for contact in (helpline, person):
        if contact is None:
            continue
        contact = contact.localized  # the active language's translation, or the original
        lines.append(SupportLine(name=contact.name, phone=contact.phone, hours=contact.hours, text=contact.text))
    return tuple(lines)
