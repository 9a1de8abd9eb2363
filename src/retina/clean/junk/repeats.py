"""Pull quotes and duplicated blocks: text that repeats another block of the same article.

A pull quote restates part of a body paragraph, often with small edits ("or caution"
dropped), cut short, or with its attribution moved. We find, for each block, a longer
block containing most of its words, mostly *in order* (runs of at least three words,
via sequence matching), after a cheap shingle-overlap filter so long articles stay fast.
The longer block is the body text and stays; the shorter repeat goes, when it stands
within ten blocks of it. Identical short blocks keep their first occurrence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import pairwise

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import STOPWORDS, shingles, words
from retina.model import BlockKind, RemovedKind

MIN_QUOTE_WORDS = 6
"""Shorter blocks ("Advertisement", "Share") are left to the boilerplate detector."""
MAX_QUOTE_WORDS = 50
"""Pull quotes are a sentence or two; a longer repeat, even word for word, is body text
(kept): deleting whole paragraphs on a guess loses more than a repeat costs."""
MIN_EXACT_WORDS = 6
"""A shorter line said twice word for word ("I would prefer not to.", "He answered
nothing.") is as often dialogue or a refrain as a layout's duplicate: it stays."""
COVERAGE = 0.8
"""Share of a block's words that must occur, in order, inside the other block."""
NEW_CONTENT_WORDS = 0.15
"""Share of a pull quote's content words its source may lack (at least one: an edit); a
name counts twice. Sentences built on one template ("X is streaming on Netflix and
available to rent…", one per film) share most of their words but not the names that
make them different statements: those stay."""
MAX_QUOTE_DISTANCE = 10
"""Blocks between a pull quote and its source at most: a pull quote is set beside the text
it quotes. The same sentence farther away is a template (a FAQ answering alike for each
route, a recipe card restating the method, a forum reply quoting a post): it stays."""
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SHINGLE = 3
_MIN_RUN = 3
_PREFILTER = 0.4
_MAX_SHINGLE_BLOCKS = 50
"""A three-word run found in more blocks than this (a template line repeated thousands of
times on a hostile page) is left out of the search for a block's source."""

# Headings are left alone unless they are a long verbatim run of another block (a pull
# quote laid out as a heading): a section title often restates words of its paragraph.
_REPEATABLE = {BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM}
MIN_HEADING_QUOTE_WORDS = 8
HEADING_RUN = 0.9
"""Share of a heading's words that must be one unbroken run inside the other block."""


def find_repeats(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find pull quotes (near repeats of a longer block) and exact duplicate blocks."""
    tokens = {
        i: words(c.text)
        for i, c in enumerate(candidates)
        if i not in skip and (c.kind in _REPEATABLE or c.kind is BlockKind.HEADING)
    }
    headings = {i for i in tokens if candidates[i].kind is BlockKind.HEADING}
    items = {i for i in tokens if candidates[i].kind is BlockKind.LIST_ITEM}
    shingles = {i: _shingles(t) for i, t in tokens.items()}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, block_shingles in shingles.items():
        for shingle in block_shingles:
            index[shingle].append(i)

    findings: list[Finding] = []
    removed: set[int] = set()
    for i, own in tokens.items():
        if len(own) < MIN_EXACT_WORDS:
            continue
        if candidates[i].text.rstrip().endswith(":"):
            continue  # introduces the block after it ("..., put it bluntly:"): body text
        if i in headings and len(own) < MIN_HEADING_QUOTE_WORDS:
            continue
        source = _containing_block(
            i, own, candidates[i].text, tokens, shingles[i], index, removed, headings, items
        )
        if source is None:
            continue
        j, coverage = source
        removed.add(i)
        if tokens[j] == own:
            reason = f"repeats block {j} word for word"
            kind = RemovedKind.DUPLICATE_BLOCK
        else:
            reason = f"repeats {coverage:.0%} of its words from block {j}, which is longer"
            kind = RemovedKind.PULL_QUOTE
        findings.append(Finding((i,), kind, reason))
    return findings


def _containing_block(
    i: int,
    own: list[str],
    text: str,
    tokens: dict[int, list[str]],
    own_shingles: set[tuple[str, ...]],
    index: dict[tuple[str, ...], list[int]],
    removed: set[int],
    headings: set[int],
    items: set[int],
) -> tuple[int, float] | None:
    """The block that contains block i's words, if block i is the repeat of the pair.

    The longer block is the source; of two near-identical blocks ("said" → "stated"),
    the first. A heading only repeats a paragraph it is an unbroken run of; a list item
    (a fact box restating the text) only an identical item."""
    hits: dict[int, int] = defaultdict(int)
    for shingle in own_shingles:
        holders = index[shingle]
        if len(holders) > _MAX_SHINGLE_BLOCKS:
            continue  # in every block: tells no source apart, and makes the search quadratic
        for j in holders:
            if j != i and j not in removed and j not in headings:
                hits[j] += 1
    for j, count in sorted(hits.items(), key=lambda item: -item[1]):
        if count < _PREFILTER * len(own_shingles):
            break
        other = tokens[j]
        if other == own:
            if j < i and len(own) <= MAX_QUOTE_WORDS:  # identical: keep the first occurrence
                return j, 1.0
            continue
        if i in items or not MIN_QUOTE_WORDS <= len(own) <= MAX_QUOTE_WORDS:
            continue
        if i in headings:
            run = _longest_run(own, other)
            if run >= HEADING_RUN * len(own):
                return j, run / len(own)
            continue
        if (
            len(other) < len(own)
            or (len(other) == len(own) and j > i)
            or abs(j - i) > MAX_QUOTE_DISTANCE
        ):
            continue
        coverage = _coverage(own, other)
        if coverage >= COVERAGE and _edits_only(own, other, text):
            return j, coverage
    return None


def _edits_only(short: list[str], long: list[str], text: str) -> bool:
    """Whether `long` holds all of `short`'s content words (not function words or
    numbers) but for the few an edit changes; `text` is the short block's own text."""
    own = {w for w in short if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()}
    lacking = own - set(long)
    if not lacking:
        return True
    names = {w.casefold().replace("’", "'") for w in _WORD.findall(text) if w[0].isupper()}
    weight = sum(2 if w in names else 1 for w in lacking)
    return weight <= max(1, NEW_CONTENT_WORDS * len(own))


def _coverage(short: list[str], long: list[str]) -> float:
    """Share of `short`'s words found in `long`: in-order runs of three or more words,
    plus word pairs moved elsewhere (a quote's '..., she said' rearranged), provided
    the in-order part is at least half of the block."""
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    matched = [False] * len(short)
    for block in matcher.get_matching_blocks():
        if block.size >= _MIN_RUN:
            matched[block.a : block.a + block.size] = [True] * block.size
    in_order = sum(matched)
    if in_order < 0.5 * len(short):
        return in_order / len(short)
    long_pairs = set(pairwise(long))
    for k in range(len(short) - 1):
        if not (matched[k] and matched[k + 1]) and (short[k], short[k + 1]) in long_pairs:
            matched[k] = matched[k + 1] = True
    return sum(matched) / len(short)


def _longest_run(short: list[str], long: list[str]) -> int:
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    return matcher.find_longest_match(0, len(short), 0, len(long)).size


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < _SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return shingles(tokens, _SHINGLE)
