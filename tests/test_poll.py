"""Polling sources over HTTP from the local sample web: feeds → full articles → store."""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from helpers import BODY
from retina import clean
from retina.errors import InputError
from retina.ingest.feeds import FeedItem, parse_source
from retina.ingest.fetch import Fetcher, FetchSettings
from retina.ingest.guard import AddressGuard
from retina.ingest.poll import (
    MAX_FAILURES,
    MAX_INTERVAL,
    MIN_INTERVAL,
    PollReport,
    _as_page,
    _item_article,
    poll_sources,
)
from retina.sample import Behaviour, generate, read_truth, serve
from retina.store import Store
from retina.store.sources import (
    add_source,
    count_items,
    due_sources,
    enable_source,
    get_source,
    update_source,
)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("polled")
    generate(folder, seed=3, outlets=3, articles=40)
    return folder


@pytest.fixture(scope="module")
def outlets(web: Path) -> list[dict[str, Any]]:
    return json.loads((web / "outlets.json").read_text())


def poll(store: Store, **settings: Any) -> PollReport:
    async def main() -> PollReport:
        fetch_settings = FetchSettings(min_delay=0.0, **settings)
        guard = AddressGuard(["127.0.0.0/8"])
        async with Fetcher(fetch_settings, guard=guard) as fetcher:
            return await poll_sources(store, fetcher, due_sources(store))

    return asyncio.run(main())


def make_due(store: Store, source_id: int) -> None:
    update_source(store, source_id, next_poll_at=datetime.now(UTC) - timedelta(seconds=1))


def test_feed_items_become_full_articles(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    outlet = next(o for o in outlets if o["kind"] == "newsroom")
    truth = {r["url"]: r for r in read_truth(web)}
    with serve(web) as server, Store.open(tmp_path) as store:
        source = add_source(store, server.map_url(outlet["feeds"]["rss"]), kind="rss")
        report = poll(store)
        (outcome,) = report.outcomes
        assert outcome.status == "new items", outcome.error
        assert outcome.stored > 0 and outcome.from_page == outcome.stored
        stored = store.list(limit=500)
        assert len(stored) == outcome.stored
        for item in stored:
            path = urlsplit(item.article.url or "").path
            record = next(r for u, r in truth.items() if urlsplit(u).path == path)
            assert item.article.title == record["title"]
        state = get_source(store, source.id)
        assert state is not None and state.etag and state.failures == 0
        assert state.next_poll_at and state.next_poll_at > datetime.now(UTC)
        assert state.items_seen == outcome.stored

        # The next poll asks conditionally: 304, and no article page is fetched again.
        server.clear_log()
        make_due(store, source.id)
        (again,) = poll(store).outcomes
        assert again.status == "not modified"
        asked = [r for r in server.requests if not r.path.endswith("robots.txt")]
        assert [(r.status, r.bytes_sent) for r in asked] == [(304, 0)]  # no body sent


def test_the_feed_text_is_used_when_the_page_cannot_be_had(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Every page of the outlet fails (HTTP 503); a copy of its full-content feed, served
    from another folder, still gives the articles, from the feed's own text."""
    outlet = next(o for o in outlets if o["feed_content"] == "full")
    copy = tmp_path / "web"
    shutil.copytree(web, copy)
    (copy / "mirror").mkdir()
    shutil.copy(copy / outlet["folder"] / "atom.xml", copy / "mirror" / "atom.xml")
    broken = {outlet["folder"]: Behaviour(error_rate=1.0, retry_after=0)}
    with serve(copy, outlet_behaviour=broken) as server, Store.open(tmp_path / "home") as store:
        source = add_source(store, server.url + "/mirror/atom.xml", kind="atom")
        (outcome,) = poll(store).outcomes
        assert outcome.status == "new items", outcome.error
        assert outcome.stored > 0 and outcome.from_feed == outcome.stored
        stored = store.list(limit=100)
        assert all(len(s.article.text.split()) > 50 for s in stored)  # full text, not a teaser
        state = get_source(store, source.id)
        assert state is not None and state.items_seen == outcome.stored


def test_a_failing_source_backs_off_and_is_disabled(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        source = add_source(store, "http://127.0.0.1:9/feed.xml", kind="rss")
        for attempt in range(1, MAX_FAILURES + 1):
            make_due(store, source.id)
            (outcome,) = poll(store).outcomes
            assert outcome.status == "failed" and "connect" in (outcome.error or "")
            state = get_source(store, source.id)
            assert state is not None and state.failures == attempt
        assert state.disabled_reason and "failures in a row" in state.disabled_reason
        assert "could not connect" in state.disabled_reason  # the last failure's reason
        make_due(store, source.id)
        assert due_sources(store) == []  # disabled: no longer polled
        enable_source(store, source.id)
        (again,) = due_sources(store)
        assert again.failures == 0 and again.disabled_reason is None


def test_per_host_concurrency_holds_across_sources(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    with serve(web) as server, Store.open(tmp_path) as store:
        for outlet in outlets:
            for feed in outlet["feeds"].values():
                add_source(store, server.map_url(feed), kind="feed")
        report = poll(store)
        assert report.count("failed") == 0
        assert max(r.host_concurrency for r in server.requests) == 1


def test_the_next_poll_follows_the_publishing_rate(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Learned: the median gap between the feed's latest items, kept within 5 min–24 h.
    Fixed: the source's own interval, whatever the feed does."""
    outlet = next(o for o in outlets if o["kind"] == "newsroom")
    feed = parse_source((web / outlet["folder"] / "rss.xml").read_bytes(), url="http://x/")
    dates = sorted((i.published for i in feed.items if i.published), reverse=True)[:20]
    gaps = sorted(a - b for a, b in itertools.pairwise(dates) if a > b)
    expected = min(MAX_INTERVAL, max(MIN_INTERVAL, int(gaps[len(gaps) // 2].total_seconds())))
    with serve(web) as server, Store.open(tmp_path) as store:
        learned = add_source(store, server.map_url(outlet["feeds"]["rss"]), kind="rss")
        fixed = add_source(
            store, server.map_url(outlet["feeds"]["atom"]), kind="atom", interval=900
        )
        assert learned.interval == 3600  # until the rate is known
        before = datetime.now(UTC)
        poll(store)
        after = datetime.now(UTC)
        for source, interval in ((learned, expected), (fixed, 900)):
            state = get_source(store, source.id)
            assert state is not None and state.interval == interval
            assert state.next_poll_at is not None
            assert before + timedelta(seconds=interval) <= state.next_poll_at
            assert state.next_poll_at <= after + timedelta(seconds=interval)


def test_a_feed_moved_for_good_is_followed_at_its_new_url(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """301 to the feed: the source takes the new URL, so the next poll asks it directly,
    conditionally, and gets a 304. A temporary redirect (302) keeps the URL."""
    outlet = next(o for o in outlets if o["kind"] == "newsroom")
    copy = tmp_path / "web"
    shutil.copytree(web, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["routes"]["old/rss.xml"] = {"redirect": outlet["feeds"]["rss"], "status": 301}
    manifest["routes"]["moving/atom.xml"] = {"redirect": outlet["feeds"]["atom"], "status": 302}
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with serve(copy) as server, Store.open(tmp_path / "home") as store:
        moved = add_source(store, server.url + "/old/rss.xml", kind="rss")
        moving = add_source(store, server.url + "/moving/atom.xml", kind="atom")
        assert {o.status for o in poll(store).outcomes} == {"new items"}
        state = get_source(store, moved.id)
        assert state is not None and state.url == server.map_url(outlet["feeds"]["rss"])
        assert get_source(store, moving.id).url == moving.url  # type: ignore[union-attr]
        server.clear_log()
        make_due(store, moved.id)
        (again,) = poll(store).outcomes
        assert again.status == "not modified"
        feeds = [r for r in server.requests if r.path.endswith(".xml")]
        assert [(r.path, r.status) for r in feeds] == [(urlsplit(state.url).path, 304)]


def test_a_host_that_asks_to_wait_is_not_polled_sooner(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """429 with Retry-After: 600 — the next poll is at least ten minutes away, across
    polls, and it is not counted as a failure (other hosts: tests/test_fetch_hosts.py)."""
    throttled = next(o for o in outlets if o["kind"] == "newsroom")
    behaviour = {throttled["folder"]: Behaviour(throttle_rate=1.0, retry_after=600)}
    with serve(web, outlet_behaviour=behaviour) as server, Store.open(tmp_path) as store:
        waiting = add_source(store, server.map_url(throttled["feeds"]["rss"]), kind="rss")
        before = datetime.now(UTC)
        (outcome,) = poll(store).outcomes
        assert outcome.status == "throttled" and "retry after 600 s" in (outcome.error or "")
        state = get_source(store, waiting.id)
        assert state is not None and state.failures == 0 and state.disabled_reason is None
        assert state.next_poll_at is not None
        assert state.next_poll_at >= before + timedelta(seconds=600)
        assert waiting.id not in {s.id for s in due_sources(store)}


def test_items_whose_host_asks_to_wait_are_left_for_a_later_poll(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """The feed is read, but its articles' pages answer 429: no item is recorded, so the
    next poll, no sooner than the Retry-After, fetches them from their pages."""
    outlet = next(o for o in outlets if o["feed_content"] == "full")
    copy = tmp_path / "web"
    shutil.copytree(web, copy)
    (copy / "mirror").mkdir()
    shutil.copy(copy / outlet["folder"] / "atom.xml", copy / "mirror" / "atom.xml")
    busy = {outlet["folder"]: Behaviour(throttle_rate=1.0, retry_after=900)}
    with serve(copy, outlet_behaviour=busy) as server, Store.open(tmp_path / "home") as store:
        source = add_source(store, server.url + "/mirror/atom.xml", kind="atom")
        before = datetime.now(UTC)
        (outcome,) = poll(store).outcomes
    assert outcome.status == "new items" and outcome.stored == 0
    assert outcome.deferred > 0 and outcome.from_feed == 0  # not the feed's text either
    state = get_source(store, source.id)
    assert state is not None and state.items_seen == 0 and state.failures == 0
    assert state.next_poll_at is not None
    assert state.next_poll_at >= before + timedelta(seconds=900)


def test_two_pollers_at_once_record_each_item_once(
    web: Path, outlets: list[dict[str, Any]], tmp_path: Path
) -> None:
    """`retina poll` while `retina serve` polls: both may take the same due source."""
    outlet = next(o for o in outlets if o["kind"] == "newsroom")
    with serve(web) as server, Store.open(tmp_path) as store:
        source = add_source(store, server.map_url(outlet["feeds"]["rss"]), kind="rss")
        due = due_sources(store)

        async def both() -> list[PollReport]:
            guard = AddressGuard(["127.0.0.0/8"])
            async with (
                Fetcher(FetchSettings(min_delay=0.0), guard=guard) as one,
                Fetcher(FetchSettings(min_delay=0.0), guard=guard) as two,
            ):
                return list(
                    await asyncio.gather(
                        poll_sources(store, one, due), poll_sources(store, two, due)
                    )
                )

        reports = asyncio.run(both())
        assert all(r.count("failed") == 0 for r in reports)
        state = get_source(store, source.id)
        assert state is not None
        with Store.open(tmp_path) as other:
            assert sum(count_items(other, source.id).values()) == state.items_seen > 0


def test_a_feed_item_s_credit_to_its_own_site_is_no_origin() -> None:
    """WordPress closes each feed item with "The post … appeared first on <the site>.": on
    the site's own feed that names no other publication; the line still goes."""
    body = "".join(
        f"<p>{text}</p>"
        for text in (
            *BODY,
            "The post Marlow council approves harbour expansion appeared first on Coastal Ledger.",
        )
    )
    item = FeedItem(key="1", url=None, title="Marlow council approves harbour expansion")
    article = clean(_as_page(item, body, "Coastal Ledger"))
    assert (article.site_name, article.origin) == ("Coastal Ledger", None)
    assert [b.text for b in article.blocks] == BODY
    copied = clean(_as_page(item, body, "Aggregator Daily"))  # a scraper's copy of the feed
    assert copied.origin == "Coastal Ledger"


def test_a_feed_item_that_is_a_digest_of_links_is_stored() -> None:
    """A link blog's item is a list of headline links with a line on each: as a page it
    would be a listing, but it is the item its publisher gives, and it is kept."""
    digest = "".join(
        f"<li><h3><a href='https://news{n}.example/story-{n}'>{title}</a></h3>"
        f"<p>{title}, reports say. More on this story at the link above.</p></li>"
        for n, title in enumerate(
            (
                "Harbour board approves the new ferry terminal",
                "Council delays the vote on school closures",
                "Storm warning issued for the northern coast",
                "Local bakery wins the national bread award",
                "Rail strike called off after late night talks",
                "New cycle lanes open across the city centre",
            )
        )
    )
    item = FeedItem(key="1", url=None, title="Links for Tuesday", content=f"<ul>{digest}</ul>")
    with pytest.raises(InputError, match="listing page"):
        clean(_as_page(item, item.content or "", "Link Log"))
    fetcher: Any = None  # the item has no page to fetch
    article, where, error = asyncio.run(
        _item_article(fetcher, item, asyncio.Semaphore(1), "Link Log")
    )
    assert (where, error) == ("feed", None) and article is not None
    assert "Rail strike called off after late night talks" in article.text
