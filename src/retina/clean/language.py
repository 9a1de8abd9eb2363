"""The article's language: the one its page declares, checked against its text, or the
one its text is written in when the page declares none.

A declared language is wrong often enough to check: a WordPress or Blogger template says
`lang="en-US"` over a German blog (15 of the 990 trafilatura-eval pages) and a German
site's template over an English post. The check is cheap: the most common words of the
declared language make up a good share of any text written in it, so only a text where
they are rare is identified, and the declaration gives way only to a language whose own
common words fill the text, or to a script the declared language is not written in.
"""

from __future__ import annotations

import re

_MIN_CHARS = 40
_TAKEN_FOR = {"wuu": "zh"}
"""py3langid's model knows Wu Chinese, and scores a Mandarin news story of a few
sentences ("新华社福州12月6日电…") as Wu by a hair over Mandarin; written Wu is all but
unknown in the news, so it is read as Chinese."""
_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def normalise_language_tag(tag: str | None) -> str | None:
    """'en-GB' -> 'en'; junk -> None. Retina stores the primary language subtag."""
    if not tag:
        return None
    tag = tag.strip().lower().replace("_", "-")
    if not _TAG.match(tag):
        return None
    return tag.split("-")[0]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:2000]  # enough to tell; the cost grows with the length
    if len(sample.strip()) < _MIN_CHARS:
        return None
    # py3langid ships its model inside the package; it loads (about half a second) on
    # first use, which is why the import is here and not at module level.
    import py3langid

    code, _score = py3langid.classify(sample)
    return _TAKEN_FOR.get(str(code), str(code))


_SAMPLE_CHARS = 2000
_COMMON_WORDS = {
    "en": "the of and to a in is that for it on with as was by at be this are from have",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als",
    "fr": "le la de et les des en un une du est que pour dans qui par sur pas au plus",
    "es": "de la que el en y los del se las por un para con una su al es lo como sus pero fue"
    " entre este también hay muy",
    "it": "di e il la che in un per è del della non una con da si le al sono gli anche ma"
    " questo questa ha nel alla",
    "pt": "de a o que e do da em um para com não uma os no se na por mais as ao dos das pelo"
    " pela foi são está",
    "nl": "de van het een en in is dat op te zijn voor met die niet aan er om ook",
}
_SHARED = frozenset(
    word
    for code, listed in _COMMON_WORDS.items()
    for word in listed.split()
    if any(
        word in other.split() for other_code, other in _COMMON_WORDS.items() if other_code != code
    )
)
"""Words common to two of the languages ("in", "de", "la", "die"), which tell neither."""
_COMMON = {code: frozenset(listed.split()) - _SHARED for code, listed in _COMMON_WORDS.items()}
_MIN_OWN_SHARE = 0.05
"""Below this share of its common words, a text is not in the language: in running text
of any of these languages they are a fifth to a third of the words."""
_MIN_OTHER_SHARE = 0.06
_MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_LATIN_SHARE = 0.5


def checked_language(declared: str | None, text: str) -> str | None:
    """The declared language, unless the text shows it is not the text's: then, and when
    none is declared, the language the text is written in (None when too short to tell)."""
    if declared is None:
        return detect_language(text)
    own = _COMMON.get(declared)
    if own is None:
        return declared  # no common words to check it by
    sample = text[:_SAMPLE_CHARS]
    tokens = [token.casefold() for token in _WORD.findall(sample)]
    if len(tokens) < _MIN_WORDS or _share(tokens, own) >= _MIN_OWN_SHARE:
        return declared
    found = detect_language(sample)
    if found in _COMMON and _share(tokens, _COMMON[found]) >= _MIN_OTHER_SHARE:
        return found
    return found if found and _in_another_script(sample) else declared


def _share(tokens: list[str], common: frozenset[str]) -> float:
    return sum(token in common for token in tokens) / len(tokens)


def _in_another_script(sample: str) -> bool:
    """Whether most of the text's letters are not Latin ones (a Bengali story under a
    template's `lang="en"`)."""
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_LATIN_LETTER.findall(sample)) / letters < _MAX_LATIN_SHARE
