"""The persistent duplicate index: article_links and link_bands, kept by `Store.upsert`.

Linking runs inside the transaction that stores the article, so an article is never
stored without its links or linked without being stored. The index grows by one article
at a time and survives restarts: the tables are the index, the band lookup in memory
(`retina.store.band_index`) is rebuilt from them and sees only what they hold.

For a new article (see `retina.link` for the pieces):

1. candidates: stored articles with the same content hash (exact copies), the same URL
   identity or canonical URL (the same page), or a shared LSH band key (near copies);
2. near candidates are filtered by their signatures' estimated containment, then
   decided on the exact shingle sets of both texts (`retina.link.similarity`);
3. the article joins the group of its matches (groups it bridges are merged), and the
   group's origin, lead and every member's chain are decided again (`retina.link.origin`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, exists, select, update

from retina.link.fingerprint import Fingerprint, fingerprint
from retina.link.origin import Posting, decide
from retina.link.shingles import shingle_hashes
from retina.link.similarity import (
    MIN_SHINGLES,
    Resemblance,
    is_duplicate,
    resemblance,
)
from retina.model import Article
from retina.store.band_index import IndexView
from retina.store.link_index import index_rows, likely_copies, write_index
from retina.store.schema import article_links, articles, link_bands

ADDRESS_MIN_CONTAINMENT = 0.5
"""Two articles at the same address are one if their texts overlap this much: a page
whose text changed is still the same article, a site that sets every page's canonical
URL to its home page does not make them one."""

MAX_REGROUP = 200
"""Groups up to this size are re-checked pairwise when a member leaves (`regroup`)."""


@dataclass(frozen=True, slots=True)
class Match:
    """A stored article found to be the same article as the new one."""

    id: int
    relation: str  # exact | near | address
    similarity: float


def link(
    connection: Connection, view: IndexView, article_id: int, article: Article, key: str
) -> None:
    """Index a stored article and link it to its copies (a re-stored one is re-linked).

    `view` is the band index of the transaction on `connection` (`BandIndex.begin`)."""
    unlink(connection, view, article_id)
    fp = fingerprint(article, key=key)
    matches = find_matches(connection, view, article_id, article, fp)
    groups = _groups_of(connection, [m.id for m in matches])
    group_id = min(groups, default=article_id)
    if len(groups) > 1:
        connection.execute(
            update(article_links)
            .where(article_links.c.group_id.in_(groups - {group_id}))
            .values(group_id=group_id)
        )
    best = max(matches, key=lambda m: m.similarity, default=None)
    how: dict[str, Any] = {}
    if best is not None:
        how = {"relation": best.relation, "matched_id": best.id, "similarity": best.similarity}
    write_index(connection, view, [index_rows(article_id, fp, group_id, **how)])
    redecide(connection, group_id)


def unlink(connection: Connection, view: IndexView, article_id: int) -> None:
    """Take an article out of the index; its old group's origin is decided again."""
    group_id = connection.execute(
        select(article_links.c.group_id).where(article_links.c.article_id == article_id)
    ).scalar()
    if group_id is None:
        return
    connection.execute(delete(link_bands).where(link_bands.c.article_id == article_id))
    connection.execute(delete(article_links).where(article_links.c.article_id == article_id))
    view.remove(article_id)
    regroup(connection, group_id)


def regroup(connection: Connection, group_id: int) -> None:
    """Split a group whose members no longer all connect (an article that held them
    together left it), then decide each part's origin again.

    Members are compared pairwise, on the same evidence as `find_matches`; a group larger
    than `MAX_REGROUP` is kept whole rather than compared pairwise.
    """
    rows = connection.execute(
        select(
            article_links.c.article_id,
            article_links.c.url_key,
            article_links.c.canonical_key,
            articles.c.text,
            articles.c.content_hash,
        )
        .join(articles, articles.c.id == article_links.c.article_id)
        .where(article_links.c.group_id == group_id)
        .order_by(article_links.c.article_id)
    ).all()
    if len(rows) > MAX_REGROUP:
        redecide(connection, group_id)
        return
    hashes = {row.article_id: shingle_hashes(row.text) for row in rows}
    part = {row.article_id: row.article_id for row in rows}

    def root(node: int) -> int:
        while part[node] != node:
            part[node] = part[part[node]]
            node = part[node]
        return node

    best: dict[int, Match] = {}
    for n, later in enumerate(rows):
        for earlier in rows[:n]:
            match = _pair_match(earlier, later, hashes)
            if match is None:
                continue
            part[root(later.article_id)] = root(earlier.article_id)
            if later.article_id not in best or match.similarity > best[later.article_id].similarity:
                best[later.article_id] = match
    for row in rows:
        match = best.get(row.article_id)
        connection.execute(
            update(article_links)
            .where(article_links.c.article_id == row.article_id)
            .values(
                group_id=min(i for i in part if root(i) == root(row.article_id)),
                relation=match.relation if match else "origin",
                matched_id=match.id if match else None,
                similarity=match.similarity if match else None,
            )
        )
    for new_group in {min(i for i in part if root(i) == root(j)) for j in part}:
        redecide(connection, new_group)


def _pair_match(earlier: Any, later: Any, hashes: dict[int, np.ndarray]) -> Match | None:
    """Whether two stored articles are one (the evidence `find_matches` uses), as a match
    of `later` to `earlier`."""
    if later.text.strip() and later.content_hash == earlier.content_hash:
        return Match(earlier.article_id, "exact", 1.0)
    r = resemblance(hashes[earlier.article_id], hashes[later.article_id])
    addresses = {a for a in (later.url_key, later.canonical_key) if a}
    if addresses & {earlier.url_key, earlier.canonical_key} and (
        r.containment >= ADDRESS_MIN_CONTAINMENT
    ):
        return Match(earlier.article_id, "address", r.containment)
    small = min(hashes[earlier.article_id].size, hashes[later.article_id].size)
    if small >= MIN_SHINGLES and is_duplicate(r):
        return Match(earlier.article_id, "near", r.containment)
    return None


def find_matches(
    connection: Connection, view: IndexView, article_id: int, article: Article, fp: Fingerprint
) -> list[Match]:
    """The stored articles that are the same article as `article` (not itself)."""
    matches: dict[int, Match] = {}
    text = article.text
    if text.strip():
        exact = connection.execute(
            select(articles.c.id).where(
                articles.c.content_hash == article.content_hash, articles.c.id != article_id
            )
        ).scalars()
        matches.update((i, Match(i, "exact", 1.0)) for i in exact)
    addresses = {a for a in (fp.url_key, fp.canonical_key) if a}
    if addresses:
        same_address = connection.execute(
            select(article_links.c.article_id).where(
                (article_links.c.url_key.in_(addresses))
                | (article_links.c.canonical_key.in_(addresses)),
                article_links.c.article_id != article_id,
            )
        ).scalars()
        fresh = [i for i in same_address if i not in matches]
        for other, r in _resemblances(connection, fresh, fp.hashes):
            if r.containment >= ADDRESS_MIN_CONTAINMENT:
                matches[other] = Match(other, "address", r.containment)
    for other in _near_candidates(connection, view, article_id, fp, exclude=set(matches)):
        matches[other[0]] = Match(other[0], "near", other[1])
    return list(matches.values())


def _near_candidates(
    connection: Connection,
    view: IndexView,
    article_id: int,
    fp: Fingerprint,
    *,
    exclude: set[int],
) -> list[tuple[int, float]]:
    likely = likely_copies(connection, view, article_id, fp, exclude=exclude)
    return [
        (other, r.containment)
        for other, r in _resemblances(connection, likely, fp.hashes)
        if is_duplicate(r)
    ]


def _resemblances(
    connection: Connection, ids: list[int], hashes: np.ndarray
) -> list[tuple[int, Resemblance]]:
    """Exact resemblance of each stored article in `ids` to the new text's shingles."""
    if not ids:
        return []
    rows = connection.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids)))
    return [(row.id, resemblance(hashes, shingle_hashes(row.text))) for row in rows]


def _groups_of(connection: Connection, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        connection.execute(
            select(article_links.c.group_id).where(article_links.c.article_id.in_(ids))
        ).scalars()
    )


def redecide(connection: Connection, group_id: int) -> None:
    """Decide the group's origin, lead and every member's chain again, and store them."""
    rows = connection.execute(
        select(
            article_links.c.article_id,
            article_links.c.url_key,
            article_links.c.canonical_key,
            articles.c.site_name,
            articles.c.origin,
            articles.c.published,
        )
        .join(articles, articles.c.id == article_links.c.article_id)
        .where(article_links.c.group_id == group_id)
    ).all()
    if not rows:
        return
    members = [
        Posting(
            id=row.article_id,
            site_name=row.site_name,
            credited=row.origin,
            url_key=row.url_key,
            canonical_key=row.canonical_key,
            published=row.published,
            order=row.article_id,
        )
        for row in rows
    ]
    lead, decisions = decide(members)
    for member_id, decision in decisions.items():
        connection.execute(
            update(article_links)
            .where(article_links.c.article_id == member_id)
            .values(
                copied_from=decision.copied_from,
                chain=list(decision.chain),
                reason=decision.reason,
                is_lead=member_id == lead,
            )
        )


def unlinked(connection: Connection) -> bool:
    """Whether articles stored before the index existed are waiting to be linked.

    Every article stored since is linked in its own transaction, and `backfill` links the
    older ones in one, so the oldest and the newest article tell: two index lookups, not
    a scan of every article each time the store is opened.
    """
    ends = [
        connection.execute(select(articles.c.id).order_by(order).limit(1)).scalar()
        for order in (articles.c.id.asc(), articles.c.id.desc())
    ]
    linked = select(article_links.c.article_id).where(
        article_links.c.article_id.in_([i for i in ends if i is not None])
    )
    found = set(connection.execute(linked).scalars())
    return any(i is not None and i not in found for i in ends)


def backfill(connection: Connection, view: IndexView) -> int:
    """Link the articles stored before the link index existed, oldest first; how many."""
    missing = connection.execute(
        select(articles.c.id, articles.c.key, articles.c.data)
        .where(~exists().where(article_links.c.article_id == articles.c.id))
        .order_by(articles.c.id)
    ).all()
    for row in missing:
        link(connection, view, row.id, Article.from_dict(row.data), row.key)
    return len(missing)
