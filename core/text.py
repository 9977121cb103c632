"""Normalising people's names at the door (architecture §4.7)."""

import re
import unicodedata

from .latin_names import to_latin

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
    """A Cyrillic name in Latin letters as a Mongolian passport writes it, as a suggestion to edit."""
    return normalise_text(to_latin(normalise_text(cyrillic))) if cyrillic else ""


# Characters that Windows refuses in a file name, besides the path separators.
_NOT_IN_FILE_NAMES = re.compile(r'[/\\<>:"|?*]')
_DOTS = re.compile(r"\.{2,}")
# Names that Windows keeps for devices, whatever the extension ("CON.pdf" opens the console).
_RESERVED_ON_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


def safe_filename(name: str, *, extension: str = "", max_bytes: int = 150, fallback: str = "file") -> str:
    """``name`` as one plain file name, for a download or an entry of a ZIP: what a person typed
    (their name, a course title) may hold path separators, "..", control or direction-changing
    characters, or a device name, any of which could put a file outside the folder it is unpacked
    in, overwrite another, or disguise its type. Letters of any alphabet are kept; the name is cut
    to ``max_bytes`` of UTF-8 (file systems count bytes, and a Cyrillic letter takes two)."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text)
    text = _NOT_IN_FILE_NAMES.sub("-", text)
    text = _DOTS.sub(".", text)
    text = _SPACES.sub(" ", text).strip(" .-")
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    budget = max_bytes - (len(extension) + 1 if extension else 0)
    while len(text.encode()) > budget:
        text = text[:-1]
    text = text.rstrip(" .-") or fallback
    if text.split(".")[0].strip().upper() in _RESERVED_ON_WINDOWS:
        text = f"_{text}"
    return f"{text}.{extension}" if extension else text


def unique_filename(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``…, whichever is not yet in ``taken`` (compared without
    regard to case, as Windows and macOS do); it is added to ``taken``."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){dot}{extension}"
    taken.add(candidate.casefold())
    return candidate
