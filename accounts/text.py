"""Normalising people's names at the door (DESIGN invariant 7)."""

import re
import unicodedata

from mn_translit import cyrillic_to_latin

_SPACES = re.compile(r"\s+")


def normalise_text(value: str) -> str:
    """NFC, single spaces, no surrounding space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


def scripts_in(value: str) -> set[str]:
    """The alphabets whose letters appear in ``value``: a subset of {"latin", "cyrillic"}."""
    found = set()
    for char in value:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            found.add("latin")
        elif name.startswith("CYRILLIC"):
            found.add("cyrillic")
    return found


def mixes_scripts(value: str) -> bool:
    return scripts_in(value) == {"latin", "cyrillic"}


def suggest_latin(cyrillic: str) -> str:
    """The MNS 5217:2012 transliteration of a Cyrillic name, as a suggestion to edit."""
    return normalise_text(cyrillic_to_latin(normalise_text(cyrillic))) if cyrillic else ""
