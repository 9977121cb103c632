"""A table is as wide as its longest words, whatever the phone: every table of a page sits in a
``.table-scroll`` region, which scrolls sideways on its own instead of widening the whole page past a
360 px screen. The browser crawl measures the pages it reaches with the data it has; a table shown
only with some data (an earlier import, a learner's attempts) escaped it, so every template is read
here, whatever data shows it."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Printed documents (WeasyPrint lays them on A4 paper, not a screen) and Wagtail's admin, whose
# listings have their own layout.
NOT_SCREENS = {
    "cohorts/templates/cohorts/attendance_sheet.html",
    "reports/templates/reports/monthly_summary.html",
    "certificates/templates/certificates/certificate.html",
}
APPS = ("lms", "accounts", "courses", "assessments", "cohorts", "certificates", "reports", "core")
# The table's opening tag and the wrapper opened just before it (only whitespace or a Django
# comment between them).
WRAPPED = re.compile(r'<div class="table-scroll"[^>]*\brole="region"[^>]*\baria-label="[^"]+"[^>]*>\s*<table\b')


def screen_templates():
    for app in APPS:
        for path in sorted((ROOT / app / "templates").rglob("*.html")):
            name = path.relative_to(ROOT).as_posix()
            if name not in NOT_SCREENS and "/admin/" not in name:
                yield name, path.read_text()


def test_every_table_of_a_page_scrolls_in_its_own_labelled_region():
    bare = []
    for name, text in screen_templates():
        tables = len(re.findall(r"<table\b", text))
        wrapped = len(WRAPPED.findall(text))
        if tables != wrapped:
            bare.append(f"{name}: {tables - wrapped} of {tables} tables outside a .table-scroll region")
    assert not bare, "\n".join(bare)


def test_the_check_reads_real_templates():
    # A walk that found no template, or no table, would pass whatever the pages hold.
    found = dict(screen_templates())
    assert "cohorts/templates/cohorts/import_upload.html" in found
    assert sum(len(re.findall(r"<table\b", text)) for text in found.values()) >= 10
