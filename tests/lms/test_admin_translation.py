"""The Wagtail admin an editor works in reads in Mongolian.

Wagtail's own Mongolian catalogues cover well under half of its messages, so the project's
``locale/`` (LOCALE_PATHS, which Django merges last, so it wins) supplies the rest. The share is
measured the way the admin looks its text up: every message of the English catalogues of the
installed Wagtail and wagtail-localize apps (singular and plural, with their contexts) goes through
Django's own Mongolian catalogue — the ``django`` domain for pages, and for the ``djangojs`` domain
the catalogue that Wagtail's and wagtail-localize's JavaScriptCatalog views serve to the browser.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog
from wagtail.models import Page

from tests.factories import UserFactory, with_totp

# The share of messages that must read in Mongolian; the rest are ones an editor hardly meets.
REQUIRED_SHARE = 0.95
# The packages whose JavaScript catalogues the admin loads (wagtail.admin's and wagtail-localize's jsi18n views).
JS_PACKAGES = ["wagtail.admin", "wagtail_localize"]
# Text Wagtail shows that no catalogue can reach: an English aria-label written into
# wagtailadmin/shared/headers/_actions.html, and the empty value of a hidden side-panel counter.
NOT_TRANSLATABLE = {"Actions", "None"}
# Messages whose Mongolian is written as the English.
SAME_IN_MONGOLIAN = {"ID"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _english_messages(domain: str, app_names: list[str] | None = None) -> list[polib.POEntry]:
    entries = []
    for config in apps.get_app_configs():
        if not config.name.startswith("wagtail") or (app_names and config.name not in app_names):
            continue
        source = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if source.exists():
            entries += [e for e in polib.pofile(str(source)) if e.msgid and not e.obsolete]
    return entries


def _reads_in_mongolian(catalogue, entry: polib.POEntry) -> bool:
    if not re.search("[A-Za-z]", PLACEHOLDER.sub("", entry.msgid)):
        return True  # "%(range_start)s - %(range_end)s": nothing to translate
    if entry.msgid_plural and entry.msgctxt:
        shown = catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
    elif entry.msgid_plural:
        shown = catalogue.ngettext(entry.msgid, entry.msgid_plural, 1)
    elif entry.msgctxt:
        shown = catalogue.pgettext(entry.msgctxt, entry.msgid)
    else:
        shown = catalogue.gettext(entry.msgid)
    # A Mongolian spelt as the English ("ID") cannot be told from a missing one: it counts as English.
    return shown != entry.msgid


def _assert_share(catalogue, messages: list[polib.POEntry]):
    english = [e.msgid for e in messages if not _reads_in_mongolian(catalogue, e)]
    share = 1 - len(english) / len(messages)
    assert share >= REQUIRED_SHARE, f"{share:.1%} of {len(messages)} in Mongolian; still English: {english[:15]}"


def test_wagtail_admin_pages_read_in_mongolian():
    messages = _english_messages("django")
    assert len(messages) > 1500, "Wagtail's English catalogues were not found"
    _assert_share(trans_real.translation("mn"), messages)


def test_wagtail_admin_javascript_reads_in_mongolian():
    messages = _english_messages("djangojs", JS_PACKAGES)
    assert len(messages) > 100, "Wagtail's English JavaScript catalogues were not found"
    paths = JavaScriptCatalog().get_paths(JS_PACKAGES)
    _assert_share(trans_real.DjangoTranslation("mn", domain="djangojs", localedirs=paths), messages)


@pytest.mark.parametrize(
    ("english", "mongolian"),
    [("Pages", "Хуудсууд"), ("Add child page", "Дэд хуудас нэмэх")],
)
def test_the_admin_uses_the_glossary_terms(english, mongolian):
    """Wagtail's catalogue had "Хуудаслалт" (pagination) for the menu's Pages and "add news" for a child page."""
    assert trans_real.translation("mn").gettext(english) == mongolian


class _ShownText(HTMLParser):
    """The text a person reads on a page: text nodes outside scripts and templates, and the labels
    a screen reader speaks or a tooltip shows."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = set()

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder") and value:
                self.texts.add(" ".join(value.split()))

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.texts.add(" ".join(data.split()))


@pytest.mark.django_db
def test_the_admin_an_editor_opens_shows_no_english_wagtail_message(client):
    """The screens an editor works in, rendered in Mongolian: none shows one of Wagtail's English messages."""
    client.force_login(with_totp(UserFactory(roles=["admin"])))
    home = Page.objects.get(depth=2, locale__language_code="mn")
    messages = {e.msgid for e in _english_messages("django") if not e.msgid_plural and "%" not in e.msgid}
    messages -= NOT_TRANSLATABLE | SAME_IN_MONGOLIAN
    screens = [
        "/admin/",
        f"/admin/pages/{home.id}/",
        f"/admin/pages/{home.id}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/workflows/list/",
        "/admin/snippets/",
        "/admin/snippets/assessments/question/",  # the question bank
        "/admin/snippets/assessments/question/add/",
    ]
    for url in screens:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = _ShownText()
        parser.feed(response.content.decode())
        shown = sorted(parser.texts & messages - NOT_TRANSLATABLE)
        assert not shown, f"{url} shows Wagtail's English: {shown}"
