"""What a fetched document is, and its items: feeds, sitemaps, and pages that link feeds.

`parse_source(body, url=..., content_type=...)` reads:

- RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom with feedparser, which recovers the items of feeds
  that are not well-formed XML and gets their charset right (XML declaration, HTTP
  header, then UTF-8 / Windows-1252 guesses);
- JSON Feed 1.0/1.1 with the standard library (feedparser 6 does not read it);
- sitemaps (`urlset`, with or without Google News `news:news` entries) and sitemap
  indexes, with lxml, entities and network access off;
- HTML pages, for the feeds they declare with `<link rel="alternate">`.

A document that is none of these raises `InputError` with the reason. A DOCTYPE that
declares external entities or entities built from other entities (the "billion laughs")
is refused before any parser sees it. See docs/feeds.md for why feedparser.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin

from retina.errors import InputError
from retina.raw.crowded import MAX_ATTRIBUTES, crowded_tag
from retina.raw.decode import decode
from retina.url_parts import join_url, normalised_url, split_url

MAX_ITEMS = 5000
"""Items read from one document; a sitemap may list 50,000, the newest are kept."""


class SourceKind(StrEnum):
    RSS = "rss"
    RDF = "rdf"
    ATOM = "atom"
    JSON_FEED = "json_feed"
    NEWS_SITEMAP = "news_sitemap"
    SITEMAP = "sitemap"
    SITEMAP_INDEX = "sitemap_index"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed or sitemap. `key` identifies it within its source: the
    GUID/id, else the link, else a hash of its title and text."""

    key: str
    url: str | None
    title: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None
    content: str | None = None
    """The full text the feed carries (HTML), when it carries more than a summary."""


@dataclass(frozen=True, slots=True)
class ParsedSource:
    """A parsed document: its kind, title and items, or (HTML, sitemap index) the URLs
    it points to. `recovered` says what was wrong with a document read leniently."""

    kind: SourceKind
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    feed_links: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    recovered: str | None = None


def parse_source(body: bytes, *, url: str, content_type: str | None = None) -> ParsedSource:
    """Read `body` (fetched from `url`); `InputError` when it is no feed, sitemap or page."""
    if not body.strip():
        raise InputError(f"{url}: empty document")
    head = _head(body)
    media = (content_type or "").split(";")[0].strip().lower()
    if head.startswith(("{", "[")):  # by the body: a Content-Type is often wrong for feeds
        return _json_feed(body, url)
    _refuse_entities(_head(body, 65536), url)
    root = _root_name(head)
    if root in ("urlset", "sitemapindex"):
        return _sitemap(body, url)
    if root in ("rss", "feed", "rdf", "channel"):
        return _feed(body, url, content_type)
    if root in ("html", "head", "body") or media in ("text/html", "application/xhtml+xml"):
        return _html(body, url)
    return _feed(body, url, content_type, strict=True)


_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")


def _head(body: bytes, size: int = 4096) -> str:
    """The document's first bytes, loosely decoded, for sniffing (BOMs and UTF-16 too)."""
    start = body[:size]
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if start.startswith(bom):
            return start[len(bom) :].decode(codec, errors="ignore").lstrip()
    if start[:2] in (b"<\x00", b"\x00<"):
        return start.decode("utf-16-le" if start[0] else "utf-16-be", errors="ignore").lstrip()
    return start.decode("latin-1").lstrip()


def _root_name(head: str) -> str:
    """The local name of the first element after the prolog (XML declaration, comments,
    DOCTYPE), lower-cased; "" when there is none in the first bytes."""
    text = head
    while True:
        stripped = re.sub(r"^\s*(<\?[^>]*\?>|<!--.*?-->)", "", text, count=1, flags=re.S)
        stripped = re.sub(
            r"^\s*<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", stripped, count=1, flags=re.S | re.I
        )
        if stripped == text:
            break
        text = stripped
    match = _ROOT.match(text.lstrip())
    return match.group(1).split(":")[-1].lower() if match else ""


_ENTITY = re.compile(r"<!ENTITY\s+%?\s*[\w.:-]+\s+(SYSTEM|PUBLIC|(\"[^\"]*\"|'[^']*'))", re.I)


def _refuse_entities(head: str, url: str) -> None:
    """Refuse DOCTYPE entities that reach outside the document or expand other entities."""
    for match in _ENTITY.finditer(head):
        if match.group(1).upper() in ("SYSTEM", "PUBLIC"):
            raise InputError(f"{url}: the document declares an external entity (refused)")
        value = match.group(2)[1:-1]
        if re.search(r"&(?!#)", value) or "%" in value:
            raise InputError(
                f"{url}: the document declares entities built from entities "
                "(an entity-expansion attack; refused)"
            )


# -- RSS, RDF, Atom (feedparser) --

_VERSIONS = {"atom": SourceKind.ATOM, "rss090": SourceKind.RDF, "rss10": SourceKind.RDF}


def _feed(body: bytes, url: str, content_type: str | None, *, strict: bool = False) -> ParsedSource:
    import feedparser

    media = (content_type or "").split(";")[0].strip() or "application/xml"
    headers = {"content-location": url, "content-type": f"{media}; charset=utf-8"}
    utf8, added_lines = _as_utf8(body, url, content_type)
    _refuse_huge(utf8, url)  # what feedparser will read (decompressed, decoded)
    try:
        document = feedparser.parse(utf8, response_headers=headers, sanitize_html=True)
    except Exception as error:  # the lenient parser crashing on hostile input
        raise InputError(
            f"{url}: not a readable feed (the feed parser failed: {type(error).__name__})"
        ) from None
    version = document.get("version") or ""
    problem = document.get("bozo_exception") if document.get("bozo") else None
    if not version and not document.entries:
        reason = f" ({_describe(problem, added_lines)})" if problem else ""
        what = "not a feed, sitemap or HTML page" if strict else "not a readable feed"
        raise InputError(f"{url}: {what}{reason}")
    kind = next(
        (k for prefix, k in _VERSIONS.items() if version.startswith(prefix)), SourceKind.RSS
    )
    recovered = None
    if problem is not None and not _harmless(problem):
        recovered = f"read leniently: {_describe(problem, added_lines)}"
    items = _unique(_entry(entry, url) for entry in document.entries[:MAX_ITEMS])
    return ParsedSource(
        kind=kind,
        title=_text(document.feed.get("title")),
        items=items,
        recovered=recovered,
    )


_XML_DECLARATION = re.compile(r"^\s*<\?xml\s[^>]*?\?>")
_UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
"""Put first, on a line of its own: feedparser reads the encoding with a pattern that
backtracks through the whole first line, and a feed of one 600 kB line whose declaration
a hostile fragment broke held it for 26 s."""
_CHARACTER_REFERENCE = re.compile(r"&(amp;)?#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")


def _as_utf8(body: bytes, url: str, content_type: str | None) -> tuple[bytes, int]:
    """The feed as UTF-8 that declares itself so on a line of its own, with impossible
    character references replaced; and how many lines that added above the feed's own.

    Retina decodes the charset itself (`raw.decode`: BOM, valid UTF-8, declaration,
    then a bounded guess), because feedparser falls back to chardet on the whole
    document, which takes minutes on a few megabytes of undeclared text. A reference
    beyond Unicode ("&#xFFFFFFFF;") crashes feedparser's HTML sanitiser; it becomes U+FFFD.
    """
    try:
        text = decode(body, content_type=content_type).text
    except InputError as error:
        raise InputError(f"{url}: {error}") from None
    text = text.lstrip("\ufeff")
    declared = _XML_DECLARATION.match(text)
    if declared is not None:  # replaced, its line break too: the lines stay where they were
        removed = declared.group()
        text = text[declared.end() :]
        if text.startswith(("\r\n", "\n")):
            removed += text[: text.index("\n") + 1]
            text = text[text.index("\n") + 1 :]
        added_lines = 1 - removed.count("\n")
    else:
        added_lines = 1
    text = _UTF8_DECLARATION + text
    return _CHARACTER_REFERENCE.sub(_valid_reference, text).encode("utf-8"), added_lines


def _valid_reference(match: re.Match[str]) -> str:
    number = int(match.group(2), 16) if match.group(2) else int(match.group(3))
    if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF:
        return match.group(0)
    return f"&{match.group(1) or ''}#xFFFD;"


MAX_DEPTH = 200
"""Element nesting accepted in a feed; real feeds nest fewer than 20 (their HTML content
is escaped or CDATA). feedparser's lenient parser takes about 0.1 ms per open element,
so a hostile feed of nested tags would cost minutes of CPU."""


MAX_ELEMENTS = 50_000
"""Elements accepted in a feed: real feeds have 300–2,000, one of 5,000 items some 40,000;
feedparser reads about 13,000 a second, so this bounds one feed to a few seconds."""


def _refuse_huge(body: bytes, url: str) -> None:
    """`InputError` when elements nest deeper than `MAX_DEPTH`, number more than
    `MAX_ELEMENTS` or one holds more than `MAX_ATTRIBUTES` (real feeds have a handful;
    feedparser looks each one up among all the others, so 50,000 on one element held it
    for minutes). lxml counts in milliseconds, leniently, entities and network off."""
    import io

    from lxml import etree

    depth = 0
    count = 0
    events = etree.iterparse(
        io.BytesIO(body),
        events=("start", "end"),
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for event, element in events:
            if event == "end":
                depth -= 1
                element.clear()
                continue
            depth += 1
            count += 1
            if count > MAX_ELEMENTS:
                raise InputError(
                    f"{url}: more than {MAX_ELEMENTS:,} elements (refused, too large a feed)"
                )
            if depth > MAX_DEPTH:
                raise InputError(
                    f"{url}: elements nested more than {MAX_DEPTH} deep (refused, not a feed)"
                )
            if len(element.attrib) > MAX_ATTRIBUTES:
                raise InputError(
                    f"{url}: an element of more than {MAX_ATTRIBUTES:,} attributes"
                    " (refused, not a feed)"
                )
    except etree.XMLSyntaxError:
        return  # unreadable for lxml: feedparser's own recovery decides


def _harmless(problem: Exception) -> bool:
    """feedparser also flags a charset it had to guess; the text is right all the same."""
    return type(problem).__name__ in ("CharacterEncodingOverride", "NonXMLContentType")


def _describe(problem: object, added_lines: int = 0) -> str:
    """feedparser's parser error on one line: "<unknown>:3:0: syntax error" reads
    "syntax error at line 3, column 0", the line counted in the feed as it came (before
    `added_lines` were put above it)."""
    text = str(problem).strip().splitlines()[0] if str(problem).strip() else ""
    located = re.fullmatch(r"<unknown>:(\d+):(\d+): (.*)", text)
    if located:
        line = max(1, int(located.group(1)) - added_lines)
        return f"{located.group(3)} at line {line}, column {located.group(2)}"
    return text or type(problem).__name__


def _entry(entry: Any, base: str) -> FeedItem:
    link = _item_url(entry.get("link"), base)
    content = None
    for part in entry.get("content") or []:
        if part.get("value"):
            content = part["value"]
            break
    summary = _text(entry.get("summary"))
    if content is not None and summary and content.strip() == summary.strip():
        content = None  # feedparser fills summary from content: not a second text
    title = _text(entry.get("title"))
    published = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    authors = tuple(
        name
        for name in (
            _text(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)
        )
        if name
    )
    if not authors and _text(entry.get("author")):
        authors = (_text(entry.get("author")) or "",)
    key = _text(entry.get("id")) or link or _hash_key(title, summary, content)
    return FeedItem(
        key=key,
        url=link,
        title=title,
        published=published,
        authors=authors,
        summary=summary,
        content=content,
    )


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


# -- JSON Feed --


def _json_feed(body: bytes, url: str) -> ParsedSource:
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{url}: a JSON document that is not UTF-8") from None
    except ValueError as error:
        raise InputError(f"{url}: not valid JSON ({error})") from None
    except RecursionError:
        raise InputError(f"{url}: JSON nested too deeply to read") from None
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise InputError(f"{url}: JSON, but not a JSON Feed (no jsonfeed.org version)")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise InputError(f"{url}: a JSON Feed without an items list")
    feed_authors = _json_authors(document)
    items = []
    for raw in raw_items[:MAX_ITEMS]:
        if not isinstance(raw, dict):
            continue
        link = _item_url(_text(raw.get("url")) or _text(raw.get("external_url")), url)
        title = _text(raw.get("title"))
        html_content = _text(raw.get("content_html"))
        text_content = _text(raw.get("content_text"))
        summary = _text(raw.get("summary"))
        content = html_content or text_content
        if content and summary and content.strip() == summary.strip():
            content = None
        key = _text(raw.get("id")) or link or _hash_key(title, summary, content)
        items.append(
            FeedItem(
                key=key,
                url=link,
                title=title,
                published=_date(raw.get("date_published") or raw.get("date_modified")),
                authors=_json_authors(raw) or feed_authors,
                summary=summary or (text_content if not html_content else None),
                content=content,
            )
        )
    return ParsedSource(
        kind=SourceKind.JSON_FEED, title=_text(document.get("title")), items=_unique(items)
    )


def _json_authors(holder: dict[str, Any]) -> tuple[str, ...]:
    """JSON Feed 1.1 `authors`, or 1.0's single `author`."""
    found = holder.get("authors")
    if not isinstance(found, list):
        found = [holder["author"]] if isinstance(holder.get("author"), dict) else []
    return tuple(
        name for name in (_text(a.get("name")) for a in found if isinstance(a, dict)) if name
    )


# -- sitemaps --

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _sitemap(body: bytes, url: str) -> ParsedSource:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=True, load_dtd=False
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{url}: an unreadable sitemap ({error})") from None
    if root is None:
        raise InputError(f"{url}: an unreadable sitemap")
    local = str(root.tag).rpartition("}")[2]  # the recovering parser may keep a broken name
    if local == "sitemapindex":
        locations = [_http_url(_child_text(s, "loc"), url) for s in _children(root, "sitemap")]
        return ParsedSource(kind=SourceKind.SITEMAP_INDEX, sitemaps=[u for u in locations if u])
    items = []
    news = False
    for entry in _children(root, "url"):
        link = _item_url(_child_text(entry, "loc"), url)
        if link is None:
            continue
        title = None
        published = _date(_child_text(entry, "lastmod"))
        block = entry.find(f"{_NEWS_NS}news")
        if block is not None:
            news = True
            title = _text(_found_text(block, f"{_NEWS_NS}title"))
            published = _date(_found_text(block, f"{_NEWS_NS}publication_date")) or published
        items.append(FeedItem(key=link, url=link, title=title, published=published))
    # Newest first, so that a poll limited to some new items takes the latest ones.
    items.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    kind = SourceKind.NEWS_SITEMAP if news else SourceKind.SITEMAP
    return ParsedSource(kind=kind, items=_unique(items[:MAX_ITEMS]))


def _children(root: Any, name: str) -> list[Any]:
    """Elements `name` under the root, in the sitemap namespace or in none."""
    return root.findall(f"{_SITEMAP_NS}{name}") or root.findall(name)


def _child_text(element: Any, name: str) -> str | None:
    return _found_text(element, f"{_SITEMAP_NS}{name}") or _found_text(element, name)


def _found_text(element: Any, path: str) -> str | None:
    """`element.findtext(path)`, or None when the text is no UTF-8: the recovering parser
    keeps a reference to a surrogate ("&#xD800;") as bytes that lxml cannot decode."""
    try:
        return element.findtext(path)
    except UnicodeDecodeError:
        return None


# -- HTML pages that declare their feeds --

_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
)


def _html(body: bytes, url: str) -> ParsedSource:
    from lxml import etree
    from lxml import html as lxml_html

    if crowded_tag(body.decode("latin-1")):  # the markup's ASCII reads the same
        raise InputError(f"{url}: an element of more than {MAX_ATTRIBUTES:,} attributes (refused)")
    try:
        document = lxml_html.document_fromstring(body)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{url}: an unreadable HTML page ({error})") from None
    base = url
    for element in document.iter("base"):
        if element.get("href"):
            base = urljoin(url, element.get("href").strip())
            break
    links: list[str] = []
    for element in document.iter("link", "a"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rel or kind not in _FEED_TYPES:
            continue
        link = _http_url(element.get("href"), base)
        if link and link not in links:
            links.append(link)
    title = _text(document.findtext(".//title"))
    return ParsedSource(kind=SourceKind.HTML, title=title, feed_links=links)


# -- shared --


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _item_url(value: Any, base: str) -> str | None:
    """An item's link without tracking parameters (utm_*, fbclid...) or fragment: the page
    is the same, and one URL per article keeps it stored once."""
    url = _http_url(value, base)
    return normalised_url(url) if url else None


def _http_url(value: Any, base: str) -> str | None:
    """`value` as an absolute http(s) URL, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    absolute = join_url(base, value.strip())
    parts = split_url(absolute) if absolute else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _date(value: Any) -> datetime | None:
    """ISO 8601 / W3C datetime or RFC 822 date; naive times are taken as UTC."""
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _unique(items: Iterable[FeedItem]) -> list[FeedItem]:
    """Items in order, without empty ones (no link, title or text: nothing to read) and
    without repeats of a key (feeds do list an item twice); the first one counts."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.key in seen or not (item.url or item.title or item.summary or item.content):
            continue
        seen.add(item.key)
        kept.append(item)
    return kept


def _hash_key(*parts: str | None) -> str:
    digest = hashlib.sha256("\x00".join(p or "" for p in parts).encode()).hexdigest()
    return f"sha256:{digest[:32]}"
