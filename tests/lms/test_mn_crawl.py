"""Every Mongolian page of the demo site that a learner, a trainer and a coordinator can reach by
following links reads in Mongolian: no English sentence anywhere (tests/english.py)."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.db import transaction

from accounts.mfa import must_set_up_mfa
from lms.demo.seed import seed_demo
from tests.english import english_sentences
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

# Where a person's links lead inside the Mongolian site. The Wagtail admin (editors' own tool, in
# Wagtail's translation) and signing out are left out; so are files (spreadsheets, PDFs).
FOLLOWED = ("/mn/", "/accounts/", "/verify/")
NOT_FOLLOWED = ("/accounts/logout/", "/admin/", "/documents/", "/api/")
MOST_PAGES = 120  # per person: enough to reach every kind of page the demo has
LINK = re.compile(r'<a\s[^>]*href="([^"#][^"]*)"')


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module (it takes seconds) and rolled back at its end; each
    crawl runs in a savepoint inside, so what one person's visits change the next never sees."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield {person.email: person for person in seed_demo().values()}
        transaction.set_rollback(True)


def crawl(client) -> tuple[int, dict[str, list[str]]]:
    """How many HTML pages were reached from the Mongolian home page, and those that show English
    sentences, with the sentences."""
    seen, queue, english, pages = {"/mn/"}, deque(["/mn/"]), {}, 0
    while queue and len(seen) <= MOST_PAGES:
        address = queue.popleft()
        response = client.get(address, follow=True)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        pages += 1
        page = response.content.decode()
        if found := english_sentences(page):
            english[address] = found
        for link in LINK.findall(page):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            parts = urlsplit(link)
            if parts.netloc or not link.startswith(FOLLOWED) or link.startswith(NOT_FOLLOWED) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return pages, english


@pytest.mark.parametrize("email", ["learner@demo.mn", "trainer@demo.mn", "coordinator@demo.mn"])
def test_every_mongolian_page_a_person_reaches_has_no_english_sentence(client, people, email):
    person = people[email]
    if must_set_up_mfa(person):  # else every page leads to the authenticator app's setup
        with_totp(person)
    client.force_login(person)
    pages, english = crawl(client)
    assert pages >= 20, f"the crawl reached only {pages} pages"  # it walked the site, not a redirect
    assert not english, "\n".join(f"{address}: {found}" for address, found in english.items())
