"""The code explains itself, or points to docs/architecture.md: it never cites a document that is not
in the repository, or a numbered issue, whose text a maintainer cannot read beside it."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CODE = ("*.py", "*.html", "*.js", "*.css", "*.txt")
SKIPPED = {".venv", "node_modules", "media", "var", "test-results", "static_collected"}
CITATION = re.compile(r"\bissue[: ]+#?\d+|\(issue: \w+\)|\bDESIGN(\.md)?\b|\binvariant \d+", re.IGNORECASE)


def code_files():
    for pattern in CODE:
        for path in ROOT.rglob(pattern):
            parts = set(path.relative_to(ROOT).parts)
            if not parts & SKIPPED and path.name != Path(__file__).name:
                yield path


def test_no_code_cites_an_issue_or_a_document_outside_the_repository():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in code_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if CITATION.search(line)
    ]
    assert not found, "\n".join(found)
