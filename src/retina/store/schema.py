"""The database tables, as SQLAlchemy Core metadata.

This is the schema the code expects; the Alembic migrations in `migrations/` build it,
and a test checks that the two agree. Change both together (autogenerate a revision,
see `retina.store.migrate`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime, stored in UTC so that it sorts correctly.

    SQLite has no time-zone type: values are converted to UTC and stored without an
    offset, and come back as aware UTC datetimes. Naive values are taken to be UTC.
    PostgreSQL stores them as TIMESTAMP WITH TIME ZONE. The exact original offset of
    an article's dates is kept in the `data` JSON column.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Named constraints let future migrations alter them, including SQLite batch migrations.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

MAX_SQL_INTEGER = 2**63 - 1
"""SQLite's integers are 64-bit; a larger Python int in a query raises OverflowError. Ids
past it match nothing, and limits and offsets past it mean "all" and "past the end"."""

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # The identity of the input: the article URL if known, else the file:// URI it came from.
    Column("key", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("title", Text),
    Column("lead", Text),
    Column("authors", JSON, nullable=False),
    Column("published", UTCDateTime),
    Column("updated", UTCDateTime),
    Column("site_name", Text),
    Column("origin", Text),
    Column("section", Text),
    # `section` as sections are grouped and filtered: case-folded, spaces collapsed, NULL
    # when blank (see `retina.store.store.section_key`).
    Column("section_key", Text),
    Column("language", String(35)),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    # The full `Article.to_dict()`: the source of truth the other columns are copied from.
    Column("data", JSON, nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
    Column("changed_at", UTCDateTime, nullable=False),
    # Ids appear in URLs: never reuse the id of a deleted article.
    sqlite_autoincrement=True,
)

Index("ix_articles_listing", articles.c.published, articles.c.ingested_at)
# Per-section and per-outlet listings (newest first) and their counts.
Index("ix_articles_section", articles.c.section_key, articles.c.published, articles.c.ingested_at)
Index("ix_articles_site", articles.c.site_name, articles.c.published, articles.c.ingested_at)

removals = Table(
    "removals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

# Followed sources (feeds, sitemaps) and their polling state: a restart resumes from here.
sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text),
    # The user's folder for the source (OPML outline, `--section`).
    Column("section", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("added_at", UTCDateTime, nullable=False),
    Column("last_polled_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("next_poll_at", UTCDateTime, index=True),
    # Seconds between polls: learned from how often the source publishes, or fixed by the
    # user (`interval_override`).
    Column("interval", Integer, nullable=False),
    Column("interval_override", Integer),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_status", Text),
    Column("last_error", Text),
    # Set after too many failures in a row: the source is no longer polled.
    Column("disabled_reason", Text),
    Column("items_seen", Integer, nullable=False, default=0),
    sqlite_autoincrement=True,
)

# The items each source listed: new ones are fetched, known ones are not fetched again.
source_items = Table(
    "source_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("item_key", Text, nullable=False),
    Column("url", Text),
    Column("published", UTCDateTime),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    # Where the stored text came from: "page" (the fetched article) or "feed" (its content).
    Column("text_from", String(8)),
    Column("error", Text),
    UniqueConstraint("source_id", "item_key"),
)

# Duplicate and syndication links (retina.link): one row per linked article. Articles in
# the same `group_id` are one article posted several times; `is_lead` marks the one the
# reader lists (the origin if stored, else the earliest copy).
article_links = Table(
    "article_links",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", Integer, nullable=False, index=True),
    # URL identities (retina.link.urls) of the article's address and declared canonical URL.
    Column("url_key", Text, index=True),
    Column("canonical_key", Text, index=True),
    Column("shingles", Integer, nullable=False),
    # MinHash signature: PERMUTATIONS little-endian uint32 values.
    Column("signature", LargeBinary, nullable=False),
    # How it joined its group: origin (alone when stored), exact, near or address.
    Column("relation", String(16), nullable=False),
    Column("matched_id", Integer),
    Column("similarity", Float),
    # The member it was copied from (null for the origin or a copy of an unstored page),
    # the publications from this copy to the origin, and the evidence.
    Column("copied_from", Integer),
    Column("chain", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("is_lead", Boolean, nullable=False),
)

# The LSH index's durable part: each linked article's band keys (retina.link.lsh), one
# BLOB of BANDS little-endian uint32 (empty for texts too short to match approximately).
# The index itself is in memory (retina.store.band_index), built from this table; `seq`
# grows with every write, so a process finds what others wrote since it last looked.
link_bands = Table(
    "link_bands",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("bands", LargeBinary, nullable=False),
)
