"""The article store: cleaned articles kept in a database, one row per distinct input."""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple, Self

from alembic.util import CommandError
from sqlalchemy import (
    URL,
    ColumnElement,
    Connection,
    Engine,
    Row,
    Select,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from retina.errors import StoreError
from retina.link.urls import url_identity
from retina.model import Article
from retina.store import link_queries, links
from retina.store.band_index import BandIndex
from retina.store.engine import WRITE, make_engine
from retina.store.migrate import upgrade
from retina.store.schema import MAX_SQL_INTEGER, article_links, articles, removals

DATABASE_FILE = "retina.db"

UpsertStatus = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """What `Store.upsert` did: the id of the article's row and whether it was written."""

    id: int
    status: UpsertStatus


class Group(NamedTuple):
    """A section or an outlet: its name, how many articles it has, and their newest date."""

    name: str
    count: int
    latest: datetime | None


def section_key(section: str | None) -> str | None:
    """What sections are grouped and matched by: case-folded, spaces collapsed; None if blank.

    Stored in the `section_key` column, so "World", "world" and "WORLD " are one section
    on every database (SQL `lower()` folds only ASCII on SQLite).
    """
    folded = " ".join(section.split()).casefold() if section else ""
    return folded or None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its row id, identity key and bookkeeping times."""

    id: int
    key: str
    ingested_at: datetime
    changed_at: datetime
    article: Article

    def summary(self) -> dict[str, Any]:
        """The fields a listing shows, JSON-ready."""
        article = self.article
        return {
            "id": self.id,
            "key": self.key,
            "url": article.url,
            "title": article.title,
            "site_name": article.site_name,
            "origin": article.origin,
            "section": article.section,
            "published": _iso(article.published),
            "ingested_at": self.ingested_at.isoformat(),
        }

    def to_dict(self) -> dict[str, Any]:
        """The full record, JSON-ready: bookkeeping fields and `Article.to_dict()`."""
        return {
            "id": self.id,
            "key": self.key,
            "ingested_at": self.ingested_at.isoformat(),
            "changed_at": self.changed_at.isoformat(),
            "article": self.article.to_dict(),
        }


class Store:
    """Articles in a SQL database (SQLite by default; the SQL is portable to PostgreSQL).

    Every database failure surfaces as a `StoreError` with a one-line message.
    """

    def __init__(self, engine: Engine, *, name: str) -> None:
        """Wrap an engine whose database is already at the newest schema (see `from_url`).

        `name` identifies the database in error messages.
        """
        self.engine = engine
        self.name = name
        self._writer = engine.execution_options(**WRITE)
        # The LSH band lookup (a cache of the link_bands table), built on the first write.
        self.bands = BandIndex()

    @classmethod
    def open(cls, home: Path | str) -> Store:
        """Open (creating if needed) the store in data directory `home`."""
        home = Path(home)
        try:
            home.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(f"{home}: not a directory") from None
        except OSError as error:
            raise StoreError(
                f"{home}: cannot create the data directory: {error.strerror}"
            ) from None
        path = home / DATABASE_FILE
        return cls.from_url(URL.create("sqlite", database=str(path)), name=str(path))

    @classmethod
    def from_url(cls, url: str | URL, *, name: str | None = None) -> Store:
        """Open the database at a SQLAlchemy URL, upgrading its schema to the newest."""
        engine = make_engine(url)
        store = cls(engine, name=name or engine.url.render_as_string(hide_password=True))
        try:
            with store._errors():
                upgrade(store.engine)
            with store.reading() as connection:
                behind = links.unlinked(connection)
            if behind:
                with store._errors():
                    store.bands.load(store.engine)
                with store.writing() as connection:
                    links.backfill(connection, store.bands.begin(connection))
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def upsert(self, article: Article, *, key: str) -> UpsertResult:
        """Store `article` under identity `key`, in one transaction.

        - a new key is inserted ("new"), unless the same posting is already stored (the
          same non-empty content hash, site and addresses: one page saved twice), whose
          id is returned ("unchanged"); a copy posted elsewhere is stored and linked;
        - a known key whose stored article is identical is left alone ("unchanged");
        - a known key with any difference (text, metadata or removals) is updated in
          place, its removals replaced ("updated").

        New and updated articles are linked to their copies (`retina.store.links`) in the
        same transaction.
        """
        data = article.to_dict()
        now = datetime.now(UTC)
        with self._errors():
            self.bands.load(self.engine)  # once, outside the write lock
        with self._errors(), self._writer.begin() as connection:
            view = self.bands.begin(connection)
            row = connection.execute(
                select(articles.c.id, articles.c.data).where(articles.c.key == key)
            ).first()
            if row is not None:
                if row.data == data:
                    return UpsertResult(row.id, "unchanged")
                connection.execute(
                    update(articles)
                    .where(articles.c.id == row.id)
                    .values(**_columns(article, data), changed_at=now)
                )
                connection.execute(delete(removals).where(removals.c.article_id == row.id))
                _insert_removals(connection, row.id, article)
                links.link(connection, view, row.id, article, key)
                return UpsertResult(row.id, "updated")
            # Articles without text all share one hash; they are not duplicates of each other.
            if data["text"].strip():
                duplicate = _same_posting(connection, article, data["content_hash"])
                if duplicate is not None:
                    return UpsertResult(duplicate, "unchanged")
            article_id = connection.execute(
                insert(articles).values(
                    key=key, **_columns(article, data), ingested_at=now, changed_at=now
                )
            ).inserted_primary_key[0]
            _insert_removals(connection, article_id, article)
            links.link(connection, view, article_id, article, key)
            return UpsertResult(article_id, "new")

    def get(self, article_id: int) -> StoredArticle | None:
        """The article with row id `article_id`, or None."""
        if not -MAX_SQL_INTEGER <= article_id <= MAX_SQL_INTEGER:
            return None
        with self._errors(), self.engine.connect() as connection:
            row = connection.execute(_SELECT.where(articles.c.id == article_id)).first()
        return None if row is None else self._stored(row)

    def find(self, reference: str) -> int | None:
        """The id of the article named by an id, a stored key, a URL or a file path."""
        with self._errors(), self.engine.connect() as connection:
            return link_queries.find_article(connection, reference)

    def duplicates(self, article_id: int) -> builtins.list[link_queries.Member]:
        """The article's group of copies, itself included (lead first); [] if not linked."""
        with self._errors(), self.engine.connect() as connection:
            return link_queries.group_members(connection, article_id)

    def copies(self, ids: builtins.list[int]) -> dict[int, builtins.list[link_queries.Member]]:
        """For each article id, the other copies of it (lead first, then by date)."""
        with self._errors(), self.engine.connect() as connection:
            return link_queries.copies_of(connection, ids)

    def count(
        self, *, section: str | None = None, site: str | None = None, grouped: bool = False
    ) -> int:
        """How many articles are stored, in `section` and from `site` if given (see `list`)."""
        query = select(func.count()).select_from(articles).where(*_filters(section, site, grouped))
        with self._errors(), self.engine.connect() as connection:
            return connection.execute(query).scalar_one()

    def list(
        self,
        limit: int = 50,
        offset: int = 0,
        *,
        section: str | None = None,
        site: str | None = None,
        grouped: bool = False,
    ) -> builtins.list[StoredArticle]:
        """Stored articles, newest first: by publication date (undated last), then ingestion.

        `section` keeps the articles of one section, matched by `section_key` (any case and
        spacing); a blank `section` keeps the articles without one. `site` keeps the
        articles served by the outlet of exactly that name. `grouped` lists each group of
        copies once, by its lead (the origin if stored, else the earliest copy).
        """
        query = (
            _SELECT.where(*_filters(section, site, grouped))
            .order_by(
                articles.c.published.desc().nulls_last(),
                articles.c.ingested_at.desc(),
                articles.c.id.desc(),
            )
            .limit(min(limit, MAX_SQL_INTEGER))
            .offset(min(offset, MAX_SQL_INTEGER))
        )
        with self._errors(), self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [self._stored(row) for row in rows]

    def sections(self) -> builtins.list[Group]:
        """The sections, the one with the newest article first (undated sections last).

        Spellings that differ only in case or spacing are one section (see `section_key`),
        named by its most common spelling (of equally common ones, the one that sorts first).
        Articles without a section are not listed: `count(section="")` counts them.
        """
        query = _SECTIONS.where(articles.c.section_key.is_not(None)).order_by(
            func.max(articles.c.published).desc().nulls_last(), articles.c.section_key
        )
        return self._groups(query)

    def section(self, name: str) -> Group | None:
        """The section `name` (any case and spacing), or None if no article is in it."""
        key = section_key(name)
        if key is None:
            return None
        return next(iter(self._groups(_SECTIONS.where(articles.c.section_key == key))), None)

    def sites(self) -> builtins.list[Group]:
        """The outlets (`site_name`) by name, ignoring case; unnamed ones are left out."""
        query = _SITES.where(articles.c.site_name.is_not(None), articles.c.site_name != "")
        return self._groups(query.order_by(func.lower(articles.c.site_name), articles.c.site_name))

    def site(self, name: str) -> Group | None:
        """The outlet named exactly `name`, or None if it has no article."""
        return next(iter(self._groups(_SITES.where(articles.c.site_name == name))), None)

    def _groups(self, query: Select[Any]) -> builtins.list[Group]:
        with self._errors(), self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [Group(row.name, row.count, row.latest) for row in rows]

    def _stored(self, row: Row[Any]) -> StoredArticle:
        try:
            article = Article.from_dict(row.data)
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(f"{self.name}: article {row.id} cannot be read: {error}") from None
        return StoredArticle(
            id=row.id,
            key=row.key,
            ingested_at=row.ingested_at,
            changed_at=row.changed_at,
            article=article,
        )

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction (committed on exit); failures are StoreErrors."""
        with self._errors(), self._writer.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads; failures are StoreErrors."""
        with self._errors(), self.engine.connect() as connection:
            yield connection

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn database failures into a one-line StoreError naming the database."""
        try:
            yield
        except DBAPIError as error:
            reason = str(error.orig).splitlines()[0] if error.orig else type(error).__name__
            raise StoreError(f"{self.name}: {reason}") from None
        except SQLAlchemyError as error:
            raise StoreError(f"{self.name}: {type(error).__name__}: {error}") from None
        except CommandError as error:
            # Alembic does not know the database's revision: a newer Retina migrated it.
            raise StoreError(
                f"{self.name}: the database schema is newer than this Retina ({error})"
            ) from None


_SELECT = select(
    articles.c.id,
    articles.c.key,
    articles.c.ingested_at,
    articles.c.changed_at,
    articles.c.data,
)


def _group_select(name: ColumnElement[Any], by: ColumnElement[Any]) -> Select[Any]:
    return select(
        name.label("name"),
        func.count().label("count"),
        func.max(articles.c.published).label("latest"),
    ).group_by(by)


def _most_common_section() -> ColumnElement[Any]:
    """The most common spelling of the enclosing query's section (ties: the first in order)."""
    other = articles.alias("spelling")
    return (
        select(other.c.section)
        .where(other.c.section_key == articles.c.section_key)
        .group_by(other.c.section)
        .order_by(func.count().desc(), other.c.section)
        .limit(1)
        .scalar_subquery()
    )


_SECTIONS = _group_select(_most_common_section(), articles.c.section_key)
_SITES = _group_select(articles.c.site_name, articles.c.site_name)


def _filters(
    section: str | None, site: str | None, grouped: bool = False
) -> list[ColumnElement[bool]]:
    """WHERE clauses for `Store.list` and `Store.count`."""
    clauses: list[ColumnElement[bool]] = []
    if grouped:
        clauses.append(
            ~exists().where(
                article_links.c.article_id == articles.c.id, article_links.c.is_lead.is_(False)
            )
        )
    if section is not None:
        key = section_key(section)
        column = articles.c.section_key
        clauses.append(column.is_(None) if key is None else column == key)
    if site is not None:
        clauses.append(articles.c.site_name == site)
    return clauses


def _same_posting(connection: Connection, article: Article, content: str) -> int | None:
    """The stored article this one is another reading of: the same text, site, address and
    canonical URL (a page saved or fetched twice). Copies elsewhere are not the same posting."""
    rows = connection.execute(
        select(articles.c.id, articles.c.url, articles.c.canonical_url, articles.c.site_name)
        .where(articles.c.content_hash == content)
        .order_by(articles.c.id)
    ).all()
    wanted = _posting_identity(article.url, article.canonical_url, article.site_name)
    return next(
        (r.id for r in rows if _posting_identity(r.url, r.canonical_url, r.site_name) == wanted),
        None,
    )


def _posting_identity(
    url: str | None, canonical_url: str | None, site_name: str | None
) -> tuple[str | None, str | None, str | None]:
    return url_identity(url), url_identity(canonical_url), site_name


def _columns(article: Article, data: dict[str, Any]) -> dict[str, Any]:
    """The article's column values (the searchable copy of fields in `data`)."""
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "lead": article.lead,
        "authors": list(article.authors),
        "published": article.published,
        "updated": article.updated,
        "site_name": article.site_name,
        "origin": article.origin,
        "section": article.section,
        "section_key": section_key(article.section),
        "language": article.language,
        "text": data["text"],
        "content_hash": data["content_hash"],
        "data": data,
    }


def _insert_removals(connection: Connection, article_id: int, article: Article) -> None:
    if article.removed:
        connection.execute(
            insert(removals),
            [
                {
                    "article_id": article_id,
                    "position": removed.position,
                    "kind": removed.kind.value,
                    "text": removed.text,
                    "reason": removed.reason,
                }
                for removed in article.removed
            ],
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
