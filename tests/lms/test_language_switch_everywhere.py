"""The language switcher works on every page, whatever language the person prefers.

The walk covers every named address of the site (the Wagtail admin and the API excepted: they
have no switcher), with the /mn/ and the /en/ prefix, switching to the other language. It does so
for a visitor with no preference, with a language cookie either way, and for a signed-in person
whose saved preference is either way: the switch is posted to an address without a prefix, so it
runs in the preferred language, which is not the page's when someone reads a page in the
language they do not prefer. Each time the switcher must land on the same page under the other
prefix, with the query string kept, remember the choice, and the page it lands on must be in
the chosen language and offer the switcher back.
"""

import itertools
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils import translation
from wagtail.models import Locale, Page

from accounts import roles
from cohorts.services import invitation_send
from tests.factories import UserFactory, authorise, build_course, make_user, open_cohort
from tests.urlconf import named_patterns

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A search and a filter, one of them in Cyrillic letters, percent-encoded as a browser sends them.
QUERY = "topic=child-protection&q=%D1%85%D0%B8%D0%BB"
WITHOUT_SWITCHER = ("/admin/", "/api/")
SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x/y"}
REGEX_SAMPLES = ("1", "x", "", "x/")

# --- Every named address ---------------------------------------------------------------------


def _reverse_with_samples(name: str, pattern, tokens: dict) -> str | None:
    """An address of ``name`` with sample arguments (real ones from ``tokens`` where given)."""
    if isinstance(pattern, RoutePattern):
        kwargs = {key: tokens.get(key, SAMPLES.get(type(conv).__name__.removesuffix("Converter").lower(), "x"))
                  for key, conv in pattern.converters.items()}  # fmt: skip
        return reverse(name, kwargs=kwargs)
    regex = pattern.regex
    names = list(regex.groupindex)
    for values in itertools.product(REGEX_SAMPLES, repeat=len(names) or regex.groups):
        try:
            if names:
                return reverse(name, kwargs=dict(zip(names, values, strict=True)))
            return reverse(name, args=values)
        except NoReverseMatch:
            continue
    return None


def addresses(language: str, tokens: dict) -> dict[str, tuple[str, bool]]:
    """Each named address of the site in ``language``: {view name: (address, prefixed)}."""
    found = {}
    with translation.override(language):
        for name, pattern, prefixed in named_patterns(get_resolver()):
            address = _reverse_with_samples(name, pattern, tokens)
            if address and not address.startswith(WITHOUT_SWITCHER) and name not in found:
                found[name] = (address, prefixed)
    return found


# --- The people who switch -------------------------------------------------------------------

PREFERENCES = [
    ("nothing", None),
    ("cookie", "source"),
    ("cookie", "target"),
    ("profile", "source"),
    ("profile", "target"),
]


@pytest.fixture
def person(db):
    return UserFactory()


def _client_preferring(kind: str, language: str | None, person):
    """A new browser: with no preference, a language cookie, or ``person`` signed in preferring
    ``language``. Returns the browser and whoever is signed in."""
    client = Client()
    if kind == "cookie":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if kind != "profile":
        return client, None
    person.preferred_language = language
    person.save(update_fields=["preferred_language"])
    client.force_login(person)
    return client, person


@pytest.fixture
def site(db):
    """A course in both languages, one in Mongolian only, and an invitation to a cohort: the walk
    gives the invitation's real token, so that its page (sent by e-mail, in either language) is a
    page."""
    course = build_course(modules=1, lessons=2)
    build_course(modules=1, lessons=1, translate=False, slug="only-mn")
    trainer = make_user(roles.TRAINER, email="trainer-lang@example.mn")
    authorise(trainer, course)
    cohort = open_cohort(course, trainer)
    invitation = invitation_send(cohort=cohort, email="invited-lang@example.mn", by=trainer, language="en")
    return {"token": invitation.token}


def _switcher_next(html: str) -> str | None:
    form = re.search(r'<form class="language-switcher".*?</form>', html, re.S)
    if form is None:
        return None
    found = re.search(r'name="next" value="([^"]*)"', form.group(0))
    return found.group(1).replace("&amp;", "&") if found else None


def _problems(client, user, address: str, expected: str, target: str) -> list[str]:
    """What goes wrong when ``client`` switches ``address`` (with the query) to ``target``."""
    switched = client.post(reverse("set_language"), {"language": target, "next": f"{address}?{QUERY}"})
    landing = switched["Location"]
    if landing != expected:
        return [f"landed on {landing}, not {expected}"]
    problems = []
    if switched.cookies[settings.LANGUAGE_COOKIE_NAME].value != target:
        problems.append("the cookie was not set")
    if user is not None:
        user.refresh_from_db()
        if user.preferred_language != target:
            problems.append("the preference was not saved")
    page = client.get(landing, follow=True)  # through a sign-in page or a missing object's 404
    language = page.headers.get("Content-Language")
    if language != target:
        problems.append(f"{landing} answered {page.status_code} in {language}")
    if page.headers.get("Content-Type", "").startswith("text/html") and b"<html" in page.content:
        html = page.content.decode()
        if f'<html lang="{target}"' not in html:
            problems.append(f"{landing} is not marked as {target}")
        # The page it lands on offers the switch back, from the address with its query.
        if page.status_code == 200 and not page.redirect_chain and _switcher_next(html) != landing:
            problems.append(f"{landing} offers a switcher for {_switcher_next(html)}")
    return problems


@pytest.mark.parametrize("source", LANGUAGES)
def test_the_switcher_lands_on_the_same_page_in_the_other_language_everywhere(site, person, source):
    target = next(code for code in LANGUAGES if code != source)
    here, there = addresses(source, site), addresses(target, site)
    assert len(here) > 80 and "invitation_accept" in here and "my_learning" in here  # the walk found the site
    failures = []
    for name, (address, prefixed) in here.items():
        expected = (there[name][0] if prefixed else address) + "?" + QUERY
        for kind, whose in PREFERENCES:
            preferred = {"source": source, "target": target, None: None}[whose]
            client, user = _client_preferring(kind, preferred, person)
            problems = _problems(client, user, address, expected, target)
            failures += [f"{name} {address} ({kind} {preferred}): {problem}" for problem in problems]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("source", LANGUAGES)
def test_the_switcher_lands_on_the_translation_of_every_wagtail_page(site, person, source):
    """A page of the page tree lands on its translation, with the query; an untranslated one on
    the nearest translated ancestor (here the catalogue), without the query, which was its own."""
    target = next(code for code in LANGUAGES if code != source)
    target_locale = Locale.objects.get(language_code=target)
    catalogue = Page.objects.get(locale=target_locale, slug="courses")
    pages = Page.objects.live().filter(locale__language_code=source, depth__gt=1)
    assert pages.count() >= 6
    failures = []
    for page in pages:
        translated = page.get_translation_or_none(target_locale)
        if translated is not None:
            expected = f"{translated.url}?{QUERY}"
        else:
            assert "/only-mn/" in page.url
            expected = catalogue.url
        for kind, whose in PREFERENCES:
            preferred = {"source": source, "target": target, None: None}[whose]
            client, user = _client_preferring(kind, preferred, person)
            problems = _problems(client, user, page.url, expected, target)
            failures += [f"{page.url} ({kind} {preferred}): {problem}" for problem in problems]
    assert not failures, "\n".join(failures)
