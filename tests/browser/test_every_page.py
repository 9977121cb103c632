"""Every page of every role, on a phone (360×740) and a desktop (1280×800): nothing wider than the
screen, no serious or critical axe finding, the page marked with the language of its prefix.

Each role's demo account (and an anonymous visitor) walks the site by its links from the home
pages in both languages, as the Mongolian crawl does (tests/lms/test_mn_crawl.py), and from every
page of the URL conf that needs no argument: the header leads to every place a role's menu
offers, and those to every object the demo gives it. Pages of
the same kind (one view, or one type of Wagtail page) look alike, so a few of each are checked,
not the hundred lessons; query-string variants (sorting, paging) are the same kind. The Wagtail
admin (Wagtail's own interface), the API and files (PDFs, spreadsheets) are left out.

Each page is loaded once: checked at 360 px (overflow and axe), then the window is widened to
1280 px and checked again (overflow); the stylesheet answers the new width as it would on a
fresh load. Axe looks at each kind of page once per role, in the first language it is met in:
the other language fills the same template with other words (their length is what the overflow
check in both languages is for). Screenshots of the key pages at both sizes go to test-results/screenshots/ for a
reviewer to look at.
"""

import re
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.urlconf import named_patterns, takes_no_arguments

from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ACCOUNTS = {
    "anonymous": None,
    "learner": "learner@demo.mn",
    "trainer": "trainer@demo.mn",
    "master_trainer": "master@demo.mn",
    "coordinator": "coordinator@demo.mn",
    "editor": "editor@demo.mn",
    "admin": "admin@demo.mn",
}
FOLLOWED = (*(f"/{code}/" for code in LANGUAGES), "/accounts/", "/verify/")
NOT_FOLLOWED = ("/accounts/logout/", "/admin/", "/documents/", "/api/", "/django-admin/")
FILES = re.compile(r"\.(pdf|csv|xlsx|zip|jwt|json)$|/file$")
LINK = re.compile(r'<a\s[^>]*href="([^"#][^"]*)"')
PER_KIND = 1  # pages of one kind checked per language and role (roles meet different objects)
MOST_PAGES = 400  # links looked at per language, a bound on a runaway walk
# The pages a reviewer looks at, by kind (a view's name, or a Wagtail page's model).
KEY_PAGES = {
    "homepage": "home",
    "my_learning": "my-learning",
    "lessonpage": "lesson",
    "attempt": "quiz",
    "quizpage": "quiz-page",
    "cohort_dashboard": "cohort-dashboard",
    "attendance_take": "attendance",
    "certificate_list": "certificates",
    "my_certificates": "my-certificates",
    "certificate_verify_code": "verify",
    "cascade": "cascade",
    "people": "people",
    "account_login": "sign-in",
}
SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"


def page_kind(path: str) -> str | None:
    """What kind of page ``path`` is: its view's name, or for the page tree its page type."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return match.url_name
    from wagtail.models import Page

    language, _, rest = urlsplit(path).path.strip("/").partition("/")
    if not rest:
        return "homepage"
    page = Page.objects.filter(locale__language_code=language, url_path__endswith=f"/{rest}/").order_by("depth").first()
    return page.specific_class.__name__.lower() if page else "page"


def sign_in_by_session(context, base_url: str, email: str) -> None:
    """Sign the browser in as ``email`` (with an authenticator app where the role needs one), by
    the session cookie a sign-in would have set: the sign-in form has its own tests."""
    from django.test import Client

    from accounts.mfa import must_set_up_mfa
    from accounts.models import User
    from tests.factories import with_totp

    person = User.objects.get(email=email)
    if must_set_up_mfa(person):  # else every page leads to the authenticator app's setup
        with_totp(person)
    client = Client()
    client.force_login(person)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def pages_without_arguments(language: str) -> list[str]:
    """Every named page of the URL conf whose address needs no argument, in ``language``: the walk
    starts from them too, so that a page no link leads to yet is still checked."""
    found = []
    with translation.override(language):
        for name, pattern, _prefixed in named_patterns(get_resolver()):
            if not takes_no_arguments(pattern):
                continue
            try:
                address = reverse(name)
            except NoReverseMatch:
                continue
            if address.startswith(FOLLOWED) and not address.startswith(NOT_FOLLOWED) and not FILES.search(address):
                found.append(address)
    return found


def walk(context, base_url: str, language: str) -> list[tuple[str, str]]:
    """(address, kind) of the HTML pages reached from the home page in ``language`` and from every
    page of the URL conf that needs no argument, by their links: at most PER_KIND of each kind, in
    the order they were found."""
    start = list(dict.fromkeys([f"/{language}/", "/accounts/login/", "/verify/", *pages_without_arguments(language)]))
    seen, queue, found, per_kind = set(start), deque(start), [], {}
    while queue and len(seen) <= MOST_PAGES:
        address = queue.popleft()
        kind = page_kind(address)
        if kind is None or per_kind.get(kind, 0) >= PER_KIND:
            continue
        response = context.request.get(base_url + address)
        landed = response.url.removeprefix(base_url)
        if not response.ok or not response.headers.get("content-type", "").startswith("text/html"):
            continue
        if landed != address and (landed in seen or page_kind(landed) != kind):
            continue  # a redirect to a page of another kind, found on its own
        per_kind[kind] = per_kind.get(kind, 0) + 1
        found.append((address, kind))
        for link in LINK.findall(response.text()):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            if link.startswith(base_url):
                link = link.removeprefix(base_url)
            if (
                urlsplit(link).netloc
                or not link.startswith(FOLLOWED)
                or link.startswith(NOT_FOLLOWED)
                or FILES.search(urlsplit(link).path)
                or link in seen
            ):
                continue
            seen.add(link)
            queue.append(link)
    return found


def overflow(page) -> str | None:
    """What sticks out sideways, if the page is wider than the window."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width <= inner:
        return None
    culprits = page.evaluate(
        """inner => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > inner + 1)
            .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= inner + 1)
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
                 + ' (' + Math.round(el.getBoundingClientRect().right) + 'px)')""",
        inner,
    )
    return f"{width} px wide in a {inner} px window: {', '.join(culprits)}"


def header_rows(page) -> int:
    """How many rows the header's items take (an item starting below the row's bottom starts a row)."""
    return page.evaluate(
        """() => {
            const boxes = [...document.querySelectorAll(
                '.site-header .brand, .site-header .language-switcher, .site-nav > ul > li, .site-header .menu-toggle')]
                .filter(el => el.offsetParent !== null)
                .map(el => el.getBoundingClientRect())
                .sort((a, b) => a.top - b.top);
            let rows = 0, bottom = -Infinity;
            for (const box of boxes) {
                if (box.top >= bottom - 1) { rows += 1; bottom = box.bottom; }
                else { bottom = Math.max(bottom, box.bottom); }
            }
            return rows;
        }"""
    )


@pytest.mark.parametrize("role", ACCOUNTS)
def test_every_page_fits_a_phone_and_a_desktop_and_passes_axe(browser, site_server, demo, django_db_blocker, role):
    base_url = site_server.url
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    with django_db_blocker.unblock():
        if ACCOUNTS[role]:
            sign_in_by_session(context, base_url, ACCOUNTS[role])
        pages = [(language, *found) for language in LANGUAGES for found in walk(context, base_url, language)]
    assert len(pages) >= 8, f"the walk reached only {pages}"  # it walked the site, not a redirect

    failures, shots, checked_by_axe = [], set(), set()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language, address, kind in pages:
        page.set_viewport_size(PHONE)
        page.goto(base_url + address)
        prefix = urlsplit(page.url).path.split("/")[1]
        if prefix in LANGUAGES and page.locator("html").get_attribute("lang") != prefix:
            failures.append(f"{address}: <html lang={page.locator('html').get_attribute('lang')}>")
        page.locator("main details").evaluate_all("nodes => nodes.forEach(node => node.open = true)")
        for size in (PHONE, DESKTOP):
            page.set_viewport_size(size)
            if problem := overflow(page):
                failures.append(f"{address} at {size['width']} px: {problem}")
            if (key := KEY_PAGES.get(kind)) and (key, language, size["width"]) not in shots:
                shots.add((key, language, size["width"]))
                name = f"{key}-{role}-{language}-{size['width']}.png"
                page.screenshot(path=SCREENSHOTS / name, full_page=True)
        page.set_viewport_size(PHONE)
        if kind in checked_by_axe:
            continue  # the same template in the other language: its text differs, not its structure
        checked_by_axe.add(kind)
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(str(error))
    context.close()
    assert not failures, f"{len(failures)} problems on {len(pages)} pages:\n" + "\n".join(failures)


@pytest.mark.parametrize("role", ACCOUNTS)
def test_the_header_is_one_row_on_a_desktop_and_a_menu_button_on_a_phone(
    browser, site_server, demo, django_db_blocker, role
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    with django_db_blocker.unblock():
        if ACCOUNTS[role]:
            sign_in_by_session(context, site_server.url, ACCOUNTS[role])
    for language in LANGUAGES:
        # Axe in the first language only: the other fills the same header with other words.
        check_header(page, f"{site_server.url}/{language}/", role, language, axe=language == LANGUAGES[0])
    context.close()


def check_header(page, address: str, role: str, language: str, *, axe: bool) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(address)
    toggle = page.locator(".menu-toggle")
    expect(toggle).to_be_hidden()
    page.screenshot(path=SCREENSHOTS / f"header-{role}-{language}-1280.png")
    assert header_rows(page) == 1
    # "More" and "Account" open over the page, keep it within the window, and pass axe open.
    for summary in page.locator(".site-nav details > summary").all():
        summary.click()
        assert overflow(page) is None
        if axe:
            assert_accessible(page)
    if ACCOUNTS[role]:
        page.keyboard.press("Escape")  # closes the open dropdown, and gives its button the focus
        expect(page.locator(".site-nav details[open]")).to_have_count(0)
        expect(page.locator(".site-nav details > summary").last).to_be_focused()

    page.set_viewport_size(PHONE)
    nav = page.locator("#site-nav")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    page.screenshot(path=SCREENSHOTS / f"header-{role}-{language}-360.png")
    assert header_rows(page) == 1
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    assert overflow(page) is None
    if axe:
        assert_accessible(page)
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(toggle).to_be_focused()
