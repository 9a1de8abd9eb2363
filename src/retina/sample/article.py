"""The pieces of a generated article page, between writing and rendering.

A `Draft` is an article's words (title and main-text blocks). An `ArticlePage` puts a
draft on an outlet's page: URL, byline, dates and the `Injection`s (related links,
pull quotes, ads, newsletter prompts, attributions) placed between its blocks.
Renderers turn an `ArticlePage` into bytes; `truth.py` turns it into ground truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from retina.sample.events import Event
from retina.sample.outlets import Outlet

Entity = tuple[str, str]  # (text, PERSON | ORG | PLACE | COUNTRY)

PARAGRAPH = "paragraph"
HEADING = "heading"
QUOTE = "quote"
LIST_ITEM = "list_item"

RELATED_LINK = "related_link"
PULL_QUOTE = "pull_quote"
ATTRIBUTION = "attribution"
AD = "ad"
NEWSLETTER_PROMPT = "newsletter_prompt"


@dataclass(slots=True)
class Block:
    """One block of main text. `lookalike` marks prose that looks like junk but is not."""

    kind: str
    text: str
    entities: tuple[Entity, ...] = ()
    level: int | None = None
    lookalike: str | None = None


@dataclass(slots=True)
class Draft:
    title: str
    title_entities: tuple[Entity, ...]
    blocks: list[Block]


@dataclass(slots=True)
class Injection:
    """Something inside the article body that is not main text.

    It is shown just before main block `position` (`len(blocks)`: after the last).
    `text` is its visible text; `details` says how it was made (marker, link...).
    """

    kind: str
    text: str
    position: int
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Image:
    url: str
    alt: str
    caption: str
    credit: str


@dataclass(slots=True)
class ArticlePage:
    """One generated article page. `source` is the page it copies (syndication, repost)."""

    number: int
    outlet: Outlet
    event: Event
    role: str  # original | coverage | syndicated | repost
    url_path: str  # relative to the outlet's root
    file_path: str  # relative to the output folder
    draft: Draft
    authors: list[str]
    published: datetime
    updated: datetime | None
    injections: list[Injection]
    canonical: str | None
    image: Image | None
    related: list[tuple[str, str]]  # (title, url) box outside the body
    source: ArticlePage | None = None
    is_exact_repost: bool = False
    aliases: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"p{self.number:07d}"

    @property
    def url(self) -> str:
        return self.outlet.url(self.url_path)

    @property
    def section(self) -> str:
        return self.event.section

    @property
    def section_label(self) -> str:
        return self.outlet.section_labels[self.event.section]

    @property
    def origin(self) -> str | None:
        """The publication a copy credits, or None (originals, same-outlet reposts)."""
        if self.source is None or self.source.outlet is self.outlet:
            return None
        return self.source.outlet.name

    def body(self) -> list[Block | Injection]:
        """Main blocks and injections in reading order."""
        out: list[Block | Injection] = []
        pending = sorted(self.injections, key=lambda inj: inj.position)
        i = 0
        for position, block in enumerate(self.draft.blocks):
            while i < len(pending) and pending[i].position <= position:
                out.append(pending[i])
                i += 1
            out.append(block)
        out.extend(pending[i:])
        return out

    def summary(self, limit: int = 220) -> str:
        """The first paragraph, cut at a word boundary: what summary-only feeds show."""
        first = next((b.text for b in self.draft.blocks if b.kind == PARAGRAPH), "")
        if len(first) <= limit:
            return first
        return first[:limit].rsplit(" ", 1)[0] + "…"
