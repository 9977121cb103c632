"""A table wider than a phone scrolls sideways in its wrapper; someone on a keyboard must be able to
reach and scroll it (axe: scrollable-region-focusable). Every wrapper in every template takes focus
and says what it holds."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
WRAPPER = re.compile(r'<div class="table-scroll"([^>]*)>')


def test_every_scrolling_table_wrapper_can_be_reached_by_keyboard_and_is_named():
    templates = [p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts]
    found = 0
    for template in templates:
        for attributes in WRAPPER.findall(template.read_text(encoding="utf-8")):
            found += 1
            assert 'tabindex="0"' in attributes and 'role="region"' in attributes, template
            assert "aria-label=" in attributes or "aria-labelledby=" in attributes, template
    assert found >= 10
