"""Word-level text helpers shared by the junk detectors."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
"""Kana, Han and Hangul, as ranges for a character class: the scripts whose words no
capital tells and whose characters count, not their spaces."""


def _combining_marks() -> str:
    """The ranges of the combining marks (Unicode categories Mn, Mc, Me) of the Basic
    Multilingual Plane, for a character class: `\\w` leaves them out, and so cut "पढ़ें"
    (Hindi, "read") into "पढ" and nothing, and Thai, Bengali or Tamil words alike."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


LETTER = rf"[\w{_combining_marks()}]"
"""A character of a word, combining marks included (a character class for patterns)."""
_WORD = re.compile(rf"{LETTER}+(?:['’]{LETTER}+)*")
_NOT_ALNUM = re.compile(r"[\W_]+")
_SOFT_HYPHENS = str.maketrans("", "", "\u00ad")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_TO_THE_READER = re.compile(
    r"\b(?:you|your|already|please|sie|ihr|ihre|du|dich|musst|bereits|bitte|vous|votre|déjà"
    r"|usted|debes|debe|tienes|ya|tu|musisz)\b",
    re.IGNORECASE,
)
_INNER_SENTENCE_BREAK = re.compile(r"\w{3,}[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")

# Function words of the languages Retina sees most; content words are everything else.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves says said say new one two three first last year years many
    much may might must like get got der die das und ist nicht ein eine den dem des von zu
    mit sich auf für le la les un une des et est du en au aux pour par sur el los las del
    por con una para es lo il di che per non
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-cased words; apostrophes inside words are kept, as ' ("don’t" -> "don't")."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """Cached: every junk detector reads the words of every block of the page. Soft
    hyphens, invisible hyphenation hints, do not split a word."""
    plain = unicodedata.normalize("NFKC", text.translate(_SOFT_HYPHENS))
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(plain))


def shingles(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    """The runs of `size` words in a row. zip builds the tuples in C, twice as fast as
    slicing them one by one; the shorter tails end it at the last whole run."""
    return set(zip(*(tokens[k:] for k in range(size)), strict=False))


def letters_and_digits(text: str) -> str:
    """The text's letters and digits, case folded: two copies of a text compare equal
    whatever their spacing, punctuation and inline markup."""
    return _NOT_ALNUM.sub("", text).casefold()


def content_words(text: str) -> set[str]:
    """Words that carry topic: not function words, not digits, at least three letters."""
    return {
        _strip_possessive(w)
        for w in words(text)
        if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()
    }


def addresses_the_reader(text: str) -> bool:
    """Whether the text speaks to the reader ("you", "Sie", "vous", "please"…): a notice
    does, a report about the same things ("subscribers can log in…") does not."""
    return bool(_TO_THE_READER.search(text))


def ends_like_sentence(text: str) -> bool:
    """True when text ends with sentence punctuation (possibly followed by closing quotes)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def sentence_count_at_least_two(text: str) -> bool:
    """True when a sentence break occurs inside the text (". Next" pattern)."""
    return bool(_INNER_SENTENCE_BREAK.search(text))


def starts_like_title(text: str) -> bool:
    """First letter is upper case, a digit (after a currency sign: "$22bn deal") or an opening
    quote or Spanish question or exclamation mark ("¿Qué es…?"); caseless scripts pass."""
    for char in text.lstrip("\"'“‘«¿¡*_[( "):
        if unicodedata.category(char) == "Sc":
            continue
        if char.isdigit():
            return True
        if char.isalpha():
            return char.isupper() or char == char.lower() == char.upper()
        return False
    return False


def _strip_possessive(word: str) -> str:
    return word.removesuffix("'s")


def undoubled(text: str) -> str:
    """A text written twice over, once for the eye and once for screen readers ("Kristen
    Falc'hon Kristen Falc'hon", "Klub Jagielloński Klub Jagielloński"), once."""
    parts = text.split()
    half = len(parts) // 2
    return " ".join(parts[:half]) if half and parts[:half] == parts[half:] else text
