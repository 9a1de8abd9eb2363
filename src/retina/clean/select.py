"""Combine two independent extractions of the same page into one, block by block.

Two engines that disagree are each right somewhere: one keeps a paragraph the other
dropped, one lets in a comment or a teaser the other cut. We place every block of both
at its position in the page's text, take the region both engines agree is the article
(from the first to the last block they share), and keep:

- every block both engines found;
- a block only one engine found when it lies inside the agreed region and reads like
  text (not a link list); the primary engine's blocks get the benefit of the doubt;
- nothing from outside the agreed region that only one engine wanted, unless the
  engines share almost nothing — then the primary result stands alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retina.clean.candidate import Candidate
from retina.model import BlockKind

_SPACE = re.compile(r"\s+")
_MIN_AGREEMENT_CHARS = 200
"""Below this much shared text the engines picked different regions: no merge."""
_MAX_LINK_DENSITY = 0.5
_MIN_SECONDARY_WORDS = 8


@dataclass(slots=True)
class _Placed:
    candidate: Candidate
    position: int
    primary: bool
    shared: bool


def page_text_key(text: str) -> str:
    """The normalised form blocks and page text are compared in."""
    return _SPACE.sub(" ", text).strip().casefold()


def merge_extractions(
    primary: list[Candidate], secondary: list[Candidate], page_text: str
) -> list[Candidate]:
    """Blocks of both extractions, in page order, filtered as the module explains.

    `page_text` is the page's visible text normalised with `page_text_key`.
    """
    if not secondary:
        return primary
    if not primary:
        return secondary
    primary_text = page_text_key(" ".join(c.text for c in primary))
    secondary_text = page_text_key(" ".join(c.text for c in secondary))
    placed = _place(primary, secondary_text, page_text, primary=True)
    placed += _place(secondary, primary_text, page_text, primary=False)
    shared = [p for p in placed if p.shared]
    if sum(len(p.candidate.text) for p in shared if p.primary) < _MIN_AGREEMENT_CHARS:
        return primary
    start = min(p.position for p in shared)
    end = max(p.position for p in shared)
    kept: list[_Placed] = []
    seen: set[str] = set()
    for item in sorted(placed, key=lambda p: (p.position, not p.primary)):
        key = page_text_key(item.candidate.text)
        if key in seen or not _keep(item, start, end):
            continue
        if not item.primary and item.shared:
            continue  # the primary engine's copy of shared text is kept (its block types)
        seen.add(key)
        kept.append(item)
    return [p.candidate for p in kept]


def _keep(item: _Placed, start: int, end: int) -> bool:
    if item.shared:
        return True
    if not start <= item.position <= end:
        return False
    if item.primary:
        return True
    candidate = item.candidate
    if candidate.link_density > _MAX_LINK_DENSITY:
        return False
    return (
        candidate.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM)
        or len(candidate.text.split()) >= _MIN_SECONDARY_WORDS
    )


def _place(
    candidates: list[Candidate], other_text: str, page_text: str, *, primary: bool
) -> list[_Placed]:
    """Each block's offset in the page text (searching forward from the previous block)."""
    placed: list[_Placed] = []
    cursor = 0
    last = 0
    for candidate in candidates:
        key = page_text_key(candidate.text)
        found = page_text.find(key, cursor)
        if found < 0:
            found = page_text.find(key)
        if found < 0:
            position = last  # not in the visible text as such: keep its engine's order
        else:
            position = found
            cursor = found + len(key)
        last = position
        placed.append(_Placed(candidate, position, primary, shared=key in other_text))
    return placed
