"""The LSH band index in memory: a cache of the `link_bands` table, kept in step with it.

The database holds each linked article's band keys (one BLOB per article, with a `seq`
number that grows with every write); it stays the source of truth. A `BandIndex` holds
them as one sorted array per band of keys and article ids packed in 64-bit integers (the
key in the high half: 8 bytes per band, 256 per article; ids must stay below 2**32), plus
the latest additions in arrival order, merged into the sorted arrays every `MERGE_AT`
articles (a merge is a sorted insertion, linear in the size of the arrays).

The cache only ever holds committed rows:

- `load` builds it from the whole table, in a read transaction, the first time the store
  is about to write (commands that only read never pay for it);
- `begin` starts each write transaction by reading the rows whose `seq` is above the last
  one seen: this process's earlier writes and other processes' alike. The transaction
  holds the write lock from its BEGIN (SQLite's BEGIN IMMEDIATE, see `retina.store.engine`),
  so nothing else commits until it ends and no insert of another process is missed;
- what the transaction itself writes lives in its `IndexView` until it ends: on commit
  the next `begin` reads it back from the table, on rollback it is simply dropped.

An article written again (re-stored) gets a new `seq`: its old entries are marked stale
and skipped until the next merge drops them. An article whose row is deleted by another
process keeps its entries until this process restarts; its candidates are harmless, since
every candidate's signature is read from the database before it is considered.
"""

from __future__ import annotations

import threading
from collections import Counter

import numpy as np
from sqlalchemy import Connection, Engine, select

from retina.errors import StoreError
from retina.link.lsh import BANDS
from retina.store.schema import link_bands

MERGE_AT = 8192
"""Latest additions searched row by row before they are merged into the sorted arrays
(a search compares `MERGE_AT` x `BANDS` keys, about 0.1 ms)."""

_NO_IDS = np.empty(0, dtype=np.uint32)
_NO_ENTRIES = np.empty(0, dtype=np.uint64)
_LOW = 0xFFFFFFFF


class _Segment:
    """Articles' band keys in arrival order, searched by comparing every row: cheap to add
    to, for the few thousand latest additions."""

    def __init__(self) -> None:
        self._ids = np.empty(0, dtype=np.int64)  # -1: the row's article was removed
        self._keys = np.empty((0, BANDS), dtype=np.uint32)
        self._size = 0
        self._row: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._row)

    def add(self, ids: np.ndarray, keys: np.ndarray) -> None:
        """Add articles (distinct `ids`), replacing their earlier rows."""
        self.remove(ids)
        end = self._size + ids.size
        if end > self._ids.size:
            capacity = max(end, 2 * self._ids.size, 64)
            self._ids = np.resize(self._ids, capacity)
            self._keys = np.resize(self._keys, (capacity, BANDS))
        self._ids[self._size : end] = ids
        self._keys[self._size : end] = keys
        self._row.update(zip(ids.tolist(), range(self._size, end), strict=True))
        self._size = end

    def remove(self, ids: np.ndarray) -> None:
        if self._row:
            for article_id in ids.tolist():
                row = self._row.pop(article_id, None)
                if row is not None:
                    self._ids[row] = -1

    def hits(self, keys: np.ndarray) -> np.ndarray:
        """The id of the article of every band key equal to `keys`' (an id per band)."""
        rows, _ = np.nonzero(self._keys[: self._size] == keys)
        ids = self._ids[rows]
        return ids[ids >= 0]

    def contents(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids and keys of the articles held."""
        live = self._ids[: self._size] >= 0
        return self._ids[: self._size][live], self._keys[: self._size][live]


class BandIndex:
    """Band key → article ids, for the committed rows of `link_bands`. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seq: int | None = None  # the highest seq read; None before `load`
        self._bands = [_NO_ENTRIES] * BANDS  # per band, sorted: key << 32 | article id
        self._array_ids = _NO_IDS  # sorted: the articles in the arrays
        self._stale: set[int] = set()  # articles whose entries in the arrays are outdated
        self._recent = _Segment()

    @property
    def loaded(self) -> bool:
        return self._seq is not None

    def __len__(self) -> int:
        """How many articles with band keys are indexed."""
        with self._lock:
            return self._array_ids.size - len(self._stale) + len(self._recent)

    def nbytes(self) -> int:
        """Memory held by the sorted arrays (the latest additions are not counted)."""
        with self._lock:
            return sum(a.nbytes for a in (*self._bands, self._array_ids))

    def load(self, engine: Engine) -> None:
        """Build the index from the whole table, unless it is built already."""
        if self.loaded:
            return
        with engine.connect() as connection:
            self.refresh(connection)

    def begin(self, connection: Connection) -> IndexView:
        """The index as seen by the write transaction on `connection`, which has not
        written yet: brought up to date with every committed row first."""
        self.refresh(connection)
        return IndexView(self)

    def refresh(self, connection: Connection) -> int:
        """Read the rows written since the last refresh; how many.

        The index changes only once every row is read: a failed read leaves it as it was.
        """
        with self._lock:
            since = self._seq or 0
            query = select(link_bands.c.article_id, link_bands.c.seq, link_bands.c.bands)
            # In any order (an article has one row); the first build scans the table.
            rows = connection.execute(query.where(link_bands.c.seq > since) if since else query)
            written: list[np.ndarray] = []
            ids: list[np.ndarray] = []
            keys: list[np.ndarray] = []
            last = since
            for chunk in rows.partitions(MERGE_AT):
                written.append(np.fromiter((row[0] for row in chunk), np.int64, len(chunk)))
                fresh = [(row[0], row[2]) for row in chunk if row[2]]
                damaged = next((i for i, blob in fresh if len(blob) != BANDS * 4), None)
                if damaged is not None:
                    raise StoreError(f"link_bands: the band keys of article {damaged} are damaged")
                ids.append(np.fromiter((i for i, _ in fresh), np.int64, len(fresh)))
                blobs = b"".join(blob for _, blob in fresh)
                keys.append(np.frombuffer(blobs, dtype="<u4").reshape(len(fresh), BANDS))
                last = max(last, max(row[1] for row in chunk))
            if written:
                self._forget(np.concatenate(written))
                self._add(np.concatenate(ids), np.concatenate(keys))
            self._seq = last
            return sum(chunk.size for chunk in written)

    def hits(self, keys: np.ndarray, *, hidden: set[int]) -> Counter[int]:
        """For each indexed article sharing a band key with `keys`, how many it shares;
        articles in `hidden` are left out."""
        found: Counter[int] = Counter()
        with self._lock:
            for band, key in enumerate(keys.tolist()):
                column = self._bands[band]
                at = int(column.searchsorted(np.uint64(key << 32)))
                while at < column.size and int(column[at]) >> 32 == key:
                    article_id = int(column[at]) & _LOW
                    if article_id not in self._stale:
                        found[article_id] += 1
                    at += 1
            found.update(self._recent.hits(keys).tolist())
        for article_id in hidden:
            found.pop(article_id, None)
        return found

    def _add(self, ids: np.ndarray, keys: np.ndarray) -> None:
        if ids.size + len(self._recent) >= MERGE_AT:
            self._merge(ids, keys)
        else:
            self._recent.add(ids, keys)

    def _forget(self, ids: np.ndarray) -> None:
        """Take articles written again out of the latest additions, and mark their entries
        in the sorted arrays stale."""
        self._recent.remove(ids)
        if self._array_ids.size:
            self._stale.update(ids[np.isin(ids, self._array_ids)].tolist())

    def _merge(self, ids: np.ndarray, keys: np.ndarray) -> None:
        """Merge the latest additions, and articles `ids` with their `keys`, into the
        sorted arrays, dropping stale entries."""
        recent_ids, recent_keys = self._recent.contents()
        ids = np.concatenate([recent_ids, ids])
        keys = np.concatenate([recent_keys, keys])
        stale = np.fromiter(self._stale, np.int64, len(self._stale))
        kept = self._array_ids[~np.isin(self._array_ids, stale)] if stale.size else self._array_ids
        all_ids = np.concatenate([kept, ids])
        if all_ids.size and all_ids.max() > _LOW:
            raise StoreError("the duplicate index holds article ids below 2**32 only")
        # Packed and sorted: the sort of 64-bit integers is much faster than an argsort.
        packed = keys.T.astype(np.uint64)
        packed <<= np.uint64(32)
        packed |= ids.astype(np.uint64)
        packed.sort(axis=1)
        for band in range(BANDS):
            old = self._bands[band]
            if stale.size:
                old = old[~np.isin(old & np.uint64(_LOW), stale)]
            # A sorted insertion: linear in the size of the arrays.
            at = old.searchsorted(packed[band])
            self._bands[band] = np.insert(old, at, packed[band]) if old.size else packed[band]
        self._array_ids = np.sort(all_ids).astype(np.uint32)
        self._stale.clear()
        self._recent = _Segment()


class IndexView:
    """The band index inside one write transaction: the committed index, with what the
    transaction has added and removed so far (dropped with the transaction)."""

    def __init__(self, index: BandIndex) -> None:
        self.index = index
        self._removed: set[int] = set()
        self._added = _Segment()

    def add(self, article_id: int, keys: np.ndarray) -> None:
        """Index an article written in this transaction (`keys` empty: nothing to index)."""
        self.remove(article_id)
        if keys.size:
            self._added.add(np.array([article_id]), keys[None, :])

    def remove(self, article_id: int) -> None:
        """Take out an article whose index row this transaction deleted."""
        self._removed.add(article_id)
        self._added.remove(np.array([article_id]))

    def hits(self, keys: np.ndarray) -> Counter[int]:
        """For each article sharing a band key with `keys`, how many it shares."""
        found = self.index.hits(keys, hidden=self._removed)
        found.update(self._added.hits(keys).tolist())
        return found
