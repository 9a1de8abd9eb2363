"""The LSH index table: writing articles' band keys and finding candidates by them.

`link_buckets` holds one `(key, article_id)` row per band of each article's signature;
`article_links` holds the signature itself, which candidates are first judged by.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

import numpy as np
from sqlalchemy import Connection, Table, insert, select

from retina.link.fingerprint import Fingerprint, estimated_jaccard
from retina.link.similarity import MIN_CONTAINMENT, estimated_containment
from retina.store.schema import article_links, link_buckets

ESTIMATE_MARGIN = 0.2
"""Near candidates whose estimated containment is this far below the bar are not checked
exactly (the estimate's standard error is about 0.05)."""

MAX_CANDIDATES = 50
"""Near candidates checked exactly, most band hits first."""


def index_rows(
    article_id: int,
    fp: Fingerprint,
    group_id: int,
    *,
    relation: str = "origin",
    matched_id: int | None = None,
    similarity: float | None = None,
) -> tuple[dict[str, Any], list[dict[str, int]]]:
    """The article_links row and link_buckets rows of one article: how it joined group
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
