"""Store queries the reader uses: filters, sections and outlets, and the section-key migration."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from article_factory import make_article
from retina.store import DATABASE_FILE, Group, Store, section_key
from retina.store.engine import WRITE, make_engine
from retina.store.migrate import alembic_config

START = datetime(2024, 5, 1, 12, tzinfo=UTC)

# (title, section, site, days after START or None for undated)
ARTICLES = [
    ("Flood", "World", "Daily Example", 0),
    ("Quake", "world ", "Courier", 3),
    ("Summit", "World", "Daily Example", 1),
    ("Talks", "WORLD", "Courier", None),
    ("Rates", "Business", "Courier", 2),
    ("Budget", "Économie", "Le Quotidien", 4),
    ("Impôts", "économie", "Le Quotidien", None),
    ("Recipe", None, "Daily Example", 5),
    ("Notice", "  ", None, None),
    ("Letters", "Opinion", "", None),
]


def day(offset: int | None) -> datetime | None:
    return None if offset is None else START + timedelta(days=offset)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "home") as opened:
        for title, section, site, offset in ARTICLES:
            article = make_article(
                f"{title}.", title=title, section=section, site_name=site, published=day(offset)
            )
            opened.upsert(article, key=title)
        yield opened


def titles(store: Store, **filters: str) -> list[str]:
    return [stored.article.title or "" for stored in store.list(**filters)]


@pytest.mark.parametrize(
    ("section", "key"),
    [("World", "world"), (" WORLD  news ", "world news"), ("Économie", "économie"), ("  ", None)],
)
def test_section_key_folds_case_and_spaces(section: str, key: str | None) -> None:
    assert section_key(section) == key
    assert section_key(None) is None


def test_list_and_count_filter_by_section_in_any_case(store: Store) -> None:
    for spelling in ("World", "world", " WORLD "):
        assert titles(store, section=spelling) == ["Quake", "Summit", "Flood", "Talks"]
        assert store.count(section=spelling) == 4
    # Unicode case folding, not SQL's ASCII-only lower().
    assert titles(store, section="ÉCONOMIE") == ["Budget", "Impôts"]
    assert store.count(section="Sport") == 0 and titles(store, section="Sport") == []


def test_a_blank_section_filter_selects_articles_without_a_section(store: Store) -> None:
    assert titles(store, section="") == ["Recipe", "Notice"]
    assert store.count(section=" ") == 2


def test_list_and_count_filter_by_site_exactly(store: Store) -> None:
    assert titles(store, site="Daily Example") == ["Recipe", "Summit", "Flood"]
    assert store.count(site="daily example") == 0
    assert titles(store, site="Courier", section="world") == ["Quake", "Talks"]
    assert store.count(site="Courier", section="world") == 2
    assert [s.article.title for s in store.list(1, 1, site="Daily Example")] == ["Summit"]


def test_sections_group_spellings_newest_first(store: Store) -> None:
    assert store.sections() == [
        Group("Économie", 2, day(4)),  # of equally common spellings, the first
        Group("World", 4, day(3)),  # the most common spelling
        Group("Business", 1, day(2)),
        Group("Opinion", 1, None),
    ]


def test_one_section_by_any_spelling(store: Store) -> None:
    assert store.section("world") == Group("World", 4, day(3))
    assert store.section("Sport") is None
    assert store.section("") is None


def test_sites_by_name_without_unnamed_ones(store: Store) -> None:
    assert store.sites() == [
        Group("Courier", 3, day(3)),
        Group("Daily Example", 3, day(5)),
        Group("Le Quotidien", 2, day(4)),
    ]
    assert store.site("Courier") == Group("Courier", 3, day(3))
    assert store.site("courier") is None


def test_the_migration_fills_section_key_of_existing_articles(tmp_path: Path) -> None:
    engine = make_engine(sa.URL.create("sqlite", database=str(tmp_path / DATABASE_FILE)))
    with engine.execution_options(**WRITE).begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        columns = ["key", "authors", "section", "text", "content_hash", "data"]
        times = ["ingested_at", "changed_at"]
        old_articles = sa.table("articles", *map(sa.column, columns + times))
        rows = []
        for n, section in enumerate(["Sport ", "sport", None]):
            article = make_article(f"Story {n}.", title=f"Story {n}", section=section)
            values = [f"k{n}", "[]", section, article.text, article.content_hash]
            row = dict(zip(columns, [*values, json.dumps(article.to_dict())], strict=True))
            rows.append(row | dict.fromkeys(times, f"2024-01-0{n + 1} 00:00:00"))
        connection.execute(sa.insert(old_articles), rows)
    engine.dispose()
    with Store.open(tmp_path) as store:
        assert store.sections() == [Group("Sport ", 2, None)]
        assert titles(store, section="SPORT") == ["Story 1", "Story 0"]
        assert titles(store, section="") == ["Story 2"]
