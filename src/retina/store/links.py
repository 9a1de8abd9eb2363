"""The persistent duplicate index: article_links and link_buckets, kept by `Store.upsert`.

Linking runs inside the transaction that stores the article, so an article is never
stored without its links or linked without being stored. The index grows by one article
at a time and needs nothing in memory between calls: it survives restarts as it is.

For a new article (see `retina.link` for the pieces):

1. candidates: stored articles with the same content hash (exact copies), the same URL
   identity or canonical URL (the same page), or a shared LSH band key (near copies);
2. near candidates are filtered by their signatures' estimated containment, then
   decided on the exact shingle sets of both texts (`retina.link.similarity`);
3. the article joins the group of its matches (groups it bridges are merged), and the
   group's origin, lead and every member's chain are decided again (`retina.link.origin`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, Table, delete, exists, insert, select, update

from retina.link.fingerprint import Fingerprint, estimated_jaccard, fingerprint
from retina.link.lsh import band_keys
from retina.link.origin import Posting, decide
from retina.link.shingles import shingle_hashes
from retina.link.similarity import (
    MIN_CONTAINMENT,
    MIN_SHINGLES,
    Resemblance,
    estimated_containment,
    is_duplicate,
    resemblance,
)
from retina.link.urls import url_identity
from retina.model import Article
from retina.store.schema import article_links, articles, link_buckets

ADDRESS_MIN_CONTAINMENT = 0.5
"""Two articles at the same address are one if their texts overlap this much: a page
whose text changed is still the same article, a site that sets every page's canonical
URL to its home page does not make them one."""

ESTIMATE_MARGIN = 0.2
"""Near candidates whose estimated containment is this far below the bar are not checked
exactly (the estimate's standard error is about 0.05)."""

MAX_CANDIDATES = 50
"""Near candidates checked exactly, most band hits first."""

MAX_REGROUP = 200
"""Groups up to this size are re-checked pairwise when a member leaves (`regroup`)."""


@dataclass(frozen=True, slots=True)
class Match:
    """A stored article found to be the same article as the new one."""

    id: int
    relation: str  # exact | near | address
    similarity: float


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


def link(connection: Connection, article_id: int, article: Article, key: str) -> None:
    """Index a stored article and link it to its copies (a re-stored one is re-linked)."""
    unlink(connection, article_id)
    fp = fingerprint(article, key=key)
    matches = find_matches(connection, article_id, article, fp)
    groups = _groups_of(connection, [m.id for m in matches])
    group_id = min(groups, default=article_id)
    if len(groups) > 1:
        connection.execute(
            update(article_links)
            .where(article_links.c.group_id.in_(groups - {group_id}))
            .values(group_id=group_id)
        )
    best = max(matches, key=lambda m: m.similarity, default=None)
    write_index(connection, [index_rows(article_id, fp, group_id, best)])
    redecide(connection, group_id)


def index_rows(
    article_id: int, fp: Fingerprint, group_id: int, best: Match | None
) -> tuple[dict[str, Any], list[dict[str, int]]]:
    """The article_links row and link_buckets rows of one article (chain decided later)."""
    row = {
        "article_id": article_id,
        "group_id": group_id,
        "url_key": fp.url_key,
        "canonical_key": fp.canonical_key,
        "shingles": fp.shingles,
        "signature": fp.signature.astype("<u4").tobytes(),
        "relation": best.relation if best else "origin",
        "matched_id": best.id if best else None,
        "similarity": best.similarity if best else None,
        "copied_from": None,
        "chain": [],
        "reason": "",
        "is_lead": True,
    }
    return row, [{"key": key, "article_id": article_id} for key in fp.bands.tolist()]


def write_index(
    connection: Connection, rows: list[tuple[dict[str, Any], list[dict[str, int]]]]
) -> None:
    """Insert articles' index rows (see `index_rows`), all in two statements."""
    if not rows:
        return
    connection.execute(insert(article_links), [row for row, _ in rows])
    buckets = [bucket for _, article_buckets in rows for bucket in article_buckets]
    if buckets:
        # In key order, consecutive rows land on the same b-tree pages (keys are random).
        buckets.sort(key=lambda bucket: bucket["key"])
        _insert_many(connection, link_buckets, buckets)


def _insert_many(connection: Connection, table: Table, rows: list[dict[str, int]]) -> None:
    """`executemany` of plain integer rows, without SQLAlchemy's per-row parameter
    processing (a third of the insert time for 32 bucket rows per article)."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(rows[0]))
    if compiled.positional:
        order = compiled.positiontup or []
        params: list[Any] = [tuple(row[name] for name in order) for row in rows]
    else:
        params = rows
    connection.exec_driver_sql(compiled.string, params)


def unlink(connection: Connection, article_id: int) -> None:
    """Take an article out of the index; its old group's origin is decided again."""
    old = connection.execute(
        select(article_links.c.group_id, article_links.c.signature).where(
            article_links.c.article_id == article_id
        )
    ).first()
    if old is None:
        return
    # By key and article: the primary key finds the rows (article ids have no index).
    connection.execute(
        delete(link_buckets).where(
            link_buckets.c.key.in_(band_keys(np.frombuffer(old.signature, "<u4")).tolist()),
            link_buckets.c.article_id == article_id,
        )
    )
    connection.execute(delete(article_links).where(article_links.c.article_id == article_id))
    regroup(connection, old.group_id)


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
    if len(rows) < 2 or len(rows) > MAX_REGROUP:
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
    connection: Connection, article_id: int, article: Article, fp: Fingerprint
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
    for other in _near_candidates(connection, article_id, fp, exclude=set(matches)):
        matches[other[0]] = Match(other[0], "near", other[1])
    return list(matches.values())


def _near_candidates(
    connection: Connection, article_id: int, fp: Fingerprint, *, exclude: set[int]
) -> list[tuple[int, float]]:
    likely = likely_copies(connection, article_id, fp, exclude=exclude)
    return [
        (other, r.containment)
        for other, r in _resemblances(connection, likely, fp.hashes)
        if is_duplicate(r)
    ]


def likely_copies(
    connection: Connection, article_id: int, fp: Fingerprint, *, exclude: Collection[int] = ()
) -> list[int]:
    """Indexed articles sharing a band key with `fp` whose signatures estimate a containment
    near the bar, most band hits first (at most `MAX_CANDIDATES` are looked at)."""
    if not fp.bands.size:
        return []
    hits = Counter(
        connection.execute(
            select(link_buckets.c.article_id).where(link_buckets.c.key.in_(fp.bands.tolist()))
        ).scalars()
    )
    for other in (*exclude, article_id):
        hits.pop(other, None)
    if not hits:
        return []
    ranked = [i for i, _ in hits.most_common(MAX_CANDIDATES)]
    rows = connection.execute(
        select(
            article_links.c.article_id, article_links.c.shingles, article_links.c.signature
        ).where(article_links.c.article_id.in_(ranked))
    ).all()
    order = {i: n for n, i in enumerate(ranked)}
    return sorted(
        (
            row.article_id
            for row in rows
            if estimated_containment(
                estimated_jaccard(fp.signature, np.frombuffer(row.signature, dtype="<u4")),
                fp.shingles,
                row.shingles,
            )
            >= MIN_CONTAINMENT - ESTIMATE_MARGIN
        ),
        key=order.__getitem__,
    )


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


def group_members(connection: Connection, article_id: int) -> list[Member]:
    """Every member of the article's group (itself included), lead first, then by date."""
    group = select(article_links.c.group_id).where(article_links.c.article_id == article_id)
    rows = connection.execute(
        select(
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
        .join(article_links, article_links.c.article_id == articles.c.id)
        .where(article_links.c.group_id == group.scalar_subquery())
        .order_by(
            article_links.c.is_lead.desc(),
            articles.c.published.asc().nulls_last(),
            articles.c.id,
        )
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
            select(
                article_links.c.group_id,
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
            .join(article_links, article_links.c.article_id == articles.c.id)
            .where(article_links.c.group_id.in_(set(groups.values())))
            .order_by(
                article_links.c.is_lead.desc(),
                articles.c.published.asc().nulls_last(),
                articles.c.id,
            )
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
    if reference.isascii() and reference.isdigit() and int(reference) < 2**63:
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


def unlinked(connection: Connection) -> bool:
    """Whether some article is not in the index (stored before the index existed)."""
    query = select(articles.c.id).where(
        ~exists().where(article_links.c.article_id == articles.c.id)
    )
    return connection.execute(query.limit(1)).first() is not None


def backfill(connection: Connection) -> int:
    """Link the articles stored before the link index existed, oldest first; how many."""
    missing = connection.execute(
        select(articles.c.id, articles.c.key, articles.c.data)
        .where(~exists().where(article_links.c.article_id == articles.c.id))
        .order_by(articles.c.id)
    ).all()
    for row in missing:
        link(connection, row.id, Article.from_dict(row.data), row.key)
    return len(missing)
