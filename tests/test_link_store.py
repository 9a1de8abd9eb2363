"""Linking in the store: copies found on upsert, same-story articles kept apart, origins
and chains, one entry per group in listings, and an index that survives restarts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from retina.clean import clean
from retina.model import Article, Block, BlockKind
from retina.sample import iter_articles
from retina.store import Store
from retina.store.schema import article_links, link_bands

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_db7903cc2ab08068.txt"
DAY = datetime(2024, 6, 3, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "home") as opened:
        yield opened


@pytest.fixture(scope="module")
def story() -> list[dict[str, Any]]:
    """The truth records of one sample-web story covered by three outlets in their own words."""
    by_story: dict[str, list[dict[str, Any]]] = {}
    for page in iter_articles(seed=5, outlets=6, articles=40):
        if page.truth["role"] in ("original", "coverage"):
            by_story.setdefault(page.truth["story_id"], []).append(page.truth)
    return next(records for records in by_story.values() if len(records) >= 3)


def from_truth(record: dict[str, Any], **changes: Any) -> Article:
    fields: dict[str, Any] = {
        "url": record["url"],
        "title": record["title"],
        "site_name": record["outlet"],
        "published": datetime.fromisoformat(record["published"]),
        "blocks": [
            Block(BlockKind(b["kind"]), b["text"], b.get("level")) for b in record["blocks"]
        ],
    }
    return Article(**(fields | changes))


def paragraph(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def group(store: Store, article_id: int) -> set[int]:
    return {m.id for m in store.duplicates(article_id)}


def test_an_edited_repost_is_found_and_a_same_story_article_is_not(
    store: Store, story: list[dict[str, Any]]
) -> None:
    original, other, third = story[:3]
    first = store.upsert(from_truth(original), key=original["url"]).id
    same_story = store.upsert(from_truth(other), key=other["url"]).id
    blocks = from_truth(original).blocks
    repost = from_truth(
        original,
        url="https://copycat.example/news/rewritten-headline?utm_source=rss",
        site_name="Copycat News",
        title="A completely different headline for the same piece",
        published=datetime.fromisoformat(original["published"]) + timedelta(hours=5),
        blocks=[
            *blocks[1:],  # the intro trimmed
            Block(BlockKind.PARAGRAPH, "Copyright 2024 Copycat Media Group. All rights reserved."),
            Block(BlockKind.PARAGRAPH, "Follow Copycat News on every network for more stories."),
        ],
    )
    copy = store.upsert(repost, key=repost.url).id
    third_id = store.upsert(from_truth(third), key=third["url"]).id
    assert group(store, copy) == {first, copy}
    assert group(store, same_story) == {same_story}
    assert group(store, third_id) == {third_id}
    members = {m.id: m for m in store.duplicates(copy)}
    assert members[first].is_lead and members[copy].relation == "near"
    assert members[copy].copied_from == first
    assert members[copy].chain == ["Copycat News", original["outlet"]]
    assert 0.8 <= members[copy].similarity <= 1.0


def test_an_exact_copy_elsewhere_is_stored_and_linked(store: Store) -> None:
    text = " ".join(f"Sentence {n} of the wire story about the harbour." for n in range(30))

    def make(site: str, url: str, day: int) -> Article:
        published = DAY + timedelta(days=day)
        return Article(url=url, site_name=site, published=published, blocks=[paragraph(text)])

    a = store.upsert(make("Wire", "https://wire.example/a", 0), key="https://wire.example/a")
    b = store.upsert(make("Paper", "https://paper.example/b", 1), key="https://paper.example/b")
    again = store.upsert(make("Wire", "https://wire.example/a", 0), key="file:///saved/a.html")
    assert b.status == "new" and b.id != a.id
    assert (again.id, again.status) == (a.id, "unchanged")  # the same posting read twice
    [lead, copy] = store.duplicates(b.id)
    assert (lead.id, copy.id, copy.relation, copy.similarity) == (a.id, b.id, "exact", 1.0)


def test_the_same_address_with_tracking_parameters_is_one_article(store: Store) -> None:
    text = " ".join(f"Paragraph {n} says something about the council budget." for n in range(20))
    first = Article(url="https://news.example/budget", blocks=[Block(BlockKind.PARAGRAPH, text)])
    edited = Article(
        url="https://www.news.example/budget/?utm_source=feed&fbclid=abc",
        blocks=[Block(BlockKind.PARAGRAPH, text.replace("Paragraph 3", "Section three"))],
    )
    a = store.upsert(first, key="https://news.example/budget").id
    b = store.upsert(edited, key="https://www.news.example/budget/?utm_source=feed").id
    assert group(store, a) == {a, b}


def test_listings_show_one_entry_per_group_with_its_copies(
    store: Store, story: list[dict[str, Any]]
) -> None:
    original, other = story[:2]
    first = store.upsert(from_truth(original), key=original["url"]).id
    store.upsert(from_truth(other), key=other["url"])
    copy = store.upsert(
        from_truth(original, url="https://mirror.example/x", site_name="Mirror"),
        key="https://mirror.example/x",
    ).id
    assert store.count() == 3 and store.count(grouped=True) == 2
    listed = [s.id for s in store.list(grouped=True)]
    assert first in listed and copy not in listed
    copies = store.copies([first, copy])
    assert [m.site_name for m in copies[first]] == ["Mirror"]
    assert [m.id for m in copies[copy]] == [first]
    assert store.find(str(copy)) == copy
    assert store.find("https://www.mirror.example/x/?utm_medium=rss") == copy
    assert store.find("nothing-like-this") is None


def test_the_index_survives_a_restart_and_updates_relink(
    tmp_path: Path, story: list[dict[str, Any]]
) -> None:
    original, other = story[:2]
    home = tmp_path / "home"
    with Store.open(home) as store:
        first = store.upsert(from_truth(original), key=original["url"]).id
    with Store.open(home) as store:
        copy = store.upsert(
            from_truth(original, url="https://mirror.example/y", site_name="Mirror"),
            key="https://mirror.example/y",
        ).id
        assert group(store, copy) == {first, copy}
        # The copy is edited into another story's text: it leaves the group.
        changed = from_truth(other, url="https://mirror.example/y", site_name="Mirror")
        assert store.upsert(changed, key="https://mirror.example/y").status == "updated"
        assert group(store, copy) == {copy} and group(store, first) == {first}
        [alone] = store.duplicates(first)
        assert (alone.relation, alone.similarity, alone.is_lead) == ("origin", None, True)
        with store.reading() as connection:
            buckets = connection.execute(
                sa.select(sa.func.count()).select_from(link_bands)
            ).scalar_one()
        assert buckets == 2  # one row of band keys per article


def test_articles_stored_before_the_index_are_linked_on_open(
    tmp_path: Path, story: list[dict[str, Any]]
) -> None:
    original = story[0]
    home = tmp_path / "home"
    with Store.open(home) as store:
        a = store.upsert(from_truth(original), key=original["url"]).id
        b = store.upsert(
            from_truth(original, url="https://mirror.example/z", site_name="Mirror"),
            key="https://mirror.example/z",
        ).id
        with store.writing() as connection:
            connection.execute(sa.delete(link_bands))
            connection.execute(sa.delete(article_links))
        assert store.duplicates(a) == []
    with Store.open(home) as store:
        assert group(store, b) == {a, b}


@pytest.mark.skipif(not SEED.exists(), reason="../shared (the seed article) is absent")
def test_the_seed_article_chain(store: Store) -> None:
    seed = clean(SEED.read_bytes())
    assert (seed.site_name, seed.origin) == ("The Daily Retina", "The Spectator Australia")
    copy = store.upsert(seed, key=SEED.resolve().as_uri()).id
    [alone] = store.duplicates(copy)
    assert alone.chain == ["The Daily Retina", "The Spectator Australia"]
    body = seed.blocks
    australia = Article(
        url="https://www.spectator.com.au/2023/05/russias-neighbours/",
        title=seed.title,
        site_name="The Spectator Australia",
        origin="The Spectator",  # its "This article first appeared in The Spectator" line
        published=DAY + timedelta(hours=6),
        blocks=body,
    )
    original = Article(
        url="https://www.spectator.co.uk/article/russias-neighbours/",
        title=seed.title,
        site_name="The Spectator",
        published=DAY,
        blocks=[*body[:-1], Block(BlockKind.PARAGRAPH, body[-1].text + " More to come.")],
    )
    middle = store.upsert(australia, key=australia.url).id
    first = store.upsert(original, key=original.url).id
    members = {m.id: m for m in store.duplicates(copy)}
    assert set(members) == {copy, middle, first}
    assert members[copy].chain == ["The Daily Retina", "The Spectator Australia", "The Spectator"]
    assert members[copy].copied_from == middle and members[middle].copied_from == first
    assert members[first].is_lead and members[first].chain == ["The Spectator"]


def test_a_group_splits_when_the_article_joining_it_changes(store: Store) -> None:
    council = [f"The council met on day {n} to discuss the harbour wall." for n in range(20)]
    boats = [f"Fishermen on boat {n} said the catch was poor." for n in range(6)]

    def posting(site: str, sentences: list[str]) -> Article:
        return Article(site_name=site, blocks=[paragraph(" ".join(sentences))])

    a = store.upsert(posting("A", council), key="a").id
    bridge = store.upsert(posting("B", council + boats), key="b").id  # A plus more
    c = store.upsert(posting("C", council[10:] + boats), key="c").id  # B's second half
    assert group(store, a) == group(store, c) == {a, bridge, c}  # A and C only through B
    store.upsert(posting("B", ["Something else entirely, and long enough to count."] * 3), key="b")
    assert (group(store, a), group(store, c), group(store, bridge)) == ({a}, {c}, {bridge})
    assert all(m.relation == "origin" and m.is_lead for m in store.duplicates(c))
