"""Word shingles of an article's text, as 32-bit hashes.

Words are NFKC-normalised, case-folded runs of letters and digits (single characters in
scripts written without spaces), so spacing, case, punctuation and quote style do not
matter, and neither do soft hyphens (a copy hyphenated for narrow columns is the same
text). A shingle is `SHINGLE_WORDS` consecutive
words; its hash combines the words' CRC-32s in one vectorised pass and is finished by a
murmur-style mixer (stable across runs and machines, unlike Python's `hash`).
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np

SHINGLE_WORDS = 5
"""Five-word shingles: long enough that two articles on the same story, written from the
same facts, share few of them; short enough that a swapped word spoils only five."""

# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
# Myanmar): each character is a token, so their shingles are runs of five characters.
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
_SOFT_HYPHENS = str.maketrans("", "", "\u00ad")
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0x27D4EB2F165667C5,
    ],
    dtype=np.uint64,
)
_FINAL = np.uint64(0xFF51AFD7ED558CCD)
_CACHE_LIMIT = 500_000
_word_ids: dict[str, int] = {}


def words(text: str) -> list[str]:
    """The normalised words of `text`."""
    return _WORD.findall(unicodedata.normalize("NFKC", text.translate(_SOFT_HYPHENS)).casefold())


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct shingle hashes of `text` (uint32, sorted); a short text is one shingle."""
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    ids = np.array(_ids(tokens), dtype=np.uint64)
    width = min(SHINGLE_WORDS, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined += ids[offset : offset + count] * _MIX[offset]
    combined ^= combined >> np.uint64(33)
    combined *= _FINAL
    combined ^= combined >> np.uint64(33)
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


def _ids(tokens: list[str]) -> list[int]:
    """CRC-32 of each word, from a bounded cache (news vocabularies repeat)."""
    if len(_word_ids) > _CACHE_LIMIT:
        _word_ids.clear()
    get = _word_ids.get
    out = []
    for token in tokens:
        value = get(token)
        if value is None:
            value = _word_ids[token] = zlib.crc32(token.encode())
        out.append(value)
    return out
