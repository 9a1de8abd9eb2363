"""Language identification for text that does not declare its language."""

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
