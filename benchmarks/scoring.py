"""Scoring for the extraction-quality benchmark (`benchmarks/extraction.py`).

Pure functions, standard library plus lxml, no access to ../shared, so unit tests can check
each metric on hand-made examples (`tests/test_bench_scoring.py`).

Metrics:

* Snippets (trafilatura's evaluation set): whitespace-normalised, case-sensitive substring
  test of each `with` / `without` snippet in the extracted text, counts summed over a corpus.
* Shingles (reference main text): word 4-gram multisets of extracted and reference text,
  precision / recall per page, averaged over pages; F1 of the averaged precision and recall.
* Metadata: title, author and publication-date matching rules.
* Split: a deterministic tune / test assignment of each page by a stable hash of its id.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from lxml import etree
from lxml import html as lxml_html

SHINGLE_SIZE = 4
TUNE_PERCENT = 30

_SPACE = re.compile(r"\s+")

# --- snippets ----------------------------------------------------------------------------


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (Unicode included) to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


@dataclass(slots=True)
class Confusion:
    """Snippet counts: tp/fn over `with` snippets, fp/tn over `without` snippets."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Confusion) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def count_snippets(text: str | None, with_: Sequence[str], without: Sequence[str]) -> Confusion:
    """Score one page. No text (a failure or empty output) finds no snippet at all:
    every `with` is a false negative and every `without` a true negative."""
    haystack = normalize_space(text) if text else ""
    found_with = sum(1 for s in with_ if haystack and normalize_space(s) in haystack)
    found_without = sum(1 for s in without if haystack and normalize_space(s) in haystack)
    return Confusion(
        tp=found_with,
        fn=len(with_) - found_with,
        fp=found_without,
        tn=len(without) - found_without,
    )


# --- shingles ----------------------------------------------------------------------------

# Scripts written without spaces between words: each character is a token of its own.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2FA1F),  # CJK Extensions B-F, Compatibility Supplement
)
_UNSPACED_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _UNSPACED)
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED_CLASS}]")
_WORD_CHAR_CACHE: dict[str, bool] = {}


def _is_word_char(char: str) -> bool:
    known = _WORD_CHAR_CACHE.get(char)
    if known is None:
        known = _WORD_CHAR_CACHE[char] = unicodedata.category(char)[0] in "LMN"
    return known


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens.

    Text is NFKC-normalised and lower-cased; a token is a maximal run of letters, combining
    marks and digits (Unicode categories L*, M*, N*); every other character separates tokens.
    In scripts written without spaces (Han, kana, Thai, Lao, Myanmar, Khmer) each character
    is its own token, so their 4-grams are character 4-grams.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = _UNSPACED_CHAR.sub(lambda m: f" {m.group()} ", text)
    spaced = "".join(c if _is_word_char(c) else " " for c in text)
    return spaced.split()


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams. A text shorter than `size` tokens is one shingle of them all."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def shingle_scores(extracted: str | None, reference: str, size: int = SHINGLE_SIZE) -> PRF | None:
    """Precision and recall of the extracted text's shingles against the reference's.

    Multisets: a shingle repeated in the extraction counts as many times as it appears, so
    duplicated text costs precision. No output scores 0/0. None when the reference has no
    token (such a page cannot be scored and is left out of the averages).
    """
    ref = shingles(tokenize(reference), size)
    if not ref:
        return None
    got = shingles(tokenize(extracted), size) if extracted else Counter()
    if not got:
        return PRF(0.0, 0.0)
    common = sum((got & ref).values())
    return PRF(common / sum(got.values()), common / sum(ref.values()))


def average(scores: Iterable[PRF]) -> PRF:
    """Mean precision and mean recall over pages (macro average); F1 is taken of the means."""
    items = list(scores)
    if not items:
        return PRF(0.0, 0.0)
    return PRF(
        sum(s.precision for s in items) / len(items), sum(s.recall for s in items) / len(items)
    )


# --- HTML to text ------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
_DROP_TAGS = ("script", "style", "noscript", "template")


def html_to_text(markup: str) -> str:
    """Text content of an HTML fragment or document, with a line break after every block
    element (so words of adjacent paragraphs never merge); scripts and styles dropped."""
    if not markup.strip():
        return ""
    try:
        root = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(*_DROP_TAGS):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


# --- metadata ----------------------------------------------------------------------------

_BY = re.compile(r"^(?:by|von|par|por|di|door|av)\s+", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|/&·•]|\band\b|\bund\b|\bet\b)\s*", re.I)
_EDGE_PUNCT = " \t\n.,;:|-–—·•()[]\"'"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_BYLINE_DATE = re.compile(
    rf"\s+(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\b.*$"
)
"""A date a byline runs on with ("By Nathan Willis March 25, 2015"): not part of a name."""
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def normalize_title(title: str | None) -> str:
    """NFKC and whitespace normalisation; case and punctuation are kept."""
    return normalize_space(unicodedata.normalize("NFKC", title or ""))


def title_matches(expected: str, got: str | None) -> bool:
    """Exact match after `normalize_title`."""
    return bool(got) and normalize_title(expected) == normalize_title(got)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_SITE_SEPARATOR = re.compile(r"\s+(?:::|[|–—·•»:-])\s+|\s*_|\s+(?=\[[^\]]+\]$)")


def headline_matches(expected: str, got: str | None) -> bool:
    """`title_matches` with typographic quotes folded, also accepting the expected title
    without its first or last segment, when that segment is split off by a separator
    ("Mozilla - Wikipedia", "Title | eHow", "Title [LWN.net]"): references that keep the
    site's name in the title (mozilla's are Readability.js's output) are not held against
    a tool that strips it. Only one segment, at either end, may be left out."""
    if not got:
        return False
    want = normalize_title(expected).translate(_QUOTES)
    have = normalize_title(got).translate(_QUOTES)
    if want == have:
        return True
    separators = list(_SITE_SEPARATOR.finditer(want))
    if not separators:
        return False
    head = want[: separators[-1].start()].strip()
    tail = want[separators[0].end() :].strip()
    return have in (head, tail)


def _normalize_name(text: str) -> str:
    text = normalize_space(unicodedata.normalize("NFKC", text).casefold())
    return _BYLINE_DATE.sub("", _BY.sub("", text)).strip(_EDGE_PUNCT)


def author_names(value: str | Sequence[str] | None) -> frozenset[str]:
    """The set of normalised names in a byline string or a list of author strings."""
    parts = [value] if isinstance(value, str) else list(value or [])
    names = set()
    for part in parts:
        for name in _NAME_SEPARATORS.split(_normalize_name(part)):
            name = name.strip(_EDGE_PUNCT)
            if name:
                names.add(name)
    return frozenset(names)


def authors_match(expected: str | Sequence[str], got: str | Sequence[str] | None) -> bool:
    """Normalised author strings are equal, or the sets of names are equal.

    Normalisation: NFKC, case-folded, whitespace collapsed, a leading "By " dropped, edge
    punctuation stripped; a list is joined with ", ". Names split on , ; | / & and "and".
    """
    if not got:
        return False
    joined_expected = _normalize_name(
        expected if isinstance(expected, str) else ", ".join(expected)
    )
    joined_got = _normalize_name(got if isinstance(got, str) else ", ".join(got))
    if joined_expected and joined_expected == joined_got:
        return True
    names = author_names(expected)
    return bool(names) and names == author_names(got)


def iso_date(value: str | None) -> date | None:
    """The calendar date written at the start of an ISO 8601 string (no time-zone shift)."""
    match = _ISO_DATE.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def same_date(expected: date, got: date | None) -> bool:
    """Same calendar date (each as written in its own time zone)."""
    return got is not None and expected == got


# --- split, statistics -------------------------------------------------------------------


def split_of(page_id: str) -> str:
    """'tune' or 'test': SHA-256 of the page id (UTF-8), first 8 bytes as a big-endian
    integer, modulo 100; below TUNE_PERCENT (30) is tune. Stable across runs and machines."""
    digest = hashlib.sha256(page_id.encode("utf-8")).digest()
    return "tune" if int.from_bytes(digest[:8], "big") % 100 < TUNE_PERCENT else "test"


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    """Median (mean of the two middle values for an even count); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0
