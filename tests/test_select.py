"""Merging two extractions of one page block by block."""

from __future__ import annotations

from retina.clean.candidate import Candidate
from retina.clean.select import merge_extractions, page_text_key
from retina.model import BlockKind

NAV = "Home World Business Sport"
P = [
    "The council voted on Tuesday to expand the harbour after a debate of two years.",
    "Supporters said the expansion would bring hundreds of jobs to the struggling town.",
    "Opponents warned that dredging would damage the estuary and its bird colonies.",
    "Construction is expected to start next spring if the regional bank lends the money.",
]
COMMENT = "Great article, thanks for sharing this with us all!"
RELATED = "Harbour towns across the coast look to expand"


def _page(*parts: str) -> str:
    return page_text_key(" ".join(parts))


def _blocks(*texts: str, density: float = 0.0) -> list[Candidate]:
    return [Candidate(BlockKind.PARAGRAPH, t, link_density=density) for t in texts]


def test_secondary_fills_a_gap_inside_the_agreed_region() -> None:
    page = _page(NAV, *P, COMMENT)
    merged = merge_extractions(_blocks(P[0], P[1], P[3]), _blocks(*P), page)
    assert [c.text for c in merged] == P


def test_primary_only_block_outside_agreed_region_is_dropped() -> None:
    page = _page(NAV, *P, COMMENT)
    merged = merge_extractions(_blocks(*P, COMMENT), _blocks(*P), page)
    assert [c.text for c in merged] == P


def test_secondary_link_list_inside_region_is_not_added() -> None:
    page = _page(P[0], P[1], RELATED, P[2], P[3])
    secondary = _blocks(P[0], P[1]) + _blocks(RELATED, density=1.0) + _blocks(P[2], P[3])
    merged = merge_extractions(_blocks(*P), secondary, page)
    assert [c.text for c in merged] == P


def test_disagreeing_engines_keep_primary() -> None:
    page = _page(NAV, *P, COMMENT)
    merged = merge_extractions(_blocks(*P), _blocks(COMMENT, NAV), page)
    assert [c.text for c in merged] == P


def test_primary_block_types_win_for_shared_text() -> None:
    page = _page(*P)
    primary = [Candidate(BlockKind.QUOTE, P[0]), *_blocks(*P[1:])]
    merged = merge_extractions(primary, _blocks(*P), page)
    assert merged[0].kind is BlockKind.QUOTE and len(merged) == 4


def test_empty_sides() -> None:
    assert merge_extractions([], _blocks(*P), _page(*P)) == _blocks(*P)
    assert merge_extractions(_blocks(*P), [], _page(*P)) == _blocks(*P)
