"""The in-memory band index: built from the store, grown and merged incrementally, kept
consistent when articles are stored again or a transaction fails, and aware of what
other processes store."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa
from alembic import command

from retina.errors import StoreError
from retina.link.fingerprint import fingerprint
from retina.model import Article, Block, BlockKind
from retina.store import Store, band_index, links
from retina.store.migrate import alembic_config
from retina.store.schema import article_links, articles, link_bands

COPYRIGHT = " Copyright 2024 Paper Media Group, all rights reserved."
"""Added to copies, so that they are near copies (found by the band index), not exact."""


def text(n: int) -> str:
    """A text of 150 words shared with no other `n`."""
    return " ".join(f"topic{n}word{i}" for i in range(150))


def posting(n: int, site: str, *, extra: str = "") -> Article:
    return Article(
        url=f"https://{site}.example/{n}",
        site_name=site,
        blocks=[Block(BlockKind.PARAGRAPH, text(n) + extra)],
    )


def put(store: Store, n: int, site: str, **kw: str) -> int:
    article = posting(n, site, **kw)
    assert article.url is not None
    return store.upsert(article, key=article.url).id


def indexed(store: Store) -> int:
    """How many articles the store's band index holds once it has read every commit."""
    with store.reading() as connection:
        store.bands.refresh(connection)
    return len(store.bands)


def group(store: Store, article_id: int) -> set[int]:
    return {m.id for m in store.duplicates(article_id)}


@pytest.fixture(params=[3, band_index.MERGE_AT], ids=["merged", "recent"])
def merge_at(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run with tiny merges (entries mostly in the sorted arrays) and with none."""
    monkeypatch.setattr(band_index, "MERGE_AT", request.param)
    return request.param


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    with Store.open(home) as opened:
        yield opened


def test_the_index_is_rebuilt_from_the_store_after_a_restart(home: Path, merge_at: int) -> None:
    with Store.open(home) as store:
        originals = [put(store, n, "wire") for n in range(8)]
        assert indexed(store) == 8
    with Store.open(home) as store:
        assert not store.bands.loaded  # built on the first write, not by reading commands
        assert [m.id for m in store.duplicates(originals[2])] == [originals[2]]
        copy = put(store, 2, "paper", extra=COPYRIGHT)
        assert store.bands.loaded
        assert indexed(store) == 9
        assert group(store, copy) == {originals[2], copy}


def test_copies_are_found_while_the_index_grows_and_merges(store: Store, merge_at: int) -> None:
    ids = {}
    for n in range(10):
        ids[n] = put(store, n, "wire")
        # Each earlier article's copy is found, wherever its entries are by now.
        copy = put(store, n // 2, "mirror", extra=f" Reposted {n}.")
        assert ids[n // 2] in group(store, copy)
    assert indexed(store) == 15  # each mirror page was stored twice, the second time updated
    assert group(store, ids[9]) == {ids[9]}


def test_an_article_stored_again_is_found_by_its_new_text_only(store: Store, merge_at: int) -> None:
    first = put(store, 1, "wire")
    for n in range(2, 6):  # more articles, so that merges happen with tiny MERGE_AT
        put(store, n, "wire")
    rewritten = posting(50, "wire")
    assert store.upsert(rewritten, key="https://wire.example/1").status == "updated"
    with store.writing() as connection:  # the old entries are out of the lookup
        view = store.bands.begin(connection)
        assert first not in view.hits(fingerprint(posting(1, "x")).bands)
        assert view.hits(fingerprint(rewritten).bands)[first] == 32
    old_copy = put(store, 1, "paper", extra=COPYRIGHT)
    new_copy = put(store, 50, "paper", extra=COPYRIGHT)
    assert group(store, old_copy) == {old_copy}
    assert group(store, new_copy) == {first, new_copy}
    assert indexed(store) == 7


def test_a_failed_transaction_leaves_nothing_in_the_index(store: Store) -> None:
    put(store, 1, "wire")
    doomed = posting(2, "wire")
    with pytest.raises(RuntimeError), store.writing() as connection:
        view = store.bands.begin(connection)
        article_id = connection.execute(
            sa.insert(articles).values(
                key="doomed",
                text=doomed.text,
                content_hash=doomed.content_hash,
                data=doomed.to_dict(),
                authors=[],
                ingested_at=datetime.now(UTC),
                changed_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]
        links.link(connection, view, article_id, doomed, "doomed")
        assert view.hits(_keys_of(connection, article_id))[article_id] == 32
        raise RuntimeError("the write fails after linking")
    copy = put(store, 2, "paper", extra=COPYRIGHT)
    assert group(store, copy) == {copy}
    assert indexed(store) == 2


def bands_by_article(connection: sa.Connection) -> dict[int, bytes]:
    rows = connection.execute(sa.select(link_bands.c.article_id, link_bands.c.bands))
    return {article_id: bands for article_id, bands in rows}


def _keys_of(connection: sa.Connection, article_id: int) -> np.ndarray:
    blob = connection.execute(
        sa.select(link_bands.c.bands).where(link_bands.c.article_id == article_id)
    ).scalar_one()
    return np.frombuffer(blob, dtype="<u4")


def test_two_stores_on_one_database_see_each_others_inserts(home: Path) -> None:
    with Store.open(home) as one, Store.open(home) as two:
        a = put(one, 1, "wire")
        copy_of_a = put(two, 1, "paper", extra=COPYRIGHT)  # `two` loads its index after `one` wrote
        assert group(two, copy_of_a) == {a, copy_of_a}
        b = put(two, 2, "wire")  # `one` loaded its index before this
        copy_of_b = put(one, 2, "paper", extra=COPYRIGHT)
        assert group(one, copy_of_b) == {b, copy_of_b}
        # `two` stores `a` again with another text, while `one` holds `a`'s old entries.
        two.upsert(posting(60, "wire"), key="https://wire.example/1")
        later = put(one, 60, "digest", extra=COPYRIGHT)
        assert group(one, later) == {a, later}
        late_copy = put(
            one, 1, "digest", extra=COPYRIGHT
        )  # `a`'s old text: `a` is no longer a copy
        assert group(one, late_copy) == {copy_of_a, late_copy}


def test_an_insert_by_another_process_is_seen(home: Path) -> None:
    with Store.open(home) as store:
        put(store, 1, "wire")  # the index is loaded here
        script = (
            "import sys\n"
            "from retina.model import Article, Block, BlockKind\n"
            "from retina.store import Store\n"
            "text = ' '.join(f'topic7word{i}' for i in range(150))\n"
            "article = Article(url='https://other.example/7', site_name='other',\n"
            "                  blocks=[Block(BlockKind.PARAGRAPH, text)])\n"
            "with Store.open(sys.argv[1]) as store:\n"
            "    print(store.upsert(article, key=article.url).id)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, str(home)], capture_output=True, text=True, check=True
        )
        theirs = int(done.stdout)
        copy = put(store, 7, "paper", extra=COPYRIGHT)
        assert group(store, copy) == {theirs, copy}


def test_the_migration_computes_band_keys_from_stored_signatures(home: Path) -> None:
    with Store.open(home) as store:
        ids = [put(store, n, "wire") for n in range(3)]
        short = store.upsert(
            Article(url="https://wire.example/s", blocks=[Block(BlockKind.PARAGRAPH, "Brief.")]),
            key="https://wire.example/s",
        ).id
        with store.reading() as connection:
            kept = [dict(r._mapping) for r in connection.execute(sa.select(article_links))]
            before = bands_by_article(connection)
        # Back to revision 0004 (which drops the links), the links put back as 0004 had them.
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004")
            connection.execute(article_links.insert(), kept)
    with Store.open(home) as store:
        with store.reading() as connection:
            after = bands_by_article(connection)
        assert after == before and after[short] == b""
        assert len(after[ids[0]]) == 32 * 4
        copy = put(store, 1, "paper", extra=COPYRIGHT)
        assert group(store, copy) == {ids[1], copy}


def test_entries_of_an_article_written_again_are_skipped_then_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The band index alone, on a bare link_bands table: an article written again while
    its old entries are in the sorted arrays, before and after the next merge."""
    monkeypatch.setattr(band_index, "MERGE_AT", 4)
    engine = sa.create_engine("sqlite://")
    link_bands.create(engine)
    rng = np.random.default_rng(3)
    keys = {n: rng.integers(0, 2**32, 32, dtype=np.uint64).astype("<u4") for n in range(1, 9)}
    index = band_index.BandIndex()

    def write(article_id: int, seq: int, bands: np.ndarray) -> None:
        with engine.begin() as connection:
            connection.execute(sa.delete(link_bands).where(link_bands.c.article_id == article_id))
            connection.execute(
                sa.insert(link_bands).values(article_id=article_id, seq=seq, bands=bands.tobytes())
            )
            index.refresh(connection)

    def hits(bands: np.ndarray) -> dict[int, int]:
        return dict(index.hits(bands, hidden=set()))

    for n in range(1, 5):
        write(n, n, keys[n])  # the fourth merges all four into the sorted arrays
    assert index.nbytes() > 0 and hits(keys[1]) == {1: 32}
    rewritten = keys[5].copy()
    write(1, 5, rewritten)  # article 1 again, with article 5's keys
    assert hits(keys[1]) == {} and hits(rewritten) == {1: 32} and len(index) == 4
    for n in range(6, 9):
        write(n, n, keys[n])  # the next merge drops the stale entries
    assert hits(keys[1]) == {} and hits(rewritten) == {1: 32} and len(index) == 7
    assert hits(keys[2]) == {2: 32}


def test_damaged_band_keys_are_a_store_error_and_nothing_is_stored(home: Path) -> None:
    with Store.open(home) as store:
        a = put(store, 1, "wire")
        with store.writing() as connection:
            connection.execute(
                sa.update(link_bands).where(link_bands.c.article_id == a).values(bands=b"\x00")
            )
    with Store.open(home) as store:
        with pytest.raises(StoreError, match=f"band keys of article {a} are damaged"):
            put(store, 2, "wire")
        assert store.count() == 1
