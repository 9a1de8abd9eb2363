"""Build `Article` objects for store, web and CLI tests, without the clean stage."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from retina.model import Article, Block, BlockKind, Removed, RemovedKind


def make_article(
    text: str = "A paragraph of main text.",
    *,
    title: str | None = "A title",
    published: datetime | None = None,
    removed: list[Removed] | None = None,
    **fields: Any,
) -> Article:
    """An article whose main text is `text`, split into paragraphs at blank lines."""
    blocks = [Block(BlockKind.PARAGRAPH, part) for part in text.split("\n\n") if part]
    return Article(
        title=title,
        published=published,
        blocks=blocks,
        removed=removed if removed is not None else [],
        **fields,
    )


def rich_article() -> Article:
    """An article using every field and block kind, with removals."""
    return Article(
        url="https://news.example/world/story",
        canonical_url="https://news.example/story",
        title="Rivers rise across the north",
        lead="Flood warnings were issued overnight.",
        authors=["Ada Writer", "Bo Reporter"],
        published=datetime.fromisoformat("2024-03-12T14:05:00+01:00"),
        updated=datetime.fromisoformat("2024-03-12T18:30:00+01:00"),
        site_name="The Daily Example",
        origin="The Northern Courier",
        section="World",
        language="en",
        blocks=[
            Block(BlockKind.PARAGRAPH, "Rivers rose sharply on Tuesday."),
            Block(BlockKind.HEADING, "What happens next", level=2),
            Block(BlockKind.QUOTE, "We have never seen water this high."),
            Block(BlockKind.LIST_ITEM, "Sandbags at the town hall"),
            Block(BlockKind.LIST_ITEM, "Shelter at the school"),
            Block(BlockKind.PARAGRAPH, "More rain is expected."),
        ],
        removed=[
            Removed(RemovedKind.RELATED_LINK, "Read more: Storm hits coast", "related link", 2),
            Removed(
                RemovedKind.ATTRIBUTION, "First published by The Northern Courier", "credit", 9
            ),
        ],
    )
