"""Reading duplicate groups: an article's group, the copies of listed articles, and
finding an article by id, key, URL or path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from retina.link.urls import url_identity
from retina.store.schema import MAX_SQL_INTEGER, article_links, articles


@dataclass(frozen=True, slots=True)
class Member:
    """One article of a duplicate group, as `Store.duplicates` reports it."""

    id: int
    key: str
    url: str | None
    title: str | None
    site_name: str | None
    published: datetime | None
    relation: str
    similarity: float | None
    copied_from: int | None
    chain: list[str]
    reason: str
    is_lead: bool

    @property
    def publication(self) -> str:
        """Who published it: its site name, else the name its copies credit or its host."""
        return self.site_name or (self.chain[0] if self.chain else f"article {self.id}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "publication": self.publication,
            "url": self.url,
            "title": self.title,
            "site_name": self.site_name,
            "published": self.published.isoformat() if self.published else None,
            "relation": self.relation,
            "similarity": self.similarity,
            "copied_from": self.copied_from,
            "chain": list(self.chain),
            "origin": self.chain[-1] if len(self.chain) > 1 else None,
            "reason": self.reason,
            "is_lead": self.is_lead,
        }


_MEMBER_COLUMNS = (
    articles.c.id,
    articles.c.key,
    articles.c.url,
    articles.c.title,
    articles.c.site_name,
    articles.c.published,
    article_links.c.relation,
    article_links.c.similarity,
    article_links.c.copied_from,
    article_links.c.chain,
    article_links.c.reason,
    article_links.c.is_lead,
)
"""What a `Member` is read from."""
_MEMBER_ORDER = (
    article_links.c.is_lead.desc(),
    articles.c.published.asc().nulls_last(),
    articles.c.id,
)
"""A group's members: the lead first, then by date."""


def group_members(connection: Connection, article_id: int) -> list[Member]:
    """Every member of the article's group (itself included), lead first, then by date."""
    group = select(article_links.c.group_id).where(article_links.c.article_id == article_id)
    rows = connection.execute(
        select(*_MEMBER_COLUMNS)
        .join(article_links, article_links.c.article_id == articles.c.id)
        .where(article_links.c.group_id == group.scalar_subquery())
        .order_by(*_MEMBER_ORDER)
    ).all()
    return [Member(**row._asdict()) for row in rows]


def copies_of(connection: Connection, ids: list[int]) -> dict[int, list[Member]]:
    """For each article in `ids`, the other members of its group (lead first, then by date)."""
    if not ids:
        return {}
    groups = dict(
        connection.execute(
            select(article_links.c.article_id, article_links.c.group_id).where(
                article_links.c.article_id.in_(ids)
            )
        ).all()
    )
    by_group: dict[int, list[Member]] = {}
    if groups:
        rows = connection.execute(
            select(article_links.c.group_id, *_MEMBER_COLUMNS)
            .join(article_links, article_links.c.article_id == articles.c.id)
            .where(article_links.c.group_id.in_(set(groups.values())))
            .order_by(*_MEMBER_ORDER)
        ).all()
        for row in rows:
            data = row._asdict()
            by_group.setdefault(data.pop("group_id"), []).append(Member(**data))
    return {
        i: [m for m in by_group.get(groups[i], []) if m.id != i] if i in groups else [] for i in ids
    }


def find_article(connection: Connection, reference: str) -> int | None:
    """The id of the article `reference` names: an id, a stored key, a URL (any variant of
    the article's address or canonical URL) or the path of an ingested file."""
    reference = reference.strip()
    if reference.isascii() and reference.isdigit() and int(reference) <= MAX_SQL_INTEGER:
        found = connection.execute(
            select(articles.c.id).where(articles.c.id == int(reference))
        ).scalar()
        if found is not None:
            return found
    keys = [reference]
    path = Path(reference)
    if path.exists():
        keys.append(path.resolve().as_uri())
    found = connection.execute(select(articles.c.id).where(articles.c.key.in_(keys))).scalar()
    if found is not None:
        return found
    identity = url_identity(reference)
    if identity is None:
        return None
    return connection.execute(
        select(article_links.c.article_id)
        .where((article_links.c.url_key == identity) | (article_links.c.canonical_key == identity))
        .order_by(article_links.c.article_id)
        .limit(1)
    ).scalar()
