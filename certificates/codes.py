"""Verification codes (architecture §4.5): unguessable, and typeable by someone reading them off
paper. 13 random symbols of Crockford's base32 (65 bits) and a check symbol (value mod 37), shown
in groups of four: ``7K3M-9QXT-2HVB-DW``. A code is drawn again until its check symbol is a letter
or digit (it is 32 times in 37), so nobody has to type ``*~$=U``; that costs a fifth of a bit.

Typed codes are forgiving as Crockford intends: any case, spaces and dashes ignored, O read as 0,
I and L as 1. A typo is caught by the check symbol before the database is asked."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
DATA_SYMBOLS = 13
LENGTH = DATA_SYMBOLS + 1
_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(data: str) -> str:
    number = 0
    for symbol in data:
        number = number * 32 + _VALUES[symbol]
    return CHECK_ALPHABET[number % 37]


def new_code() -> str:
    while True:
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_SYMBOLS))
        check = _check_symbol(data)
        if check in ALPHABET:
            return data + check


def normalise(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be one (wrong length or check)."""
    code = "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != LENGTH or any(symbol not in _VALUES for symbol in code):
        return None
    return code if _check_symbol(code[:-1]) == code[-1] else None


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
