"""Mongolian Cyrillic names in Latin letters, as Mongolian passports write them.

The suggestion for a person's Latin name must look like their passport, because the English
certificate has to match it. Passports (issued by the General Authority for State Registration)
follow a plain-ASCII convention rather than the MNS 5217:2012 or ISO 9 tables: ж is "j" (Nyamdorj,
not Nyamdorzh), й is "i" (Jargalsaikhan, Ulziibayar), ө and ү are "u" without a mark (Tuvshinjargal,
Munkhbat), х is "kh" and ц is "ts". An iotated vowel written twice, яа, юу, ёо (and юү), is one
"ya", "yu" or "yo": passports and everyday use write Enkhtuya and Oyunchimeg, not Enkhtuyaa.

It is only a suggestion: the person corrects it to the letter of their own passport.
"""

LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "ye",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "ө": "u",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "i",
    "ы": "y",
    "ь": "i",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}

# An iotated vowel followed by its own long-vowel partner: the pair is written once.
LONG_IOTATED = {"яа": "ya", "юу": "yu", "юү": "yu", "ёо": "yo"}


def _letters(word: str, letters: dict[str, str]):
    """(Cyrillic source, Latin) for each sound of ``word``, in lower case; other characters as they are."""
    index = 0
    lower = word.lower()
    while index < len(word):
        pair = lower[index : index + 2]
        if pair in LONG_IOTATED:
            yield word[index : index + 2], LONG_IOTATED[pair]
            index += 2
            continue
        char = lower[index]
        yield word[index], letters.get(char, word[index])
        index += 1


def _cased(source: str, latin: str, *, all_capitals: bool) -> str:
    # "Цэцэг" starts "Ts", "ЦЭЦЭГ" starts "TS": a capital letter becomes a capitalised sound, and
    # every sound is in capitals when the word is.
    if not source[0].isupper():
        return latin
    return latin.upper() if all_capitals else latin.capitalize()


def to_latin(text: str, letters: dict[str, str] = LETTERS) -> str:
    """``text`` (Mongolian Cyrillic) in the Latin letters of a Mongolian passport (or of another
    table of ``letters``); Latin letters, digits, spaces and punctuation are kept."""
    words = []
    for word in text.split(" "):
        alphabetic = [char for char in word if char.isalpha()]
        all_capitals = len(alphabetic) > 1 and all(char.isupper() for char in alphabetic)
        words.append(
            "".join(_cased(source, latin, all_capitals=all_capitals) for source, latin in _letters(word, letters))
        )
    return " ".join(words)
