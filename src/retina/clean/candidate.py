"""Candidate blocks and drafts: what a parser hands to the junk detectors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from retina.model import Block, BlockKind, Image, RemovedKind

_PROSE_END = re.compile(r"[.!…][\"”’»)]*$")
"""A full stop, closing quotes aside ("….»"). Not `tokens.ends_like_sentence`, which takes
a question mark too: a question, quoted or not, stays a heading."""
_MIN_PROSE_HEADING_WORDS = 12
_MIN_SUBTITLE_WORDS = 16


@dataclass(slots=True)
class Candidate:
    """A block of possible main text, with the layout hints an extractor can give.

    `link_density` is the share of the text inside links (HTML only); `comment_section`
    names the readers' comment section that alone holds the text (HTML only, see
    `comments.py`); `outside_declared_body` that the article text the page declares
    does not hold it (HTML only, see `declared_body.py`); `other_article` the headline of
    another article on the page the text belongs to (HTML only, see `other_articles.py`);
    `page_caption` that the page marks the text as a caption (HTML only, see
    `page_captions.py`); `teaser` the page ("host/path") of the other article whose teaser
    holds the text (HTML only, see `teasers.py`).
    """

    kind: BlockKind
    text: str
    level: int | None = None
    link_density: float = 0.0
    comment_section: str | None = None
    outside_declared_body: bool = False
    other_article: str | None = None
    page_caption: bool = False
    teaser: str | None = None

    def to_block(self, *, opening: bool = False) -> Block:
        """The kept block; `opening` when it opens the text. A heading that is a long
        sentence closed by a full stop is a paragraph set in heading markup (a lede in
        `<h2>`: "The U.S. has long been heralded as a land of opportunity -- a place where
        anyone can succeed …"), and so is a long heading opening the text: the subtitle
        under the headline ("Governor says naming of 'exceptional' Raquel Montoya-Lewis is
        historic, but he called on her 'because she's the best for the job'"). A question
        stays a heading, as interviews set theirs. Only the kept block changes: the
        detectors read the page's own markup."""
        if self.kind is BlockKind.HEADING and not self.text.rstrip().endswith("?"):
            n = len(self.text.split())
            if (n >= _MIN_PROSE_HEADING_WORDS and _PROSE_END.search(self.text)) or (
                opening and n >= _MIN_SUBTITLE_WORDS
            ):
                return Block(kind=BlockKind.PARAGRAPH, text=self.text)
        return Block(kind=self.kind, text=self.text, level=self.level)


@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's verdict: the candidates at `positions` are junk of `kind`."""

    positions: tuple[int, ...]
    kind: RemovedKind
    reason: str


@dataclass(slots=True)
class Draft:
    """What a parser extracted from one input, before the junk detectors run."""

    candidates: list[Candidate] = field(default_factory=list)
    title: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    site_name: str | None = None
    origin: str | None = None
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    images: list[Image] = field(default_factory=list)
