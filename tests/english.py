"""Finding English sentences in what a Mongolian page or e-mail shows.

``english_sentences(html)`` returns every run of three or more Latin-alphabet words in the text a
person reads: the page's text and title, and the attributes a screen reader or a hover reads out
(``placeholder``, ``alt``, ``title``, ``aria-label``), never scripts, styles or hidden form values,
nor what the page itself marks as English (``lang="en"``: a person's Latin name, the switcher's
"English"). A short Latin gloss in brackets after a Mongolian term, "(Planning and preparation)",
is the name of the thing in its original language, not an untranslated sentence.
E-mail and web addresses are left out; a Cyrillic word, a number or a code ends a run, so "Google
Authenticator" or a person's Latin name is not a sentence. Words on the allowlist (the brand, the
names of standards a Mongolian text writes in Latin letters) are not English by themselves: a run
needs two other Latin words to count.
"""

import re
from html.parser import HTMLParser

# Written in Latin letters in Mongolian text too.
ALLOWED_WORDS = frozenset({"Cascade", "TOTP"})
READ_ATTRIBUTES = ("placeholder", "alt", "title", "aria-label")
UNREAD_ELEMENTS = frozenset({"script", "style", "template", "noscript", "svg"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

ADDRESS = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:mn|com|org|net|local)\b\S*")
LATIN_WORD = re.compile(r"^[A-Za-z]+(?:['’-][A-Za-z]+)*$")
PUNCTUATION = re.compile(r"^[\W_]*$")
EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,:;!?…—–-*·/"


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.unread_depth = 0
        # The element marked lang="en" being skipped, and how deep its own tag name is nested.
        self.english_tag: str | None = None
        self.english_nesting = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in UNREAD_ELEMENTS:
            self.unread_depth += 1
            return
        if self.unread_depth:
            return
        attributes = dict(attrs)
        if self.english_tag:
            self.english_nesting += tag == self.english_tag
            return
        if (attributes.get("lang") or "").lower().startswith("en") and tag not in VOID_ELEMENTS:
            self.english_tag, self.english_nesting = tag, 1
            return
        self.parts.extend(attributes[name] for name in READ_ATTRIBUTES if attributes.get(name))
        # A button drawn as <input type="submit" value="…"> shows its value.
        if tag == "input" and attributes.get("type") in {"submit", "button", "reset"} and attributes.get("value"):
            self.parts.append(attributes["value"])
        # Block boundaries end a sentence, so two English words in a heading and one in the next
        # paragraph are not read as one run.
        self.parts.append("\n")

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in UNREAD_ELEMENTS:
            self.unread_depth -= 1

    def handle_endtag(self, tag) -> None:
        if tag in UNREAD_ELEMENTS:
            self.unread_depth = max(0, self.unread_depth - 1)
        elif self.english_tag:
            if tag == self.english_tag:
                self.english_nesting -= 1
                if not self.english_nesting:
                    self.english_tag = None
        elif not self.unread_depth and tag not in VOID_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.unread_depth and not self.english_tag:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _runs(text: str, allowed: frozenset[str]) -> list[str]:
    runs: list[str] = []

    def close(current: list[str]) -> None:
        # The brand is part of an English run ("Hello from Cascade"), but two allowed words and
        # one other are not yet a sentence.
        english = [token for token in current if token.strip(EDGE_PUNCTUATION) not in allowed]
        # A gloss is a short name in brackets; a sentence in brackets is still a sentence.
        inside = " ".join(current).rstrip(".,;:!?")
        gloss = len(current) <= 4 and inside.startswith("(") and inside.endswith(")") and "." not in inside
        if len(current) >= 3 and len(english) >= 2 and not gloss:
            runs.append(" ".join(current))

    for line in ADDRESS.sub(" ", text).splitlines():
        current: list[str] = []
        for token in line.split():
            word = token.strip(EDGE_PUNCTUATION)
            if PUNCTUATION.match(word):
                continue
            if LATIN_WORD.match(word):
                current.append(token)
                continue
            close(current)
            current = []
        close(current)
    return runs


def english_sentences(content: str, *, html: bool = True, allow=()) -> list[str]:
    """The runs of three or more Latin words a person reads in ``content`` (HTML, or plain text
    with ``html=False``, as in an e-mail). ``allow`` adds words that are fine in Latin letters."""
    text = visible_text(content) if html else content
    return _runs(text, ALLOWED_WORDS | frozenset(allow))
