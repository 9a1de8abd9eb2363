"""The article store: schema and migrations, SQLite settings, upsert semantics, listing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from article_factory import make_article, rich_article
from retina.errors import StoreError
from retina.model import Removed, RemovedKind
from retina.store import DATABASE_FILE, Store
from retina.store.schema import articles, metadata, removals


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "home") as opened:
        yield opened


def test_migrated_schema_matches_the_metadata(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_open_creates_the_data_directory_and_database(tmp_path: Path) -> None:
    home = tmp_path / "nested" / "home"
    with Store.open(home):
        assert (home / DATABASE_FILE).is_file()


def test_connections_use_wal_and_enforce_foreign_keys(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
        connection.execute(
            sa.insert(removals).values(article_id=999, position=0, kind="ad", text="x", reason="y")
        )


def test_an_article_comes_back_as_stored(store: Store) -> None:
    article = rich_article()
    result = store.upsert(article, key=article.url)
    assert result.status == "new"
    stored = store.get(result.id)
    assert stored is not None
    assert stored.key == article.url
    assert stored.article.to_dict() == article.to_dict()
    assert stored.article.published.utcoffset().total_seconds() == 3600
    assert stored.ingested_at.tzinfo is not None
    assert stored.ingested_at == stored.changed_at
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(removals.c.kind, removals.c.position)).all()
    assert sorted(rows) == [("attribution", 9), ("related_link", 2)]


def test_same_key_and_same_article_is_unchanged(store: Store) -> None:
    first = store.upsert(make_article("Text."), key="k")
    again = store.upsert(make_article("Text."), key="k")
    assert (again.id, again.status) == (first.id, "unchanged")
    assert store.count() == 1


def test_same_key_with_new_text_is_updated_in_place(store: Store) -> None:
    old = make_article("Old text.", removed=[Removed(RemovedKind.AD, "Buy!", "ad", 0)])
    first = store.upsert(old, key="k")
    new = make_article("New text.", removed=[Removed(RemovedKind.BYLINE, "By X", "byline", 1)])
    result = store.upsert(new, key="k")
    assert (result.id, result.status) == (first.id, "updated")
    assert store.count() == 1
    stored = store.get(first.id)
    assert stored is not None
    assert stored.article.text == "New text."
    assert stored.changed_at > stored.ingested_at
    with store.engine.connect() as connection:
        kinds = connection.execute(sa.select(removals.c.kind)).scalars().all()
        text = connection.execute(sa.select(articles.c.text)).scalar_one()
    assert (kinds, text) == (["byline"], "New text.")


def test_same_key_with_new_metadata_is_updated(store: Store) -> None:
    first = store.upsert(make_article("Text.", title="Old"), key="k")
    result = store.upsert(make_article("Text.", title="New"), key="k")
    assert result.status == "updated"
    stored = store.get(first.id)
    assert stored is not None and stored.article.title == "New"


def test_duplicate_content_under_a_new_key_is_stored_once(store: Store) -> None:
    first = store.upsert(make_article("Same  story text."), key="a")
    # Differences of case and spacing do not change the content hash.
    second = store.upsert(make_article("same story\ntext.", title="Other"), key="b")
    assert (second.id, second.status) == (first.id, "unchanged")
    assert store.count() == 1


def test_articles_without_text_are_not_duplicates_of_each_other(store: Store) -> None:
    first = store.upsert(make_article("", title="One"), key="a")
    second = store.upsert(make_article("", title="Two"), key="b")
    assert second.status == "new" and second.id != first.id


def test_a_failed_upsert_writes_nothing(store: Store) -> None:
    broken = Removed(RemovedKind.AD, None, "ad", 0)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="NOT NULL"):
        store.upsert(make_article("Text.", removed=[broken]), key="k")
    assert store.count() == 0


def test_deleting_an_article_deletes_its_removals(store: Store) -> None:
    result = store.upsert(rich_article(), key="k")
    with store.engine.begin() as connection:
        connection.execute(sa.delete(articles).where(articles.c.id == result.id))
        assert connection.execute(sa.select(sa.func.count()).select_from(removals)).scalar() == 0


def test_list_is_newest_first_by_publication_then_ingestion(store: Store) -> None:
    def published(value: str) -> datetime:
        return datetime.fromisoformat(value)

    undated = store.upsert(make_article("Undated."), key="undated").id
    # 10:00+02:00 is 08:00 UTC: earlier than 09:00 UTC although its clock time is later.
    east = store.upsert(make_article("E.", published=published("2024-05-01T10:00+02:00")), key="e")
    west = store.upsert(make_article("W.", published=published("2024-05-01T09:00+00:00")), key="w")
    older = store.upsert(make_article("O.", published=published("2023-01-01")), key="o").id
    later_undated = store.upsert(make_article("Undated too."), key="undated2").id

    ids = [s.id for s in store.list()]
    assert ids == [west.id, east.id, older, later_undated, undated]
    assert [s.id for s in store.list(limit=2, offset=1)] == [east.id, older]
    assert store.list(offset=10) == []
    assert store.count() == 5


def test_get_unknown_id_is_none(store: Store) -> None:
    assert store.get(12345) is None


def test_a_corrupt_database_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"this is not a database\n" * 100)
    with pytest.raises(StoreError, match="file is not a database"):
        Store.open(tmp_path)


def test_a_database_from_a_newer_retina_is_a_store_error(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store, store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer than this Retina"):
        Store.open(tmp_path)


def test_home_that_is_a_file_is_a_store_error(tmp_path: Path) -> None:
    home = tmp_path / "file"
    home.write_text("x")
    with pytest.raises(StoreError, match="not a directory"):
        Store.open(home)
