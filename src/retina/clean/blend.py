"""Blending the two extraction engines block by block.

trafilatura and the Readability engine each miss text the other finds and each keep junk
the other leaves out. Their blocks are merged in document order (a block both found is
kept once) and every block is scored by a logistic model over what is known about it:
which engines found it, its length, link share, punctuation, kind, position, and how much
the two extractions agree on the page. Blocks scoring below one half (0.6 for a block only
the Readability engine found) are dropped, except a section heading inside the kept text
(`_keep_section_headings`): the model sees each block alone, and a short heading only one
engine found scores low wherever it stands.

The weights (`blend_weights.json`) are learned by `benchmarks/train_blend.py` on the tune
split of the development corpora only (see docs/benchmarks.md); the test split measures
how well they generalise.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from retina.clean.candidate import Candidate
from retina.clean.tokens import (
    ends_like_sentence,
    letters_and_digits,
    shingles,
    starts_like_title,
    words,
)
from retina.model import BlockKind

_KINDS = (
    BlockKind.PARAGRAPH,
    BlockKind.HEADING,
    BlockKind.LIST_ITEM,
    BlockKind.QUOTE,
    BlockKind.TABLE,
)
FEATURES = (
    "from_trafilatura",
    "from_readability",
    "from_both",
    "log_words",
    "is_link",
    "ends_like_sentence",
    "ends_with_colon",
    "starts_like_title",
    "position",
    "inside_agreed_span",
    "digit_share",
    "upper_share",
    "commas_per_word",
    "bars_per_word",
    *(f"kind_{kind.value}" for kind in _KINDS),
    "page_log_words_trafilatura",
    "page_log_words_readability",
    "page_readability_in_trafilatura",
    "page_trafilatura_in_readability",
    "page_link_share_trafilatura",
    "page_link_share_readability",
)
KEEP_FROM = 0.5
KEEP_READABILITY_ONLY_FROM = 0.6
"""A block only the Readability engine found needs more: that engine keeps more of a
page's furniture (sidebars, teasers), and the model trusts its unconfirmed blocks more than
they deserve. Chosen on the tune split (trafilatura-eval F1 at 0.5/0.55/0.6/0.65/0.7/0.8:
0.9596/0.9607/0.9612/0.9611/0.9611/0.9592; mozilla-readability 0.9430/0.9419/0.9418/
0.9396/0.9365/0.9073)."""
_LOG_ODDS = {
    True: math.log(KEEP_FROM / (1 - KEEP_FROM)),
    False: math.log(KEEP_READABILITY_ONLY_FROM / (1 - KEEP_READABILITY_ONLY_FROM)),
}
"""The score a block needs, by whether trafilatura found it."""
_SHINGLE = 3
_SPLIT_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE})
_OPENING_WORDS = 4
_MAX_TRIES = 8
_SCRAP_WORDS = 3


@dataclass(frozen=True, slots=True)
class Sourced:
    """A merged block, the engines that found it, and its words."""

    candidate: Candidate
    from_trafilatura: bool
    from_readability: bool
    words: list[str]


def merge(trafilatura: list[Candidate], readability: list[Candidate]) -> list[Sourced]:
    """Both engines' blocks in document order, each once.

    trafilatura's order is kept; a block only the Readability engine found goes after the
    last block before it that both found (at the start when there is none). A paragraph
    the page repeats, which trafilatura keeps once, is the Readability engine's own the
    second time; a match never moves the insertion point back.
    """
    t_words = [words(c.text) for c in trafilatura]
    r_words = [words(c.text) for c in readability]
    t_keys = [" ".join(w) for w in t_words]
    r_keys = [" ".join(w) for w in r_words]
    t_text, r_text = " ".join(t_keys), " ".join(r_keys)
    # Most blocks are the same in both engines: a set and an index answer for them at
    # once, and the text is searched only for the others (searching it for every block of
    # a page of 20,000 paragraphs took seconds).
    r_set = set(r_keys)
    t_positions: dict[str, list[int]] = {}
    for index, key in enumerate(t_keys):
        t_positions.setdefault(key, []).append(index)
    merged: list[list[Sourced]] = [[] for _ in range(len(trafilatura) + 1)]
    for index, candidate in enumerate(trafilatura):
        key = t_keys[index]
        in_readability = key in r_set or key in r_text
        merged[index + 1].append(Sourced(candidate, True, in_readability, t_words[index]))
    slot = 0
    search_from = 0
    whole: set[int] = set()  # trafilatura blocks that were the whole of a Readability block
    for candidate, tokens, key in zip(readability, r_words, r_keys, strict=True):
        exact = t_positions.get(key)
        if exact or key in t_text:  # trafilatura has it, in one block or across two
            found = (
                _same_block(exact, search_from) if exact else _find_block(t_keys, key, search_from)
            )
            if found is None:
                continue
            repeated = found < search_from and found in whole and t_keys[found] == key
            if not repeated:
                if found >= search_from - 1:
                    slot = search_from = found + 1
                    if t_keys[found] == key:
                        whole.add(found)
                continue
        twin = _twin(candidate, key, trafilatura, t_keys, slot)
        if twin is not None:  # one block, its text as the Readability engine spaced it
            kept = replace(trafilatura[twin], text=candidate.text)
            merged[twin + 1][0] = Sourced(kept, True, True, tokens)
            continue
        merged[slot].append(Sourced(candidate, False, True, tokens))
    return [block for group in merged for block in group]


def _twin(
    candidate: Candidate, key: str, trafilatura: list[Candidate], t_keys: list[str], slot: int
) -> int | None:
    """The trafilatura block beside the insertion point that is this one with its words
    split differently, if any: an inline element inside a word ("import<em>ing</em>") is a
    space in trafilatura's text ("import ing") and none in the Readability engine's, and
    the paragraph came out twice. The Readability engine spaces inline text as a browser
    does ("flask’s", "original on" where trafilatura wrote "flask ’s", "originalon"), so its
    text is kept. The same words beside each other are a paragraph the page repeats."""
    compact = letters_and_digits(candidate.text)
    for index in (slot - 1, slot):
        if (
            0 <= index < len(trafilatura)
            and t_keys[index] != key
            and letters_and_digits(trafilatura[index].text) == compact
        ):
            return index
    return None


def split_like(trafilatura: list[Candidate], readability: list[Candidate]) -> list[Candidate]:
    """trafilatura's paragraphs and quotes split where the Readability engine's are.

    trafilatura turns a blank line made with `<br><br>` into one line break, and keeps the
    paragraphs of a quote in one block; the Readability engine splits them as a reader
    sees them. A block that is, word for word, two or more of the Readability engine's
    blocks in a row becomes those blocks, of trafilatura's kind."""
    r_keys = [" ".join(words(c.text)) for c in readability]
    starts: dict[str, list[int]] = {}  # the first words of each block -> the blocks
    for index, key in enumerate(r_keys):
        if key:
            starts.setdefault(_opening(key), []).append(index)
    split: list[Candidate] = []
    for candidate in trafilatura:
        pieces = None
        if candidate.kind in _SPLIT_KINDS:
            pieces = _pieces(" ".join(words(candidate.text)), r_keys, starts)
        if pieces is None:
            split.append(candidate)
        else:
            split.extend(replace(candidate, text=readability[i].text) for i in pieces)
    return split


def _pieces(key: str, r_keys: list[str], starts: dict[str, list[int]]) -> list[int] | None:
    """The Readability blocks in a row whose words, joined, are `key`'s; None if none are."""
    head = key.split(" ", _OPENING_WORDS)
    openings = (" ".join(head[:n]) for n in range(1, min(len(head), _OPENING_WORDS) + 1))
    tries = (index for opening in openings for index in starts.get(opening, ()))
    for first in itertools.islice(tries, _MAX_TRIES):  # a page repeating a line 20,000 times
        pieces, end, index = [], 0, first
        while index < len(r_keys) and key.startswith(r_keys[index], end):
            pieces.append(index)
            end += len(r_keys[index])
            if end == len(key):
                return pieces if len(pieces) > 1 else None
            if key[end] != " ":
                break
            end += 1
            index += 1
    return None


def _opening(key: str) -> str:
    return " ".join(key.split(" ", _OPENING_WORDS)[:_OPENING_WORDS])


def features(blocks: list[Sourced], link_texts: set[str]) -> list[list[float]]:
    """One feature row per block, in `FEATURES` order."""
    page = _page_features(blocks, link_texts)
    agreed = [i for i, b in enumerate(blocks) if b.from_trafilatura and b.from_readability]
    low, high = (agreed[0], agreed[-1]) if agreed else (-1, -1)
    count = len(blocks)
    rows = []
    for index, block in enumerate(blocks):
        text = block.candidate.text
        n_words = len(block.words)
        n_chars = max(len(text), 1)
        row = [
            float(block.from_trafilatura),
            float(block.from_readability),
            float(block.from_trafilatura and block.from_readability),
            math.log1p(n_words),
            float(text in link_texts),
            float(ends_like_sentence(text)),
            float(text.rstrip().endswith(":")),
            float(starts_like_title(text)),
            index / count,
            float(low <= index <= high) if block.from_trafilatura else 0.5,
            sum(map(str.isdigit, text)) / n_chars,
            sum(map(str.isupper, text)) / n_chars,
            text.count(",") / max(n_words, 1),
            text.count("|") / max(n_words, 1),
            *(float(block.candidate.kind is kind) for kind in _KINDS),
            *page,
        ]
        rows.append(row)
    return rows


def blend(
    trafilatura: list[Candidate], readability: list[Candidate], link_texts: set[str]
) -> list[Candidate]:
    """The blocks of both engines that the model keeps, in document order."""
    blocks = merge(split_like(trafilatura, readability), readability)
    if not blocks:
        return []
    intercept, coefficients = _weights()
    keep = [
        intercept + sum(w * x for w, x in zip(coefficients, row, strict=True))
        >= _LOG_ODDS[block.from_trafilatura]
        for block, row in zip(blocks, features(blocks, link_texts), strict=True)
    ]
    _keep_section_headings(blocks, keep, link_texts)
    return [block.candidate for block, kept in zip(blocks, keep, strict=True) if kept]


def _keep_section_headings(blocks: list[Sourced], keep: list[bool], link_texts: set[str]) -> None:
    """Keeps a dropped heading that stands between kept blocks and above a kept paragraph
    of prose: a subheading of the article. A heading above links or a list ("Related
    stories", "Newsletter") stays dropped, as does one that is itself a link. Dropped
    scraps of a few words above the heading (a live blog's "10:00") do not part it from
    the text before."""
    for index in range(1, len(blocks) - 1):
        block, below = blocks[index].candidate, blocks[index + 1].candidate
        above = index - 1
        while above > 0 and not keep[above] and _scrap(blocks[above]):
            above -= 1
        if (
            not keep[index]
            and block.kind is BlockKind.HEADING
            and keep[above]
            and keep[index + 1]
            and below.kind is BlockKind.PARAGRAPH
            and ends_like_sentence(below.text)
            and block.text not in link_texts
        ):
            keep[index] = True


def _scrap(block: Sourced) -> bool:
    return block.candidate.kind is not BlockKind.HEADING and len(block.words) <= _SCRAP_WORDS


@cache
def _weights() -> tuple[float, tuple[float, ...]]:
    raw = json.loads(resources.files("retina.clean").joinpath("blend_weights.json").read_text())
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError("blend_weights.json does not match the blend features; retrain")
    return float(raw["intercept"]), tuple(float(w) for w in raw["coefficients"])


def _page_features(blocks: list[Sourced], link_texts: set[str]) -> list[float]:
    t_blocks = [b for b in blocks if b.from_trafilatura]
    r_blocks = [b for b in blocks if b.from_readability]
    t_shingles = set().union(*(shingles(b.words, _SHINGLE) for b in t_blocks))
    r_shingles = set().union(*(shingles(b.words, _SHINGLE) for b in r_blocks))
    shared = len(t_shingles & r_shingles)
    n_t = sum(len(b.words) for b in t_blocks)
    n_r = sum(len(b.words) for b in r_blocks)
    return [
        math.log1p(n_t),
        math.log1p(n_r),
        shared / max(len(r_shingles), 1),
        shared / max(len(t_shingles), 1),
        _link_share(t_blocks, link_texts, n_t),
        _link_share(r_blocks, link_texts, n_r),
    ]


def _link_share(blocks: list[Sourced], link_texts: set[str], total: int) -> float:
    linked = sum(len(b.words) for b in blocks if b.candidate.text in link_texts)
    return linked / max(total, 1)


def _same_block(positions: list[int], start: int) -> int:
    """The first of the trafilatura blocks with the same text from `start` on (or, failing
    that, the first of them): found by bisection, where a search block by block made a
    page of 20,000 paragraphs quadratic."""
    index = bisect.bisect_left(positions, start)
    return positions[index] if index < len(positions) else positions[0]


def _find_block(keys: list[str], key: str, start: int) -> int | None:
    """The first trafilatura block from `start` on containing `key` (or, failing that, any)."""
    for index in range(start, len(keys)):
        if key in keys[index]:
            return index
    for index in range(start):
        if key in keys[index]:
            return index
    return None
