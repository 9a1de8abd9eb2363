"""Followed sources and the items they listed, in the store (tables `sources`, `source_items`).

Plain functions over a `Store`, each in its own transaction, so the poller's state survives
a restart: what was polled, when to poll next, validators for conditional GET, failures.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, func, insert, select, update

from retina.errors import StoreError
from retina.store.schema import MAX_SQL_INTEGER, source_items, sources
from retina.store.store import Store

DEFAULT_INTERVAL = 3600
"""Seconds between polls of a new source, until its publishing rate is known."""


@dataclass(frozen=True, slots=True)
class Source:
    """A followed feed or sitemap and its polling state."""

    id: int
    url: str
    kind: str
    title: str | None
    section: str | None
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_polled_at: datetime | None
    last_success_at: datetime | None
    next_poll_at: datetime | None
    interval: int
    interval_override: int | None
    failures: int
    last_status: str | None
    last_error: str | None
    disabled_reason: str | None
    items_seen: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        data = {name: getattr(self, name) for name in self.__slots__}
        for name, value in data.items():
            if isinstance(value, datetime):
                data[name] = value.isoformat()
        return data


def add_source(
    store: Store,
    url: str,
    *,
    kind: str,
    title: str | None = None,
    section: str | None = None,
    interval: int | None = None,
) -> Source:
    """Follow `url` (due at once); `StoreError` if it is already followed."""
    now = datetime.now(UTC)
    with store.writing() as connection:
        known = connection.execute(select(sources.c.id).where(sources.c.url == url)).first()
        if known is not None:
            raise StoreError(f"{url} is already a source (id {known.id})")
        source_id = connection.execute(
            insert(sources).values(
                url=url,
                kind=kind,
                title=title,
                section=section,
                added_at=now,
                next_poll_at=now,
                interval=interval or DEFAULT_INTERVAL,
                interval_override=interval,
                failures=0,
                items_seen=0,
            )
        ).inserted_primary_key[0]
    found = get_source(store, source_id)
    assert found is not None
    return found


def get_source(store: Store, ref: int | str) -> Source | None:
    """The source with this id, or this URL."""
    if isinstance(ref, int) and not 0 < ref <= MAX_SQL_INTEGER:
        return None
    column = sources.c.id if isinstance(ref, int) else sources.c.url
    with store.reading() as connection:
        row = connection.execute(select(sources).where(column == ref)).first()
    return None if row is None else _source(row)


def find_source(store: Store, ref: str) -> Source | None:
    """A source named on the command line: its id (digits) or its URL."""
    return get_source(store, int(ref)) if ref.isdigit() else get_source(store, ref)


def list_sources(store: Store) -> list[Source]:
    with store.reading() as connection:
        rows = connection.execute(select(sources).order_by(sources.c.id)).all()
    return [_source(row) for row in rows]


def due_sources(store: Store, now: datetime | None = None) -> list[Source]:
    """Enabled sources whose next poll time has come, most overdue first."""
    now = now or datetime.now(UTC)
    query = (
        select(sources)
        .where(sources.c.disabled_reason.is_(None), sources.c.next_poll_at <= now)
        .order_by(sources.c.next_poll_at, sources.c.id)
    )
    with store.reading() as connection:
        return [_source(row) for row in connection.execute(query).all()]


def remove_source(store: Store, source_id: int) -> bool:
    """Stop following a source (its stored articles stay). False if there was none."""
    with store.writing() as connection:
        return connection.execute(delete(sources).where(sources.c.id == source_id)).rowcount > 0


def update_source(store: Store, source_id: int, **values: Any) -> None:
    """Set polling state columns of one source."""
    with store.writing() as connection:
        connection.execute(update(sources).where(sources.c.id == source_id).values(**values))


def known_items(store: Store, source_id: int) -> set[str]:
    """Item keys already recorded for a source."""
    query = select(source_items.c.item_key).where(source_items.c.source_id == source_id)
    with store.reading() as connection:
        return set(connection.execute(query).scalars())


def record_item(
    store: Store,
    source_id: int,
    item_key: str,
    *,
    url: str | None,
    published: datetime | None,
    article_id: int | None,
    text_from: str | None,
    error: str | None = None,
) -> None:
    """Remember one listed item (and the article it became, if any). An item already
    recorded (another poller got there first) is left as it is."""
    with store.writing() as connection:
        known = connection.execute(
            select(source_items.c.id).where(
                source_items.c.source_id == source_id, source_items.c.item_key == item_key
            )
        ).first()
        if known is not None:
            return
        connection.execute(
            insert(source_items).values(
                source_id=source_id,
                item_key=item_key,
                url=url,
                published=published,
                seen_at=datetime.now(UTC),
                article_id=article_id,
                text_from=text_from,
                error=error,
            )
        )
        connection.execute(
            update(sources)
            .where(sources.c.id == source_id)
            .values(items_seen=sources.c.items_seen + 1)
        )


def publishing_interval(store: Store, source_id: int, *, window: int = 20) -> timedelta | None:
    """The median gap between the publication dates of a source's latest items."""
    query = (
        select(source_items.c.published)
        .where(source_items.c.source_id == source_id, source_items.c.published.is_not(None))
        .order_by(source_items.c.published.desc())
        .limit(window)
    )
    with store.reading() as connection:
        dates = list(connection.execute(query).scalars())
    gaps = sorted(a - b for a, b in itertools.pairwise(dates) if a > b)
    return gaps[len(gaps) // 2] if gaps else None


def count_items(store: Store, source_id: int) -> dict[str, int]:
    """How a source's items were stored: {"page": n, "feed": n, "failed": n}."""
    query = (
        select(source_items.c.text_from, func.count())
        .where(source_items.c.source_id == source_id)
        .group_by(source_items.c.text_from)
    )
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return {(text_from or "failed"): count for text_from, count in rows}


def _source(row: Row[Any]) -> Source:
    return Source(**{name: getattr(row, name) for name in Source.__slots__})


def next_due_at(store: Store) -> datetime | None:
    """When the next enabled source is due, or None when there is none."""
    query = select(func.min(sources.c.next_poll_at)).where(sources.c.disabled_reason.is_(None))
    with store.reading() as connection:
        value = connection.execute(query).scalar()
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def enable_source(store: Store, source_id: int) -> None:
    """Follow a disabled source again: due now, its failures forgotten."""
    update_source(
        store,
        source_id,
        disabled_reason=None,
        failures=0,
        next_poll_at=datetime.now(UTC),
    )


def recent_items(store: Store, source_id: int, *, limit: int = 20) -> list[dict[str, Any]]:
    """A source's latest recorded items: key, URL, dates, the article it became, where its
    text came from ("page", "feed") or why it failed."""
    query = (
        select(source_items)
        .where(source_items.c.source_id == source_id)
        .order_by(source_items.c.seen_at.desc(), source_items.c.id.desc())
        .limit(min(limit, MAX_SQL_INTEGER))
    )
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return [
        {
            "key": row.item_key,
            "url": row.url,
            "published": row.published.isoformat() if row.published else None,
            "seen_at": row.seen_at.isoformat(),
            "article_id": row.article_id,
            "text_from": row.text_from,
            "error": row.error,
        }
        for row in rows
    ]
