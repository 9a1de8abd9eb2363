"""What a URL a user wants to follow is: a feed, a sitemap, or a page that links its feeds."""

from __future__ import annotations

from dataclasses import dataclass

from retina.errors import FetchError, InputError, StoreError
from retina.ingest.feeds import ParsedSource, parse_source
from retina.ingest.fetch import Fetcher
from retina.store import Store
from retina.store.sources import Source, add_source

MAX_CHILD_SITEMAPS = 50


@dataclass(frozen=True, slots=True)
class Discovered:
    """The URLs to follow for one user-given URL (one feed, or a sitemap index's sitemaps)."""

    given: str
    followed: list[tuple[str, ParsedSource]]
    note: str


async def discover(fetcher: Fetcher, url: str) -> Discovered:
    """Fetch `url` and find what to follow; `RetinaError` with the reason when nothing."""
    result = await fetcher.fetch(url)
    parsed = parse_source(result.body, url=result.final_url, content_type=result.content_type)
    if parsed.kind == "html":
        if not parsed.feed_links:
            raise InputError(f"{url}: an HTML page that declares no feed")
        errors = []
        for link in parsed.feed_links:
            try:
                feed = await fetcher.fetch(link)
                found = parse_source(feed.body, url=feed.final_url, content_type=feed.content_type)
            except (FetchError, InputError) as error:
                errors.append(str(error))
                continue
            if found.kind != "html":
                return Discovered(url, [(feed.final_url, found)], f"feed linked from {url}")
        raise InputError(f"{url}: none of its feeds could be read ({errors[0]})")
    if parsed.kind == "sitemap_index":
        children = []
        for sitemap_url in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
            try:
                child = await fetcher.fetch(sitemap_url)
                found = parse_source(
                    child.body, url=child.final_url, content_type=child.content_type
                )
            except (FetchError, InputError):
                continue
            children.append((child.final_url, found))
        if not children:
            raise InputError(f"{url}: a sitemap index whose sitemaps could not be read")
        return Discovered(url, children, f"{len(children)} sitemaps of the index {url}")
    return Discovered(url, [(result.final_url, parsed)], parsed.kind)


def follow(
    store: Store, found: Discovered, *, section: str | None = None, interval: int | None = None
) -> tuple[list[Source], list[str]]:
    """Follow what `discover` found: the sources added, and a message for each URL that was
    already followed (the others are added all the same)."""
    added: list[Source] = []
    known: list[str] = []
    for url, parsed in found.followed:
        try:
            added.append(
                add_source(
                    store,
                    url,
                    kind=str(parsed.kind),
                    title=parsed.title,
                    section=section,
                    interval=interval,
                )
            )
        except StoreError as error:
            known.append(str(error))
    return added, known
