"""The golden test: the mission's own example, as a scraping aggregator republished it."""

from __future__ import annotations

import re

from retina import clean
from retina.model import BlockKind, RemovedKind


def _seed_body_paragraphs(seed: str) -> list[str]:
    """The 14 real body paragraphs, read straight from the seed file."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", seed) if c.strip()]
    body = chunks[2:-1]  # after title and site lines, before the Source line
    junk_start = ("Also Read:",)
    body = [c for c in body if not c.startswith(junk_start)]
    quote = next(c for c in body if c.startswith("There has always been an element of wariness in"))
    body.remove(quote)
    return body


def test_seed_metadata(seed_bytes: bytes) -> None:
    article = clean(seed_bytes)
    assert article.title == "How Russia’s neighbours are falling out of love with the Kremlin"
    assert article.site_name == "The Daily Retina"
    assert article.origin == "The Spectator Australia"
    assert article.section == "World"
    assert article.authors == []
    assert article.language == "en"


def test_seed_removals(seed_bytes: bytes) -> None:
    article = clean(seed_bytes)
    kinds = [r.kind for r in article.removed]
    assert kinds.count(RemovedKind.RELATED_LINK) == 3
    assert kinds.count(RemovedKind.PULL_QUOTE) == 1
    assert kinds.count(RemovedKind.ATTRIBUTION) == 1
    assert len(kinds) == 5, "nothing else may be removed"
    related = [r.text for r in article.removed if r.kind is RemovedKind.RELATED_LINK]
    assert all(t.startswith("Also Read:\u00a0") or t.startswith("Also Read:") for t in related)
    assert any("Mace says abortion" in t for t in related)
    assert any("chimps’ sign language" in t for t in related)
    assert any("Sagittarius weekly horoscope" in t for t in related)
    (attribution,) = [r for r in article.removed if r.kind is RemovedKind.ATTRIBUTION]
    assert attribution.text == "Source: World – The Spectator Australia"
    (quote,) = [r for r in article.removed if r.kind is RemovedKind.PULL_QUOTE]
    assert quote.text.startswith("There has always been an element of wariness in Kazakhstan")
    assert all(r.reason for r in article.removed)


def test_seed_body_kept_verbatim_and_in_order(seed_bytes: bytes) -> None:
    article = clean(seed_bytes)
    expected = _seed_body_paragraphs(seed_bytes.decode("utf-8"))
    assert len(expected) == 14
    assert [b.text for b in article.blocks] == expected
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)
    assert article.text == "\n\n".join(expected)


def test_seed_removal_positions_interleave_with_body(seed_bytes: bytes) -> None:
    article = clean(seed_bytes)
    positions = [r.position for r in article.removed]
    assert positions == sorted(positions)
    assert len(set(positions)) == 5
