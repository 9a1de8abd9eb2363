"""Retina's data model: the types every pipeline stage reads and writes.

Data flows one way: a `Page` (raw bytes as fetched or read) is cleaned into an
`Article` (structured, junk removed, every removal recorded as a `Removed`).

The JSON form (`to_dict` / `from_dict`) is versioned by `SCHEMA_VERSION` and
described by `docs/schema.json`, generated from these classes by
`retina.schema.json_schema()`. Datetimes are ISO 8601 strings, bytes are base64.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1


class BlockKind(StrEnum):
    """The kind of a block of main text, in reading order."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    TABLE = "table"
    CODE = "code"


class RemovedKind(StrEnum):
    """Why a piece of the page is not part of the article's main text."""

    RELATED_LINK = "related_link"
    PULL_QUOTE = "pull_quote"
    ATTRIBUTION = "attribution"
    BOILERPLATE = "boilerplate"
    DUPLICATE_BLOCK = "duplicate_block"
    AD = "ad"
    SHARE_PROMPT = "share_prompt"
    NEWSLETTER_PROMPT = "newsletter_prompt"
    BYLINE = "byline"
    CAPTION = "caption"
    COMMENT = "comment"


@dataclass(slots=True)
class Block:
    """One block of main text. `level` is the heading level (1-6), else None."""

    kind: BlockKind
    text: str
    level: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "text": self.text}
        if self.level is not None:
            data["level"] = self.level
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(kind=BlockKind(data["kind"]), text=data["text"], level=data.get("level"))


@dataclass(slots=True)
class Removed:
    """A piece removed from the page, with the detector's reason.

    `position` is the index of the piece among the candidate blocks the
    extractor produced (before removal), so removals can be shown in place.
    """

    kind: RemovedKind
    text: str
    reason: str
    position: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "reason": self.reason,
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removed:
        return cls(
            kind=RemovedKind(data["kind"]),
            text=data["text"],
            reason=data["reason"],
            position=int(data["position"]),
        )


@dataclass(slots=True)
class Image:
    """An image that belongs to the article (lead image or in-body figure)."""

    url: str
    alt: str | None = None
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "alt": self.alt, "caption": self.caption}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Image:
        return cls(url=data["url"], alt=data.get("alt"), caption=data.get("caption"))


@dataclass(slots=True)
class Page:
    """A raw page as fetched or read, before any cleaning."""

    url: str | None
    body: bytes
    fetched_at: datetime | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    source_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "fetched_at": _iso(self.fetched_at),
            "body": base64.b64encode(self.body).decode("ascii"),
            "content_type": self.content_type,
            "headers": dict(self.headers),
            "source_id": self.source_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        _check_version(data)
        return cls(
            url=data.get("url"),
            body=base64.b64decode(data["body"]),
            fetched_at=_parse_dt(data.get("fetched_at")),
            content_type=data.get("content_type"),
            headers=dict(data.get("headers") or {}),
            source_id=data.get("source_id"),
        )


@dataclass(slots=True)
class Article:
    """A clean, structured news article.

    `site_name` is the site that served the page; `origin` is the publication
    the page credits when it is a republished copy (None for an original).
    """

    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    site_name: str | None = None
    origin: str | None = None
    section: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The clean main text: blocks joined by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the normalised main text (case, whitespace, Unicode form ignored).

        Two copies of an article that differ only in markup or spacing share it.
        """
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "lead": self.lead,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "site_name": self.site_name,
            "origin": self.origin,
            "section": self.section,
            "language": self.language,
            "blocks": [b.to_dict() for b in self.blocks],
            "images": [i.to_dict() for i in self.images],
            "removed": [r.to_dict() for r in self.removed],
            "text": self.text,
            "content_hash": self.content_hash,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        _check_version(data)
        return cls(
            url=data.get("url"),
            canonical_url=data.get("canonical_url"),
            title=data.get("title"),
            lead=data.get("lead"),
            authors=list(data.get("authors") or []),
            published=_parse_dt(data.get("published")),
            updated=_parse_dt(data.get("updated")),
            site_name=data.get("site_name"),
            origin=data.get("origin"),
            section=data.get("section"),
            language=data.get("language"),
            blocks=[Block.from_dict(b) for b in data.get("blocks") or []],
            images=[Image.from_dict(i) for i in data.get("images") or []],
            removed=[Removed.from_dict(r) for r in data.get("removed") or []],
        )


# Derived fields that appear in Article's JSON form but are not constructor fields.
ARTICLE_DERIVED_FIELDS = ("text", "content_hash")

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of text after NFKC normalisation, case folding and whitespace collapsing."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _check_version(data: dict[str, Any]) -> None:
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"unsupported schema_version {version!r} (this Retina reads {SCHEMA_VERSION})"
        )
