"""The LSH index's rows: writing articles' signatures and band keys, finding candidates.

`article_links` holds each article's signature, which candidates are first judged by;
`link_bands` its band keys, which the in-memory index (`retina.store.band_index`) is
built from. Both are written in the transaction that stores the article.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
from sqlalchemy import Connection, func, insert, select

from retina.link.fingerprint import Fingerprint, estimated_jaccard
from retina.link.similarity import MIN_CONTAINMENT, estimated_containment
from retina.store.band_index import IndexView
from retina.store.schema import article_links, link_bands

ESTIMATE_MARGIN = 0.2
"""Near candidates whose estimated containment is this far below the bar are not checked
exactly (the estimate's standard error is about 0.05)."""

MAX_CANDIDATES = 50
"""Near candidates checked exactly, most band hits first."""

IndexRow = tuple[dict[str, Any], np.ndarray]
"""An article's article_links row and its band keys."""


def index_rows(
    article_id: int,
    fp: Fingerprint,
    group_id: int,
    *,
    relation: str = "origin",
    matched_id: int | None = None,
    similarity: float | None = None,
) -> IndexRow:
    """The article_links row and band keys of one article: how it joined group
    `group_id` (its origin, chain and lead are decided afterwards)."""
    row = {
        "article_id": article_id,
        "group_id": group_id,
        "url_key": fp.url_key,
        "canonical_key": fp.canonical_key,
        "shingles": fp.shingles,
        "signature": fp.signature.astype("<u4").tobytes(),
        "relation": relation,
        "matched_id": matched_id,
        "similarity": similarity,
        "copied_from": None,
        "chain": [],
        "reason": "",
        "is_lead": True,
    }
    return row, fp.bands


def write_index(connection: Connection, view: IndexView, rows: list[IndexRow]) -> None:
    """Insert articles' index rows (see `index_rows`) and add them to `view`.

    Each article's band keys get the next `seq`: the transaction holds the write lock, so
    the numbers grow in commit order and other processes find the rows by them.
    """
    if not rows:
        return
    connection.execute(insert(article_links), [row for row, _ in rows])
    last = connection.execute(select(func.coalesce(func.max(link_bands.c.seq), 0))).scalar_one()
    connection.execute(
        insert(link_bands),
        [
            {
                "article_id": row["article_id"],
                "seq": last + n,
                "bands": keys.astype("<u4").tobytes(),
            }
            for n, (row, keys) in enumerate(rows, start=1)
        ],
    )
    for row, keys in rows:
        view.add(row["article_id"], keys)


def likely_copies(
    connection: Connection,
    view: IndexView,
    article_id: int,
    fp: Fingerprint,
    *,
    exclude: Collection[int] = (),
) -> list[int]:
    """Indexed articles sharing a band key with `fp` whose signatures estimate a containment
    near the bar, most band hits first (at most `MAX_CANDIDATES` are looked at)."""
    if not fp.bands.size:
        return []
    hits = view.hits(fp.bands)
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
