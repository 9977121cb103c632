"""Mongolian is the first language: every string a person reads has a Mongolian translation.

These tests fail on an empty or fuzzy entry, on a compiled catalogue that no longer matches
its source, on a string in the code that the catalogue lacks, and on an allauth page string
that neither allauth's catalogue nor ours translates.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO_FILE = ROOT / "locale" / "mn" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
PROJECT_APPS = ["core", "accounts", "courses", "assessments", "cohorts", "certificates", "reports", "lms"]
ALLAUTH_DIR = Path(__import__("allauth").__file__).parent
# The parts of allauth whose pages Cascade's users see (no social accounts, no identity provider).
ALLAUTH_PARTS = ["account", "mfa", "core", "usersessions", "templates/account", "templates/mfa", "templates/allauth"]


def _key(entry) -> tuple:
    return (entry.msgctxt or None, entry.msgid)


def _extract(source: Path, parts: list[str], workdir: Path) -> set[tuple]:
    """The msgids Django's makemessages finds in ``parts`` of ``source``."""
    tree = workdir / "tree"
    for part in parts:
        if (source / part).exists():
            # One folder down: a copy at the top would be imported instead of the package of that name
            # (allauth's ``core`` in place of Cascade's, when Django starts up for makemessages).
            shutil.copytree(
                source / part, tree / "src" / part, ignore=shutil.ignore_patterns("tests", "locale", "migrations")
            )
    (tree / "locale").mkdir(parents=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "mn", "-v", "0"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return {_key(e) for e in polib.pofile(str(tree / "locale" / "mn" / "LC_MESSAGES" / "django.po"))}


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO_FILE))


def test_no_mongolian_entry_is_empty_or_fuzzy(catalogue):
    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, f"{len(missing)} untranslated or fuzzy: {missing[:10]}"


def test_the_compiled_catalogue_matches_its_source(catalogue):
    """Run compilemessages after editing the .po file (git does not keep file times, so compare content)."""
    assert MO_FILE.exists(), "run compilemessages: locale/mn/LC_MESSAGES/django.mo is missing"
    compiled = {_key(e): e.msgstr or e.msgstr_plural for e in polib.mofile(str(MO_FILE)) if e.msgid}
    source = {
        _key(e): e.msgstr or e.msgstr_plural
        for e in catalogue
        if not e.obsolete and e.translated() and "fuzzy" not in e.flags
    }
    stale = [key[1] for key, value in source.items() if compiled.get(key) != value]
    assert not stale, f"locale/mn/LC_MESSAGES/django.mo is older than its .po: {stale[:10]}"
    assert set(compiled) <= set(source)


def test_every_string_in_the_code_is_in_the_catalogue(catalogue, tmp_path):
    in_code = _extract(ROOT, PROJECT_APPS, tmp_path)
    in_catalogue = {_key(e) for e in catalogue if not e.obsolete}
    missing = sorted(msgid for _ctx, msgid in in_code - in_catalogue)
    assert not missing, f"run makemessages -l mn and translate: {missing[:10]}"


def test_every_allauth_string_our_users_see_has_mongolian(catalogue, tmp_path):
    in_allauth = _extract(ALLAUTH_DIR, ALLAUTH_PARTS, tmp_path)
    allauth_mo = polib.mofile(str(ALLAUTH_DIR / "locale" / "mn" / "LC_MESSAGES" / "django.mo"))
    translated = {_key(e) for e in allauth_mo if e.msgstr or e.msgstr_plural}
    translated |= {_key(e) for e in catalogue if e.translated()}
    missing = sorted(msgid for _ctx, msgid in in_allauth - translated)
    assert not missing, f"allauth strings without Mongolian (add them to our catalogue): {missing[:10]}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/mn/", "/accounts/login/", "/accounts/password/reset/"])
def test_mongolian_pages_show_no_english_interface_text(client, url):
    page = client.get(url).content.decode()
    for english in ("Sign in", "Skip to main content", "Password", "Forgot", "Language"):
        assert english not in page, f"{url} shows '{english}'"
