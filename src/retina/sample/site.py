"""Writing a whole sample web to a folder: pages, listings, feeds, truth, manifest.

Stories are split into ranges built in one process or several (`workers`); each
range writes its article pages and a part of truth.jsonl as it goes and returns only
small per-outlet indexes (titles and URLs for listings, the newest items for feeds
and sitemaps), so 100,000 articles fit comfortably in memory. The parts are joined in
story order, so the output never depends on the number of workers. File modification
times are the pages' own dates, so the server's Last-Modified headers are stable too.
"""

from __future__ import annotations

import heapq
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from retina.sample.article import ArticlePage
from retina.sample.corpus import MEDIA_FILES, WINDOW_END, Corpus, StoryPlan, plan_stories
from retina.sample.errors import SampleWebError
from retina.sample.feeds import (
    FEED_ITEMS,
    SITEMAP_ITEMS,
    FeedItem,
    render_atom,
    render_json_feed,
    render_news_sitemap,
    render_robots,
    render_root_robots,
    render_rss,
)
from retina.sample.hostile import HostileOptions, HostileWriter
from retina.sample.outlets import Outlet, make_outlets
from retina.sample.templates import (
    ListItem,
    render_about_page,
    render_article,
    render_drafts_page,
    render_listing,
    render_media,
    render_site_index,
)
from retina.sample.truth import HOSTILE_TRUTH_FILE, TRUTH_FILE, article_truth, dumps

DEFAULT_BASE_URL = "http://127.0.0.1:8765"
MANIFEST_FILE = "manifest.json"
OUTLETS_FILE = "outlets.json"
GENERATOR = "retina.sample"
SITE_TITLE = "Retina sample news web"
SECTION_PAGE_SIZE = 50
FRONT_PAGE_SIZE = 40
MAX_OUTLETS = 250  # per-outlet hosts use 127.0.0.2 ... 127.0.0.252
PARALLEL_FROM = 5000  # articles; below this, one process is faster than starting workers


@dataclass(frozen=True, slots=True)
class SamplePage:
    """One generated article page, as `iter_articles` yields it."""

    path: str
    url: str
    content_type: str
    body: bytes
    truth: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Summary:
    """What `generate` wrote, and how long it took."""

    folder: Path
    articles: int
    stories: int
    outlets: int
    feeds: int
    hostile_pages: int
    workers: int
    seconds: float


def content_type_of(path: str) -> str:
    """The Content-Type the sample server sends for a generated file."""
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return _CONTENT_TYPES.get(suffix, "application/octet-stream")


_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "htm": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "svg": "image/svg+xml",
    "gz": "application/gzip",
}


def iter_articles(
    seed: int = 1,
    outlets: int = 8,
    articles: int = 400,
    *,
    base_url: str = DEFAULT_BASE_URL,
    per_outlet_hosts: bool = False,
) -> Iterator[SamplePage]:
    """The article pages of a sample web, in memory: no files, no feeds or listings.

    Yields exactly what `generate` with the same arguments writes for these pages.
    """
    base_url = check_arguments(outlets, articles, base_url, per_outlet_hosts)
    outlet_list = make_outlets(seed, outlets, base_url, per_outlet_hosts=per_outlet_hosts)
    for page in Corpus(seed, outlet_list, articles):
        yield SamplePage(
            path=page.file_path,
            url=page.url,
            content_type=content_type_of(page.file_path),
            body=render_article(page).encode("utf-8"),
            truth=article_truth(page),
        )


def check_arguments(outlets: int, articles: int, base_url: str, per_outlet_hosts: bool) -> str:
    """Validate generator arguments; returns the base URL without a trailing slash."""
    if not 1 <= outlets <= MAX_OUTLETS:
        raise SampleWebError(f"--outlets must be between 1 and {MAX_OUTLETS}, not {outlets}")
    if articles < 1:
        raise SampleWebError(f"--articles must be at least 1, not {articles}")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SampleWebError(f"base URL must look like http://host:port, not {base_url!r}")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise SampleWebError(f"base URL must have no path, query or fragment: {base_url!r}")
    if per_outlet_hosts and (parts.scheme != "http" or parts.hostname != "127.0.0.1"):
        raise SampleWebError("per-outlet hosts need a base URL on http://127.0.0.1")
    return base_url.rstrip("/")


def generate(
    out_dir: str | Path,
    *,
    seed: int = 1,
    outlets: int = 8,
    articles: int = 400,
    hostile: bool = False,
    base_url: str = DEFAULT_BASE_URL,
    per_outlet_hosts: bool = False,
    hostile_options: HostileOptions | None = None,
    workers: int | None = None,
) -> Summary:
    """Write a sample news web to `out_dir`; same arguments, byte-identical files.

    An existing `out_dir` must be empty or a previous sample web (which is replaced).
    `workers` processes share the article pages (default: one for small webs, else
    one per CPU, at most eight); the output does not depend on how many.
    """
    started = time.perf_counter()
    base_url = check_arguments(outlets, articles, base_url, per_outlet_hosts)
    root = _prepare(Path(out_dir))
    context = _Context(str(root), seed, outlets, articles, base_url, per_outlet_hosts)
    outlet_list, plans = context.outlets_and_plans()
    if workers is None:  # measured: two processes on two CPUs take 49 s for 100k, one 83 s
        workers = 1 if articles < PARALLEL_FROM else max(1, min(8, os.cpu_count() or 1))
    ranges = _story_ranges(plans, 1 if workers <= 1 else workers * 4)
    if len(ranges) == 1:
        chunks = [_build_chunk(Corpus(seed, outlet_list, articles, plans), root, *ranges[0], 0)]
    else:
        spawn = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(workers, spawn, initializer=_start_worker, initargs=(context,))
        with pool:
            chunks = list(pool.map(_run_worker_chunk, ranges, range(len(ranges))))
    _join_truth(root, chunks)
    builder = _SiteBuilder(root, outlet_list)
    for chunk in chunks:
        builder.merge(chunk)
    feeds = builder.write_outlet_files()
    hostile_count = 0
    if hostile:
        cases = HostileWriter(root, base_url, seed, hostile_options or HostileOptions()).write_all()
        with (root / HOSTILE_TRUTH_FILE).open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(dumps(case.truth) for case in cases)
        for case in cases:
            builder.routes.update(case.routes)
        hostile_count = len(cases)
    builder.write_file("index.html", render_site_index(SITE_TITLE, outlet_list), WINDOW_END)
    builder.write_file("robots.txt", render_root_robots(outlet_list), WINDOW_END)
    outlets_json = json.dumps([o.to_dict() for o in outlet_list], ensure_ascii=False, indent=2)
    builder.write_file(OUTLETS_FILE, outlets_json + "\n", WINDOW_END)
    manifest = {
        "generator": GENERATOR,
        "format_version": 1,
        "seed": seed,
        "outlets": outlets,
        "articles": articles,
        "hostile": hostile,
        "base_url": base_url,
        "per_outlet_hosts": per_outlet_hosts,
        "hosts": {base_url: "", **{o.origin: o.folder for o in outlet_list if o.prefix == ""}},
        "counts": {
            "articles": articles,
            "stories": len(plans),
            "feeds": feeds,
            "hostile_pages": hostile_count,
        },
        "routes": builder.routes,
    }
    builder.write_file(MANIFEST_FILE, json.dumps(manifest, indent=2) + "\n", WINDOW_END)
    return Summary(
        folder=root,
        articles=articles,
        stories=len(plans),
        outlets=len(outlet_list),
        feeds=feeds,
        hostile_pages=hostile_count,
        workers=max(1, min(workers, len(ranges))),
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True, slots=True)
class _Context:
    """What a worker process needs to rebuild the outlets and story plans."""

    root: str
    seed: int
    outlets: int
    articles: int
    base_url: str
    per_outlet_hosts: bool

    def outlets_and_plans(self) -> tuple[list[Outlet], list[StoryPlan]]:
        outlet_list = make_outlets(
            self.seed, self.outlets, self.base_url, per_outlet_hosts=self.per_outlet_hosts
        )
        return outlet_list, plan_stories(self.seed, outlet_list, self.articles)


@dataclass(slots=True)
class _Chunk:
    """What building a range of stories produced, besides the page files."""

    truth_part: str
    listings: dict[tuple[int, str], list[tuple[float, int, str, str, datetime]]]
    feed: dict[int, list[tuple[float, int, FeedItem]]]
    sitemap: dict[int, list[tuple[float, int, FeedItem]]]
    routes: dict[str, dict[str, Any]]


_worker: tuple[Corpus, Path] | None = None


def _start_worker(context: _Context) -> None:
    global _worker
    outlet_list, plans = context.outlets_and_plans()
    _worker = Corpus(context.seed, outlet_list, context.articles, plans), Path(context.root)


def _run_worker_chunk(story_range: tuple[int, int], part: int) -> _Chunk:
    assert _worker is not None, "worker process not initialised"
    corpus, root = _worker
    return _build_chunk(corpus, root, *story_range, part)


def _story_ranges(plans: list[StoryPlan], parts: int) -> list[tuple[int, int]]:
    """Split the stories into about `parts` ranges with similar numbers of pages."""
    total = sum(len(p.pages) for p in plans)
    ranges: list[tuple[int, int]] = []
    start = pages = 0
    for i, plan in enumerate(plans):
        pages += len(plan.pages)
        if pages * parts >= total * (len(ranges) + 1) or i == len(plans) - 1:
            ranges.append((start, i + 1))
            start = i + 1
    return ranges


def _build_chunk(corpus: Corpus, root: Path, first: int, stop: int, part: int) -> _Chunk:
    """Write the article pages of stories first .. stop - 1 and a part of the truth file."""
    writer = _FileWriter(root)
    chunk = _Chunk(f".truth-{part:04d}.jsonl", {}, {}, {}, {})
    with (root / chunk.truth_part).open("w", 1 << 20, encoding="utf-8", newline="\n") as truth:
        for page in corpus.pages(first, stop):
            outlet = page.outlet
            writer.write_file(page.file_path, render_article(page), page.updated or page.published)
            truth.write(dumps(article_truth(page)))
            stamp = page.published.timestamp()
            chunk.listings.setdefault((outlet.index, page.section), []).append(
                (stamp, page.number, page.draft.title, page.url, page.published)
            )
            for alias in page.aliases:
                chunk.routes[f"{outlet.folder}/{alias}"] = {"redirect": page.url, "status": 301}
            full = outlet.feed_content == "full"
            _push(chunk.feed.setdefault(outlet.index, []), FEED_ITEMS, stamp, page, full)
            _push(chunk.sitemap.setdefault(outlet.index, []), SITEMAP_ITEMS, stamp, page, False)
    return chunk


def _join_truth(root: Path, chunks: list[_Chunk]) -> None:
    """Concatenate the chunks' truth parts, in story order, into truth.jsonl."""
    with (root / TRUTH_FILE).open("wb") as out:
        for chunk in chunks:
            part = root / chunk.truth_part
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
            part.unlink()


def _prepare(root: Path) -> Path:
    """Make `root` an empty folder, replacing a previous sample web but nothing else."""
    if root.exists():
        if not root.is_dir():
            raise SampleWebError(f"{root}: exists and is not a folder")
        if any(root.iterdir()):
            try:
                manifest = json.loads((root / MANIFEST_FILE).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest = {}
            if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
                raise SampleWebError(
                    f"{root}: folder is not empty and is not a sample web; refusing to overwrite"
                )
            shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    return root


class _FileWriter:
    """Writes files under the output folder, creating each folder once."""

    def __init__(self, root: Path):
        self.root = root
        self._dirs: set[str] = set()

    def write_file(self, path: str, data: str | bytes, modified: datetime) -> None:
        """Write `path`, dated `modified` (the server's Last-Modified)."""
        folder, _, _ = path.rpartition("/")
        if folder and folder not in self._dirs:
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            self._dirs.add(folder)
        full = os.path.join(self.root, path)
        with open(full, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        stamp = modified.timestamp()
        os.utime(full, (stamp, stamp))


class _SiteBuilder(_FileWriter):
    """Writes everything but the article pages, from the chunks' merged indexes."""

    def __init__(self, root: Path, outlets: list[Outlet]):
        super().__init__(root)
        self.outlets = outlets
        self.routes: dict[str, dict[str, Any]] = {}
        self._listings: dict[tuple[int, str], list[tuple[float, int, str, str, datetime]]] = {}
        self._feed: dict[int, list[tuple[float, int, FeedItem]]] = {o.index: [] for o in outlets}
        self._sitemap: dict[int, list[tuple[float, int, FeedItem]]] = {o.index: [] for o in outlets}

    def merge(self, chunk: _Chunk) -> None:
        for key, entries in chunk.listings.items():
            self._listings.setdefault(key, []).extend(entries)
        for index, items in chunk.feed.items():
            self._feed[index] = heapq.nlargest(FEED_ITEMS, self._feed[index] + items, key=_order)
        for index, items in chunk.sitemap.items():
            merged = self._sitemap[index] + items
            self._sitemap[index] = heapq.nlargest(SITEMAP_ITEMS, merged, key=_order)
        self.routes.update(chunk.routes)

    def write_outlet_files(self) -> int:
        """Front and section pages, feeds, sitemap, robots.txt, about, drafts, media."""
        feeds = 0
        for outlet in self.outlets:
            feed_items = _newest(self._feed[outlet.index])
            newest = feed_items[0].published if feed_items else WINDOW_END
            self._write_listings(outlet, newest)
            here = outlet.folder
            self.write_file(f"{here}/rss.xml", render_rss(outlet, feed_items, newest), newest)
            self.write_file(f"{here}/atom.xml", render_atom(outlet, feed_items, newest), newest)
            self.write_file(f"{here}/feed.json", render_json_feed(outlet, feed_items), newest)
            feeds += 3
            sitemap = render_news_sitemap(outlet, _newest(self._sitemap[outlet.index]))
            self.write_file(f"{here}/sitemap-news.xml", sitemap, newest)
            self.write_file(f"{here}/robots.txt", render_robots(outlet), WINDOW_END)
            self.write_file(f"{here}/about.html", render_about_page(outlet), WINDOW_END)
            if "drafts/" in outlet.disallow:
                self.write_file(f"{here}/drafts/index.html", render_drafts_page(outlet), WINDOW_END)
            for i in range(MEDIA_FILES):
                self.write_file(f"{here}/media/{i}.svg", render_media(i), WINDOW_END)
        return feeds

    def _write_listings(self, outlet: Outlet, newest: datetime) -> None:
        front: list[tuple[float, int, str, str, datetime]] = []
        for section in outlet.section_labels:
            entries = sorted(self._listings.get((outlet.index, section), []), reverse=True)
            front = heapq.nlargest(FRONT_PAGE_SIZE, front + entries[:FRONT_PAGE_SIZE])
            sec = outlet.section_slug(section)
            pages = max(1, -(-len(entries) // SECTION_PAGE_SIZE))
            for n in range(1, pages + 1):
                chunk = entries[(n - 1) * SECTION_PAGE_SIZE : n * SECTION_PAGE_SIZE]
                items: list[ListItem] = [(t, u, when) for _, _, t, u, when in chunk]
                newer = None if n == 1 else outlet.url(_section_page(sec, n - 1))
                older = outlet.url(_section_page(sec, n + 1)) if n < pages else None
                html = render_listing(
                    outlet, outlet.section_labels[section], items, newer=newer, older=older
                )
                file = f"{sec}/index.html" if n == 1 else f"{sec}/page/{n}.html"
                modified = chunk[0][4] if chunk else WINDOW_END
                self.write_file(f"{outlet.folder}/{file}", html, modified)
        extra = [("About us", outlet.url("about.html"))]
        if "drafts/" in outlet.disallow:
            extra.append(("Preview: unpublished drafts", outlet.url("drafts/")))
        items = [(t, u, when) for _, _, t, u, when in front]
        html = render_listing(outlet, outlet.name, items, extra_links=extra)
        self.write_file(f"{outlet.folder}/index.html", html, newest)


def _section_page(sec: str, n: int) -> str:
    return f"{sec}/" if n == 1 else f"{sec}/page/{n}"


def _order(entry: tuple[float, int, FeedItem]) -> tuple[float, int]:
    return entry[0], entry[1]


def _push(
    heap: list[tuple[float, int, FeedItem]],
    size: int,
    stamp: float,
    page: ArticlePage,
    with_content: bool,
) -> None:
    """Keep the `size` newest pages in `heap`, building feed items only for those."""
    if len(heap) < size:
        item = FeedItem.from_page(page, with_content=with_content)
        heapq.heappush(heap, (stamp, page.number, item))
    elif (stamp, page.number) > _order(heap[0]):
        item = FeedItem.from_page(page, with_content=with_content)
        heapq.heapreplace(heap, (stamp, page.number, item))


def _newest(heap: list[tuple[float, int, FeedItem]]) -> list[FeedItem]:
    return [item for _, _, item in sorted(heap, key=_order, reverse=True)]
