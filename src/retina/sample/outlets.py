"""Invented news outlets: names, addresses, house style, page family, server behaviour.

Each newsroom outlet gets one HTML template family (cycled so a small web still shows
them all), its own URL pattern, feed style and robots rules. One extra outlet is an
aggregator that republishes other outlets' stories as plain-text dumps, like the
seed article.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from retina.sample import vocabulary as vocab
from retina.sample.events import SECTIONS, invent_person
from retina.sample.randomness import rng_for

HTML_FAMILIES = ("broadsheet", "modern", "tabloid", "wire", "magazine", "portal")
TEXT_DUMP = "text-dump"

# How each family names its sections in URLs and navigation (canonical -> label).
_SECTION_ALIASES = {
    "world": ("World", "International"),
    "politics": ("Politics",),
    "business": ("Business", "Economy", "Money"),
    "technology": ("Technology", "Tech"),
    "science": ("Science",),
    "sport": ("Sport", "Sports"),
    "culture": ("Culture", "Arts"),
    "health": ("Health", "Wellbeing"),
}
_TIMEZONES = (0, 60, -300, 120, 330, -180, 600, 0, 180, -420)  # minutes east of UTC
_TRACKING = (
    None,
    "utm_source=rss&utm_medium=feed",
    "ref=rss",
    "utm_source=feed&utm_campaign=headlines",
)


@dataclass(frozen=True, slots=True)
class Style:
    """House style: how the outlet writes numbers, dates, quotes and headlines."""

    thousands: str  # "," or ""
    percent: str  # "{} per cent", "{} percent" or "{}%"
    money: str  # "short" ($420m), "long" ($420 million) or "words" (420 million dollars)
    day_first: bool  # "14 May" or "May 14"
    curly_quotes: bool
    title_case: bool


@dataclass(frozen=True, slots=True)
class Poll:
    """How the outlet's server behaves for pollers (used by `serve(..., flaky=True)`)."""

    ttl_minutes: int
    conditional_get: bool  # answers If-None-Match / If-Modified-Since with 304
    latency_ms: int
    error_rate: float  # share of requests answered 503 with Retry-After
    throttle_rate: float  # share of requests answered 429 with Retry-After

    def to_dict(self) -> dict[str, Any]:
        return {
            "ttl_minutes": self.ttl_minutes,
            "conditional_get": self.conditional_get,
            "latency_ms": self.latency_ms,
            "error_rate": self.error_rate,
            "throttle_rate": self.throttle_rate,
        }


@dataclass(frozen=True, slots=True)
class Outlet:
    """One publication. URLs are `origin + prefix + path`; files live under `folder`."""

    index: int
    name: str
    slug: str
    kind: str  # "newsroom" or "aggregator"
    family: str
    origin: str
    prefix: str
    utc_offset_minutes: int
    style: Style
    feed_content: str  # "full" or "summary"
    tracking: str | None  # query string added to links in the outlet's feeds
    disallow: tuple[str, ...]  # robots.txt paths, relative to the outlet's root
    crawl_delay: int | None
    poll: Poll
    staff: tuple[str, ...]
    section_labels: dict[str, str] = field(hash=False)
    tz: timezone = field(init=False, hash=False, compare=False)
    section_slugs: dict[str, str] = field(init=False, hash=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tz", timezone(timedelta(minutes=self.utc_offset_minutes)))
        slugs = {s: _slugify(label) for s, label in self.section_labels.items()}
        object.__setattr__(self, "section_slugs", slugs)

    @property
    def folder(self) -> str:
        return self.slug

    @property
    def base_url(self) -> str:
        return self.origin + self.prefix

    @property
    def is_text(self) -> bool:
        return self.family == TEXT_DUMP

    def url(self, path: str) -> str:
        """Absolute URL of a path relative to the outlet's root ("" is the front page)."""
        return f"{self.base_url}/{path}"

    def section_slug(self, section: str) -> str:
        return self.section_slugs[section]

    def feed_urls(self) -> dict[str, str]:
        return {
            "rss": self.url("rss.xml"),
            "atom": self.url("atom.xml"),
            "json": self.url("feed.json"),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "slug": self.slug,
            "kind": self.kind,
            "base_url": self.base_url + "/",
            "host": urlsplit(self.origin).hostname,
            "folder": self.folder,
            "front_page": self.url(""),
            "feeds": self.feed_urls(),
            "feed_content": self.feed_content,
            "feed_tracking": self.tracking,
            "sitemap": self.url("sitemap-news.xml"),
            "robots": {
                "url": self.url("robots.txt"),
                "disallow": [self.prefix + "/" + d for d in self.disallow],
                "crawl_delay": self.crawl_delay,
            },
            "template_family": self.family,
            "utc_offset_minutes": self.utc_offset_minutes,
            "sections": {s: self.section_labels[s] for s in SECTIONS},
            "staff": list(self.staff),
            "poll": self.poll.to_dict(),
        }


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def slugify(text: str, max_words: int = 8) -> str:
    """URL slug of a title: lower case, hyphens, at most `max_words` words."""
    return "-".join(_slugify(text).split("-")[:max_words])


def loopback_origin(base_url: str, index: int, per_outlet_hosts: bool) -> str:
    """The origin of outlet `index`: the base origin, or 127.0.0.<index+2> on the same port."""
    parts = urlsplit(base_url)
    if not per_outlet_hosts:
        return f"{parts.scheme}://{parts.netloc}"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://127.0.0.{index + 2}{port}"


def make_outlets(
    seed: int, count: int, base_url: str, *, per_outlet_hosts: bool = False
) -> list[Outlet]:
    """`count` newsroom outlets plus one aggregator, all with distinct names."""
    rng = rng_for(seed, "outlets")
    places = rng.sample(vocab.OUTLET_PLACES, k=min(count, len(vocab.OUTLET_PLACES)))
    names: list[str] = []
    slugs: set[str] = set()
    for i in range(count + 1):
        if i == count:
            name = f"The {rng.choice(vocab.AGGREGATOR_NAMES)}"
        else:
            the = "The " if rng.random() < 0.5 else ""
            name = f"{the}{places[i % len(places)]} {rng.choice(vocab.MASTHEAD_NOUNS)}"
        while _slugify(name.removeprefix("The ")) in slugs:
            name = f"{name} {rng.choice(('Online', 'Daily', 'Weekly', 'Extra'))}"
        slugs.add(_slugify(name.removeprefix("The ")))
        names.append(name)
    return [
        _make_outlet(rng_for(seed, "outlet", i), i, name, count, base_url, per_outlet_hosts)
        for i, name in enumerate(names)
    ]


def _make_outlet(
    rng: random.Random, index: int, name: str, count: int, base_url: str, per_outlet_hosts: bool
) -> Outlet:
    aggregator = index == count
    family = TEXT_DUMP if aggregator else HTML_FAMILIES[index % len(HTML_FAMILIES)]
    slug = _slugify(name.removeprefix("The "))
    style = Style(
        thousands=rng.choice((",", ",", "")),
        percent=rng.choice(("{} per cent", "{} percent", "{}%")),
        money=rng.choice(("short", "long", "words")),
        day_first=rng.random() < 0.6,
        curly_quotes=rng.random() < 0.6,
        title_case=family in ("tabloid", "portal") or rng.random() < 0.2,
    )
    disallow = ["search", "drafts/"] if rng.random() < 0.7 else ["search"]
    if rng.random() < 0.3:
        disallow.append("print/")
    poll = Poll(
        ttl_minutes=rng.choice((5, 15, 30, 60)),
        conditional_get=rng.random() < 0.75,
        latency_ms=rng.choice((5, 20, 50, 150, 400)),
        error_rate=rng.choice((0.0, 0.0, 0.01, 0.05)),
        throttle_rate=rng.choice((0.0, 0.0, 0.02)),
    )
    labels = {s: rng.choice(_SECTION_ALIASES[s]) for s in SECTIONS}
    staff = tuple(sorted({invent_person(rng) for _ in range(6)}))
    return Outlet(
        index=index,
        name=name,
        slug=slug,
        kind="aggregator" if aggregator else "newsroom",
        family=family,
        origin=loopback_origin(base_url, index, per_outlet_hosts),
        prefix="" if per_outlet_hosts else f"/{slug}",
        utc_offset_minutes=rng.choice(_TIMEZONES),
        style=style,
        feed_content="full" if (aggregator or rng.random() < 0.5) else "summary",
        tracking=rng.choice(_TRACKING),
        disallow=tuple(disallow),
        crawl_delay=rng.choice((None, None, 1, 2, 5)),
        poll=poll,
        staff=staff,
        section_labels=labels,
    )
