"""Per-outlet machine-readable documents: RSS 2.0, Atom, JSON Feed, news sitemap, robots.txt.

Feeds carry the newest articles; outlets with `feed_content == "full"` put the whole
main text in them (content:encoded, Atom content, content_html), the others only a
summary. Links in an outlet's feeds carry its tracking parameters, if it has any.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from retina.sample.article import HEADING, LIST_ITEM, QUOTE, ArticlePage
from retina.sample.outlets import Outlet
from retina.sample.templates import attr, text

FEED_ITEMS = 30
SITEMAP_ITEMS = 1000


@dataclass(frozen=True, slots=True)
class FeedItem:
    """What a feed or sitemap needs to know about one article."""

    id: str
    title: str
    url: str
    published: datetime
    updated: datetime | None
    authors: tuple[str, ...]
    section_label: str
    summary: str
    content_html: str | None

    @classmethod
    def from_page(cls, page: ArticlePage, *, with_content: bool) -> FeedItem:
        return cls(
            id=page.id,
            title=page.draft.title,
            url=page.url,
            published=page.published,
            updated=page.updated,
            authors=tuple(page.authors),
            section_label=page.section_label,
            summary=page.summary(),
            content_html=content_html(page) if with_content else None,
        )


def content_html(page: ArticlePage) -> str:
    """The main text as simple HTML, for full-content feeds."""
    out: list[str] = []
    in_list = False
    for block in page.draft.blocks:
        if in_list and block.kind != LIST_ITEM:
            out.append("</ul>")
            in_list = False
        if block.kind == LIST_ITEM:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{text(block.text)}</li>")
        elif block.kind == HEADING:
            out.append(f"<h{block.level or 2}>{text(block.text)}</h{block.level or 2}>")
        elif block.kind == QUOTE:
            out.append(f"<blockquote><p>{text(block.text)}</p></blockquote>")
        else:
            out.append(f"<p>{text(block.text)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _tracked(outlet: Outlet, url: str) -> str:
    return f"{url}?{outlet.tracking}" if outlet.tracking else url


def _tag(outlet: Outlet, item_id: str) -> str:
    return f"tag:{outlet.slug}.invalid,2024:{item_id}"


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def render_rss(outlet: Outlet, items: list[FeedItem], built: datetime) -> str:
    entries = []
    for item in items:
        parts = [
            f"<title>{text(item.title)}</title>",
            f"<link>{text(_tracked(outlet, item.url))}</link>",
            f'<guid isPermaLink="false">{text(_tag(outlet, item.id))}</guid>',
            f"<pubDate>{format_datetime(item.published)}</pubDate>",
            *(f"<dc:creator>{text(a)}</dc:creator>" for a in item.authors),
            f"<category>{text(item.section_label)}</category>",
            f"<description>{text(item.summary)}</description>",
        ]
        if item.content_html is not None:
            parts.append(f"<content:encoded>{_cdata(item.content_html)}</content:encoded>")
        entries.append("<item>\n" + "\n".join(parts) + "\n</item>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{text(outlet.name)}</title>\n<link>{text(outlet.url(''))}</link>\n"
        f"<description>Latest news from {text(outlet.name)}</description>\n"
        f"<language>en</language>\n<lastBuildDate>{format_datetime(built)}</lastBuildDate>\n"
        f"<ttl>{outlet.poll.ttl_minutes}</ttl>\n"
        f'<atom:link href="{attr(outlet.url("rss.xml"))}" rel="self" type="application/rss+xml"/>\n'
        + "".join(entries)
        + "</channel>\n</rss>\n"
    )


def render_atom(outlet: Outlet, items: list[FeedItem], built: datetime) -> str:
    entries = []
    for item in items:
        parts = [
            f"<title>{text(item.title)}</title>",
            f"<id>{text(_tag(outlet, item.id))}</id>",
            f'<link rel="alternate" type="text/html" href="{attr(_tracked(outlet, item.url))}"/>',
            f"<published>{item.published.isoformat()}</published>",
            f"<updated>{(item.updated or item.published).isoformat()}</updated>",
            *(f"<author><name>{text(a)}</name></author>" for a in item.authors),
            f'<category term="{attr(item.section_label)}"/>',
            f"<summary>{text(item.summary)}</summary>",
        ]
        if item.content_html is not None:
            parts.append(f'<content type="html">{text(item.content_html)}</content>')
        entries.append("<entry>\n" + "\n".join(parts) + "\n</entry>\n")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        f"<title>{text(outlet.name)}</title>\n<id>{text(_tag(outlet, 'feed'))}</id>\n"
        f"<updated>{built.isoformat()}</updated>\n"
        f'<link rel="self" type="application/atom+xml" href="{attr(outlet.url("atom.xml"))}"/>\n'
        f'<link rel="alternate" type="text/html" href="{attr(outlet.url(""))}"/>\n'
        f"<author><name>{text(outlet.name)}</name></author>\n" + "".join(entries) + "</feed>\n"
    )


def render_json_feed(outlet: Outlet, items: list[FeedItem]) -> str:
    feed_items = []
    for item in items:
        entry: dict[str, object] = {
            "id": _tag(outlet, item.id),
            "url": _tracked(outlet, item.url),
            "title": item.title,
            "summary": item.summary,
            "date_published": item.published.isoformat(),
        }
        if item.updated:
            entry["date_modified"] = item.updated.isoformat()
        if item.content_html is not None:
            entry["content_html"] = item.content_html
        else:
            entry["content_text"] = item.summary
        if item.authors:
            entry["authors"] = [{"name": a} for a in item.authors]
        entry["tags"] = [item.section_label]
        feed_items.append(entry)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.name,
        "home_page_url": outlet.url(""),
        "feed_url": outlet.url("feed.json"),
        "language": "en",
        "items": feed_items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def render_news_sitemap(outlet: Outlet, items: list[FeedItem]) -> str:
    """A sitemap.org urlset with Google News `news:news` entries."""
    rows = "".join(
        f"<url>\n<loc>{text(item.url)}</loc>\n"
        f"<lastmod>{(item.updated or item.published).isoformat()}</lastmod>\n"
        "<news:news>\n<news:publication>\n"
        f"<news:name>{text(outlet.name)}</news:name>\n<news:language>en</news:language>\n"
        "</news:publication>\n"
        f"<news:publication_date>{item.published.isoformat()}</news:publication_date>\n"
        f"<news:title>{text(item.title)}</news:title>\n</news:news>\n</url>\n"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + rows + "</urlset>\n"
    )


def render_robots(outlet: Outlet) -> str:
    """The outlet's robots.txt; paths are as seen from its host's root."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {outlet.prefix}/{path}" for path in outlet.disallow]
    if outlet.crawl_delay:
        lines.append(f"Crawl-delay: {outlet.crawl_delay}")
    lines += ["", "User-agent: GreedyBot", "Disallow: /", ""]
    lines.append(f"Sitemap: {outlet.url('sitemap-news.xml')}")
    return "\n".join(lines) + "\n"


def render_root_robots(outlets: list[Outlet]) -> str:
    """robots.txt for the shared host: every outlet's Disallow lines under its prefix."""
    lines = ["User-agent: *"]
    for outlet in outlets:
        lines += [f"Disallow: /{outlet.folder}/{path}" for path in outlet.disallow]
    lines += ["", "User-agent: GreedyBot", "Disallow: /", ""]
    lines += [f"Sitemap: {outlet.url('sitemap-news.xml')}" for outlet in outlets]
    return "\n".join(lines) + "\n"
