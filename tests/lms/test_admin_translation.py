"""The Wagtail admin an editor works in reads in Mongolian.

Wagtail's own Mongolian catalogues cover well under half of its messages, so the project's
``locale/`` (first in LOCALE_PATHS) supplies the rest. The share is measured the way a page is
rendered: every message of the English catalogues of the installed Wagtail and wagtail-localize
apps (django domain, singular and plural, with their contexts) is looked up through Django's
translation machinery with Mongolian active.
"""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils import translation

# The share of messages that must read in Mongolian; the rest are ones an editor hardly meets.
REQUIRED_SHARE = 0.95


def _wagtail_messages() -> list[polib.POEntry]:
    entries = []
    for config in apps.get_app_configs():
        if not config.name.startswith("wagtail"):
            continue
        source = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / "django.po"
        if source.exists():
            entries += [e for e in polib.pofile(str(source)) if e.msgid and not e.obsolete]
    return entries


def _reads_in_mongolian(entry: polib.POEntry) -> bool:
    if not re.search("[A-Za-z]", entry.msgid):
        return True  # "%(count)s", "—": nothing to translate
    if entry.msgid_plural:
        if entry.msgctxt:
            shown = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
        else:
            shown = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
    elif entry.msgctxt:
        shown = translation.pgettext(entry.msgctxt, entry.msgid)
    else:
        shown = translation.gettext(entry.msgid)
    # A Mongolian spelt as the English ("URL") cannot be told from a missing one: it counts as English.
    return shown != entry.msgid


def test_wagtail_admin_messages_read_in_mongolian():
    messages = _wagtail_messages()
    assert len(messages) > 1500, "Wagtail's English catalogues were not found"
    with translation.override("mn"):
        english = [e.msgid for e in messages if not _reads_in_mongolian(e)]
    share = 1 - len(english) / len(messages)
    assert share >= REQUIRED_SHARE, f"{share:.1%} of {len(messages)} in Mongolian; still English: {english[:15]}"


@pytest.mark.parametrize(
    ("context", "english", "mongolian"),
    [
        (None, "Pages", "Хуудсууд"),
        (None, "Add child page", "Дэд хуудас нэмэх"),
    ],
)
def test_the_admin_uses_the_glossary_terms(context, english, mongolian):
    """Wagtail's catalogue had "Хуудаслалт" (pagination) for the menu's Pages and "add news" for a child page."""
    with translation.override("mn"):
        shown = translation.pgettext(context, english) if context else translation.gettext(english)
    assert shown == mongolian
