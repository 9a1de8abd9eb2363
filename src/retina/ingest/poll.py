"""Polling sources: fetch each due feed (conditionally), fetch and clean its new items, store.

A feed item becomes a full article: its page is fetched and cleaned; when the page cannot
be had (refused, failing, not an article), the feed's own content or summary is cleaned
instead, and the item records which was used (`text_from`: "page" or "feed").

After a poll each source gets its next poll time: its own publishing rate (the median gap
between its latest items), bounded to 5 minutes–24 hours, or the user's fixed interval.
A failing source backs off exponentially (with jitter) and is disabled, with the reason
kept, after `MAX_FAILURES` failures in a row.
"""

from __future__ import annotations

import asyncio
import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from retina.clean import clean
from retina.errors import FetchError, RetinaError
from retina.ingest.feeds import FeedItem, ParsedSource, parse_source
from retina.ingest.fetch import (
    Fetcher,
    FetchResult,
    Throttled,
    Validators,
    backoff,
    host_key,
)
from retina.model import Article
from retina.store import Store
from retina.store.sources import (
    Source,
    get_source,
    known_items,
    publishing_interval,
    record_item,
    update_source,
)

MIN_INTERVAL = 5 * 60
MAX_INTERVAL = 24 * 3600
MAX_FAILURES = 8
MAX_NEW_ITEMS = 200
"""New items taken from one poll of one source; the rest wait for the next poll (a feed
that suddenly lists thousands of unseen items is more likely broken than busy)."""
RETRY_BASE = 60.0


@dataclass(slots=True)
class SourceOutcome:
    """What polling one source did."""

    source: Source
    status: str  # "new items", "no new items", "not modified", "throttled", "failed"
    stored: int = 0
    from_page: int = 0
    from_feed: int = 0
    deferred: int = 0
    """New items left for a later poll: their host asked to wait."""
    wait: float = 0.0
    """The longest wait a host asked for while the items were fetched."""
    item_failures: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class PollReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def stored(self) -> int:
        return sum(o.stored for o in self.outcomes)

    def summary(self) -> str:
        """One line: how many sources were polled, by outcome, and the articles stored."""
        return (
            f"{len(self.outcomes)} sources polled: {self.count('new items')} with new items, "
            f"{self.count('not modified')} not modified, {self.count('throttled')} asked to "
            f"wait, {self.count('failed')} failed; {self.stored} articles stored"
        )


Progress = Callable[[SourceOutcome, int, int], None]


async def poll_sources(
    store: Store,
    fetcher: Fetcher,
    due: list[Source],
    *,
    on_progress: Progress | None = None,
) -> PollReport:
    """Poll `due` sources: every host at once, each host's sources one after the other
    (`per_host` lanes per host). A source waiting for its host's turn (the per-host delay)
    holds up no other host; the HTTP client's connection pool bounds the sockets open."""
    report = PollReport()

    async def lane(sources: list[Source]) -> None:
        for source in sources:
            outcome = await poll_source(store, fetcher, source)
            report.outcomes.append(outcome)
            if on_progress is not None:
                on_progress(outcome, len(report.outcomes), len(due))

    await asyncio.gather(*(lane(sources) for sources in _lanes(due, fetcher.settings.per_host)))
    return report


def _lanes(due: list[Source], per_host: int) -> list[list[Source]]:
    """`due` split by host, each host's sources dealt into at most `per_host` lanes."""
    by_host: dict[str, list[Source]] = defaultdict(list)
    for source in due:
        by_host[host_key(source.url)].append(source)
    lanes = []
    for sources in by_host.values():
        count = max(1, min(per_host, len(sources)))
        lanes += [sources[start::count] for start in range(count)]
    return lanes


async def poll_source(store: Store, fetcher: Fetcher, source: Source) -> SourceOutcome:
    """Poll one source and record its new state; never raises for the source's faults.

    Parsing and the store's work run in threads, so that the event loop goes on with
    other hosts' requests meanwhile (a commit waits on the disk, feedparser takes
    10–400 ms on a large feed)."""
    now = datetime.now(UTC)
    validators = Validators(source.etag, source.last_modified)
    try:
        result = await fetcher.fetch(source.url, validators=validators)
        parsed = None if result.not_modified else await asyncio.to_thread(_parse_feed, result)
    except Throttled as error:
        return await asyncio.to_thread(_throttled, store, source, error, now)
    except RetinaError as error:
        return await asyncio.to_thread(_failed, store, source, str(error), now)
    if parsed is None:
        await asyncio.to_thread(_succeeded, store, source, result, now, "not modified")
        return SourceOutcome(source, "not modified")
    seen = await asyncio.to_thread(known_items, store, source.id)
    new = [item for item in parsed.items if item.key not in seen][:MAX_NEW_ITEMS]
    outcome = SourceOutcome(source, "new items" if new else "no new items")
    # A source's pages are mostly on one host, which serves `per_host` at a time anyway:
    # fetching no more at once keeps at most that many pages per lane waiting in memory.
    pages = asyncio.Semaphore(max(1, fetcher.settings.per_host))
    storing = asyncio.Lock()  # one item stored at a time: `outcome` is counted in order

    async def take(item: FeedItem) -> None:
        """Fetch and clean the item, and store it at once: a poll stopped halfway keeps
        what it had, and the next poll goes on from there."""
        article, text_from, error = await _item_article(fetcher, item, pages, parsed.title)
        async with storing:
            await asyncio.to_thread(
                _store_item, store, source, item, article, text_from, error, outcome
            )

    await asyncio.gather(*(take(item) for item in new))
    await asyncio.to_thread(
        _succeeded, store, source, result, now, outcome.status, parsed, outcome.wait
    )
    return outcome


def _store_item(
    store: Store,
    source: Source,
    item: FeedItem,
    article: Article | None,
    text_from: str | Throttled | None,
    error: str | None,
    outcome: SourceOutcome,
) -> None:
    """Store an item's article (if it has one) and record the item, counted in `outcome`.
    An item whose host asked to wait is not recorded: the next poll takes it again."""
    if isinstance(text_from, Throttled):
        outcome.deferred += 1
        outcome.wait = max(outcome.wait, text_from.wait)
        return
    article_id = None
    if article is not None:
        _fill_from_item(article, item, source)
        try:
            article_id = store.upsert(article, key=article.url or item.key).id
        except RetinaError as store_error:
            article, text_from, error = None, None, str(store_error)
    if article is None:
        outcome.item_failures.append((item.url or item.key, error or "no article"))
    else:
        outcome.stored += 1
        outcome.from_page += text_from == "page"
        outcome.from_feed += text_from == "feed"
    record_item(
        store,
        source.id,
        item.key,
        url=item.url,
        published=item.published,
        article_id=article_id,
        text_from=text_from if article_id else None,
        error=error if not article_id else None,
    )


def _parse_feed(result: FetchResult) -> ParsedSource:
    parsed = parse_source(result.body, url=result.final_url, content_type=result.content_type)
    if parsed.kind == "html":
        raise FetchError(f"{result.final_url}: an HTML page, not a feed")
    if parsed.kind == "sitemap_index":
        raise FetchError(
            f"{result.final_url}: a sitemap index; `retina source add` follows its sitemaps"
        )
    return parsed


async def _item_article(
    fetcher: Fetcher, item: FeedItem, pages: asyncio.Semaphore, site: str | None
) -> tuple[Article | None, str | Throttled | None, str | None]:
    """The item's article: from its page, else from the feed's content. Returns the
    article, where its text came from, and why the page could not be used; where is the
    `Throttled` error when the page's host asked to wait (the item is left for later)."""
    page_error = "the item has no link"
    if item.url:
        try:
            async with pages:
                page = await fetcher.fetch(item.url)
                article = await asyncio.to_thread(
                    clean, page.body, url=page.final_url, content_type=page.content_type
                )
            return article, "page", None
        except Throttled as error:
            return None, error, str(error)
        except RetinaError as error:
            page_error = str(error)
    feed_html = item.content or item.summary
    if feed_html:
        try:
            page_html = _as_page(item, feed_html, site)
            article = await asyncio.to_thread(clean, page_html, url=item.url, keep_listing=True)
            return article, "feed", None
        except RetinaError as error:
            return None, None, f"{page_error}; the feed's text: {error}"
    return None, None, page_error


def _as_page(item: FeedItem, content: str, site: str | None) -> str:
    """A feed's HTML content as a page the cleaner reads (text is escaped as text). The
    feed's title names the site, so that the text's credit to the site itself (WordPress's
    "The post … appeared first on <site>.") is no origin."""
    body = content if "<" in content else f"<p>{html.escape(content)}</p>"
    title = html.escape(item.title or "")
    named = f'<meta property="og:site_name" content="{html.escape(site)}">' if site else ""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{named}</head>"
        f"<body><article>{body}</article></body></html>"
    )


def _fill_from_item(article: Article, item: FeedItem, source: Source) -> None:
    """What the page lacks, the feed may say."""
    article.title = article.title or item.title
    article.published = article.published or item.published
    article.authors = article.authors or list(item.authors)
    article.url = article.url or item.url
    article.section = article.section or source.section


def _succeeded(
    store: Store,
    source: Source,
    result: FetchResult,
    now: datetime,
    status: str,
    parsed: ParsedSource | None = None,
    wait: float = 0.0,
) -> None:
    # The publishing rate changes only when new items came.
    learned = _learned_interval(store, source) if status == "new items" else source.interval
    interval = source.interval_override or learned
    next_poll = now + timedelta(seconds=max(interval, wait))
    described: dict[str, Any] = {}
    if parsed is not None:  # an imported source learns what it is at its first poll
        described = {"kind": str(parsed.kind), "title": source.title or parsed.title}
    if result.moved_to and get_source(store, result.moved_to) is None:
        # Moved for good: follow the new URL, where its validators belong.
        described["url"] = result.moved_to
    update_source(
        store,
        source.id,
        **described,
        etag=result.validators.etag or source.etag,
        last_modified=result.validators.last_modified or source.last_modified,
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=next_poll,
        interval=interval,
        failures=0,
        last_status=status,
        last_error=None,
    )


def _learned_interval(store: Store, source: Source) -> int:
    gap = publishing_interval(store, source.id)
    if gap is None:
        return source.interval
    return int(min(MAX_INTERVAL, max(MIN_INTERVAL, gap.total_seconds())))


def _failed(store: Store, source: Source, error: str, now: datetime) -> SourceOutcome:
    failures = source.failures + 1
    disabled = (
        f"disabled after {failures} failures in a row; last: {error}"
        if failures >= MAX_FAILURES
        else None
    )
    wait = RETRY_BASE + backoff(failures, RETRY_BASE, MAX_INTERVAL)
    update_source(
        store,
        source.id,
        last_polled_at=now,
        next_poll_at=now + timedelta(seconds=wait),
        failures=failures,
        last_status="failed",
        last_error=error,
        disabled_reason=disabled,
    )
    return SourceOutcome(source, "failed", error=error)


def _throttled(store: Store, source: Source, error: Throttled, now: datetime) -> SourceOutcome:
    """The host asked to wait: the next poll is no sooner than it said. Not a failure of
    the source, so it does not count towards disabling it."""
    wait = max(error.wait, RETRY_BASE)
    update_source(
        store,
        source.id,
        last_polled_at=now,
        next_poll_at=now + timedelta(seconds=wait),
        last_status="throttled",
        last_error=str(error),
    )
    return SourceOutcome(source, "throttled", error=str(error))
