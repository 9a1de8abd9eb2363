"""Article metadata from an HTML tree: JSON-LD first, then meta tags, then markup.

Publishers state metadata in several overlapping places; we prefer the most
structured (schema.org JSON-LD), then Open Graph / article:* / Dublin Core meta
tags, then visible markup (<time>, rel=author), and fall back to htmldate for dates.
The tree is only read, never modified.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from retina.clean.authors import find_authors
from retina.clean.byline_names import names_in_meta
from retina.clean.dates import parse_datetime
from retina.clean.info_line import info_source
from retina.clean.language import normalise_language_tag
from retina.clean.section_names import is_section_name
from retina.clean.tokens import undoubled
from retina.model import Image
from retina.raw.decode import repair_mojibake
from retina.url_parts import bare_host, join_url, normalised_url, split_url

_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_HATOM_DATE = "//abbr[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]/@title"
"""hAtom's `<abbr class="published" title="2024-10-12T09:30:00+01:00">9:30 AM</abbr>`."""
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
}
_TITLE_KEYS = (
    "dc:title",
    "dc.title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
)
_AUTHOR_KEYS = (
    "dc:creator",
    "dc.creator",
    "dcterm:creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:::|--|[|–—·•:»«-])\s+")
# CDATA sections and HTML comments some pages wrap their JSON-LD in ("//<![CDATA[ ... //]]>")
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_CJK_SEGMENT_SEPARATOR = re.compile(r"\s*[-_|｜—–]\s*")
_CJK_SITE_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{0,10}[网網报報]")
_STRONG_SEPARATOR = re.compile(r"\s+(?:::|--|[|–—»«·•])\s+")
_MAX_SITE_SEGMENT_WORDS = 3
_MIN_HEADLINE_WORDS = 3
_WORD = re.compile(r"\w+")
_MAX_HOME_LINKS = 400
_MAX_HOME_SLASHES = 4  # "https://host/prefix/": longer hrefs are no front-page links
_MAX_SITE_NAME_WORDS = 6
_MAX_SITE_NAME_CHARS = 60
_GENERIC_HOME_TEXTS = frozenset(
    "home homepage frontpage start startseite zurstartseite accueil inicio portada "
    "paginainicial inizio homepagina strona stronagłówna главная 首页 ホーム skiptocontent "
    "backtohome gotohomepage returntohomepage news aktuell aktuelles nachrichten noticias "
    "actualites notizie nieuws wiadomosci blog magazin magazine menu menü übersicht overview "
    "back zurück more mehr 新闻 新聞 新闻中心 新聞中心 首頁 资讯 資訊 ニュース トップ 뉴스 "
    "홈 willkommen welcome bienvenue bienvenido benvenuto".split()
)
"""A home link's text that names no site ("Home", "Startseite"), compacted (`_compact`)."""
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Metadata:
    """Metadata found in the page; every field optional."""

    title: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    site_name: str | None = None
    origin: str | None = None
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    images: list[Image] = field(default_factory=list)
    body: str | None = None
    """The article's text as the page declares it (JSON-LD `articleBody`): not shown, but a
    witness of which blocks are the article (`declared_body.py`)."""


def extract_metadata(tree: lxml_html.HtmlElement, url: str | None) -> Metadata:
    """Read metadata from a parsed page."""
    meta = _meta_tags(tree)
    canonical_link = _canonical_link(tree)
    linked = _linked_data(tree, (url, canonical_link, meta.get("og:url")))
    ld, ld_nodes = linked.article, linked.nodes
    publisher = _name_of(_resolved(ld.get("publisher"), ld_nodes))
    head_title = _head_title(tree)
    found = Metadata()
    found.site_name = _first(
        meta.get("og:site_name"),
        publisher,
        meta.get("application-name"),
        meta.get("twitter:site") if not (meta.get("twitter:site") or "").startswith("@") else None,
    )
    declared = [
        title.strip()
        for title in (
            _text(ld.get("headline")),
            _text(ld.get("name")) if ld.get("@type") != "WebPage" else None,
            *(meta.get(key) for key in _TITLE_KEYS),
        )
        if title and title.strip()
    ]
    site_names = _SiteNames(tree, url, found.site_name, publisher)
    title, from_document = _pick_title(declared, tree, head_title, site_names)
    title = _untruncated(title, tree)
    found.title = _clean_title(title, site_names, from_document=from_document)
    found.site_name = (
        _without_headline(found.site_name, (found.title, title))
        or _cjk_site_segment(head_title)
        or _shown_site_name(tree, url)
        or _site_segment(title, site_names)
        or _site_segment(head_title, site_names)
    )
    found.lead = _first(
        *(
            lead
            for lead in (
                _text(ld.get("description")),
                meta.get("og:description"),
                meta.get("description"),
            )
            if not _within_title(lead, found.title)
        )
    )
    ld_author = ld.get("author") or ld.get("creator")
    entries = ld_author if isinstance(ld_author, list) else [ld_author]
    found.authors = find_authors(
        tree,
        declared=[name for name in map(_name_of, entries) if name],
        meta_names=_meta_authors(meta, tree),
        referenced=[
            name for name in (_name_of(_resolved(entry, ld_nodes)) for entry in entries) if name
        ],
        head_title=head_title,
        own_names=(found.site_name, publisher),
    )
    found.title = _without_author_segment(found.title, found.authors)
    found.body = _lines(ld.get("articleBody"))
    found.published = _first_date(
        _text(ld.get("datePublished")),
        meta.get("article:published_time"),
        meta.get("og:published_time"),
        meta.get("datepublished"),
        meta.get("dc.date.issued"),
        meta.get("dc.date"),
        meta.get("date"),
        meta.get("pubdate"),
        meta.get("publishdate"),
        meta.get("sailthru.date"),
        lambda: (
            _xpath_attr(tree, "//*[@itemprop='datePublished']/@content")
            or _xpath_attr(tree, "//*[@itemprop='datePublished']/@datetime")
            # microformats' hAtom (Blogger, older WordPress themes): the date in a title
            or _iso(_xpath_attr(tree, "//abbr[@itemprop='datePublished']/@title"))
            or _iso(_xpath_attr(tree, _HATOM_DATE.format("published")))
        ),
        lambda: _xpath_attr(tree, "//time[@pubdate]/@datetime"),
        lambda: _xpath_attr(tree, "//article//time/@datetime"),
    )
    found.updated = _first_date(
        _text(ld.get("dateModified")),
        meta.get("article:modified_time"),
        meta.get("og:updated_time"),
        meta.get("datemodified"),
        meta.get("last-modified"),
        lambda: (
            _xpath_attr(tree, "//*[@itemprop='dateModified']/@content")
            or _xpath_attr(tree, "//*[@itemprop='dateModified']/@datetime")
            or _iso(_xpath_attr(tree, "//abbr[@itemprop='dateModified']/@title"))
            or _iso(_xpath_attr(tree, _HATOM_DATE.format("updated")))
        ),
    )
    if found.published is None:
        found.published = _htmldate(tree, url)
    published, updated = found.published, found.updated
    if updated is not None and published is not None and _naive(updated) <= _naive(published):
        found.updated = None
    found.section = _first(
        *map(
            _section_name,
            (
                meta.get("article:section"),
                _text(ld.get("articleSection")),
                meta.get("section"),
                meta.get("parsely-section"),
            ),
        )
    ) or _breadcrumb_section(
        linked.breadcrumbs or _microdata_crumbs(tree),
        (url, canonical_link),
        found.title,
        site_names,
    )
    if found.section and found.title and _compact(found.section) == _compact(found.title):
        found.section = None  # a template filling every field with the headline
    found.language = normalise_language_tag(
        _first(
            tree.get("lang"),
            tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
            meta.get("content-language"),
            meta.get("og:locale"),
            meta.get("dc.language"),
            _text(ld.get("inLanguage")),
        )
    )
    found.canonical_url = next(
        filter(
            None,
            (
                _canonical_address(link, url)
                for link in (canonical_link, meta.get("og:url"), _text(ld.get("url")))
            ),
        ),
        None,
    )
    found.origin = _credited_source(
        _first(
            meta.get("original-source"),
            meta.get("syndication-source"),
            _name_of(_first_item(ld.get("isBasedOn"))),
        ),
        (url, found.canonical_url),
    ) or info_source(tree, head_title)
    image = _first(meta.get("og:image"), meta.get("twitter:image"), _image_of(ld.get("image")))
    image_url = _absolute(image, url)
    if image_url:
        found.images.append(Image(url=image_url, alt=meta.get("og:image:alt")))
    return found


def _credited_source(source: str | None, own: tuple[str | None, ...]) -> str | None:
    """The publication the page credits as the source. Google's `original-source` and
    `syndication-source` tags hold the original's address: a page on the site's own host
    credits itself (the tag marks it the original), one elsewhere credits that host."""
    if not source or not source.startswith(("http://", "https://")):
        return source
    host = bare_host(source)
    if host is None or host in {bare_host(address) for address in own if address}:
        return None
    return host


def _document_title(
    tree: lxml_html.HtmlElement, title: str | None, site_names: _SiteNames
) -> str | None:
    """`title` (the page's <title>), or the page's one <h1> when <title> contains it (the
    h1 lacks the site name) or is only the site's name ("Harbour Times" over the headline).
    An <h1> repeated word for word (a sticky header, a print layout) is still one."""
    elements = [e for e in tree.iter("h1") if _element_text(e)]
    headings = list(dict.fromkeys(_element_text(e) for e in elements))
    if (
        title
        and len(headings) == 1
        and headings[0].casefold() in title.casefold()
        and not _names_the_site(elements[0], headings[0], title)
    ):
        return headings[0]
    if (
        title
        and len(headings) == 1
        and site_names.strictly(title)
        and not site_names.strictly(headings[0])
        and len(headings[0].split()) >= _MIN_HEADLINE_WORDS  # not a home page's "Welcome!"
    ):
        return headings[0]
    return title or (headings[0] if headings else _xpath_text(tree, "//h2"))


def _names_the_site(element: lxml_html.HtmlElement, heading: str, title: str) -> bool:
    """ "Harbour vote passes – Marlow Musings" with the `<h1>` "Marlow Musings": a theme that
    sets the site's name in the `<h1>` (and the post's title in an `<h2>`). The `<h1>` is
    the last segment of the title and a name, not a headline: a few words, or a link to
    the front page ("Bundespolizei - Aktuelles - <headline>" ends with the headline)."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators or title[separators[-1].end() :].casefold() != heading.casefold():
        return False
    if len(heading.split()) <= _MAX_SITE_SEGMENT_WORDS:
        return True
    links = [*element.iter("a"), *element.iterancestors("a")]
    return any(_links_home(a.get("href") or "") for a in links)


def _links_home(href: str) -> bool:
    """A link to a site's front page, on this host or given with another."""
    parts = split_url(href.strip())
    return parts is not None and parts.path in ("", "/")


def _site_segment(title: str | None, site_names: _SiteNames) -> str | None:
    """The last or first segment of a title that is the host name as the site writes it
    ("Mayor resigns amid probe - Springfield Daily" on springfield-daily.example): the
    site's name for a page that declares none. A front-page link's text is not enough:
    it may be "Übersicht", or the page's own name."""
    separators = list(_TITLE_SEPARATORS.finditer(title or ""))
    if not title or not separators:
        return None
    for segment in (title[separators[-1].end() :], title[: separators[0].start()]):
        if site_names.is_host(segment):
            return segment.strip()
    return None


def _cjk_site_segment(title: str | None) -> str | None:
    """The last segment of a Chinese title when it names a site the way Chinese sites are
    named, "…网" or "…报" ("出国前后关注点大不同_教育频道_中国青年网", "… - 中国日报网"):
    before the text of a link home, which on a channel's subdomain names the channel
    ("时政")."""
    if not title:
        return None
    last = _CJK_SEGMENT_SEPARATOR.split(title.strip())[-1]
    return last if last != title.strip() and _CJK_SITE_NAME.fullmatch(last) else None


def _head_title(tree: lxml_html.HtmlElement) -> str | None:
    """The document's <title>, not an SVG's <title> in the body."""
    return _xpath_text(tree, "//head/title") or _xpath_text(tree, "//title[not(ancestor::svg)]")


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Meta tags by lower-cased name/property/itemprop/http-equiv; first occurrence wins.
    A value the site escaped twice ("get off my lawn&#8221;") is unescaped once more."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                for part in key.lower().split():
                    tags.setdefault(part, _SPACE.sub(" ", _unescaped(content)).strip())
    return tags


def _meta_values(tree: lxml_html.HtmlElement, key: str) -> list[str]:
    """The content of every meta tag named `key` (lower-cased), in document order."""
    values = []
    for element in tree.iter("meta"):
        content = element.get("content")
        if content and content.strip():
            names = (element.get(a) for a in ("property", "name", "itemprop", "http-equiv"))
            if any(key in name.lower().split() for name in names if name):
                values.append(_SPACE.sub(" ", _unescaped(content)).strip())
    return values


def is_json_ld(script: lxml_html.HtmlElement) -> bool:
    """Whether a `<script>` holds JSON-LD (its type in any case, spaces around)."""
    return (script.get("type") or "").strip().lower() == "application/ld+json"


@dataclass(slots=True)
class _LinkedData:
    """What the page's JSON-LD says: its article, its objects by "@id", and the items of
    its first breadcrumb trail."""

    article: dict[str, Any]
    nodes: dict[str, Any]
    breadcrumbs: list[Any]


def _linked_data(tree: lxml_html.HtmlElement, addresses: tuple[str | None, ...]) -> _LinkedData:
    """The page's JSON-LD article, and the page's JSON-LD objects by "@id": an SEO plugin's
    graph (Yoast's, on a great part of WordPress sites) describes the article's author and
    publisher once and refers to them (`_resolved`).

    The article is the object of an article type (in @graph or lists too) whose address
    is the page's (`url`, `@id` or `mainEntityOfPage`, against the page's URL, canonical
    link or `og:url`), else the first one: a page may describe other articles too, a
    teaser's story before its own."""
    articles: list[dict[str, Any]] = []
    fallback: dict[str, Any] = {}
    nodes: dict[str, Any] = {}
    breadcrumbs: list[Any] = []
    for script in tree.iter("script"):
        if not is_json_ld(script):
            continue
        try:
            data = json.loads(_LD_WRAPPER.sub("", script.text or ""), strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _walk_ld(data):
            node_id = item.get("@id")
            if isinstance(node_id, str) and len(item) > 1:
                nodes.setdefault(node_id, item)
            types = item.get("@type")
            listed = types if isinstance(types, list) else [types]
            names = {t.lower() for t in listed if isinstance(t, str)}
            if names & (_ARTICLE_TYPES - {"webpage"}):
                articles.append(item)
            elif "webpage" in names and not fallback:
                fallback = item
            elif "breadcrumblist" in names and not breadcrumbs:
                listed_items = item.get("itemListElement")
                breadcrumbs = listed_items if isinstance(listed_items, list) else []
    if len(articles) > 1:
        own = {_address_key(address) for address in addresses if address} - {""}
        for article in articles:
            if own & {_address_key(a) for a in _ld_addresses(article)}:
                return _LinkedData(article, nodes, breadcrumbs)
    return _LinkedData(articles[0] if articles else fallback, nodes, breadcrumbs)


_MAX_CRUMBS = 12
_MICRODATA_TRAIL = etree.XPath("//*[contains(@itemtype, 'BreadcrumbList')][1]")
_MICRODATA_CRUMBS = etree.XPath(".//*[@itemprop='itemListElement']")
_HOME_WORD = re.compile(r"\b(?:home|homepage|startseite|accueil|inicio|portada)\b", re.IGNORECASE)


def _microdata_crumbs(tree: lxml_html.HtmlElement) -> list[Any]:
    """The items of the page's first breadcrumb trail in microdata, as JSON-LD writes them
    ({"position", "name", "item"}), for a page that marks its trail up in the HTML."""
    trail = next(iter(_MICRODATA_TRAIL(tree)), None)
    if trail is None:
        return []
    crumbs = []
    for element in itertools.islice(_MICRODATA_CRUMBS(trail), _MAX_CRUMBS):
        name = next(iter(element.xpath(".//*[@itemprop='name']")), None)
        item = next(iter(element.xpath("descendant-or-self::*[@itemprop='item']")), None)
        position = next(iter(element.xpath(".//*[@itemprop='position']/@content")), "")
        crumbs.append(
            {
                "position": int(position) if position.isdigit() else 0,
                "name": (name.get("content") or _element_text(name)) if name is not None else None,
                "item": (item.get("href") or item.get("itemid")) if item is not None else None,
            }
        )
    return crumbs


def _breadcrumb_section(
    crumbs: list[Any],
    addresses: tuple[str | None, ...],
    title: str | None,
    site_names: _SiteNames,
) -> str | None:
    """The section a breadcrumb trail files the page under ("Home › News › Politics ›
    <headline>": "News", the first, as a path's first folder names it), without the
    front page (by its address, or its name: the site's, "Homepage"), the page itself (its
    address or its headline) and placeholders."""
    own = {_address_key(address) for address in addresses if address} - {""}
    headline = _compact(title or "")
    items = [c for c in crumbs[:_MAX_CRUMBS] if isinstance(c, dict)]
    items.sort(key=lambda c: c.get("position") if isinstance(c.get("position"), int) else 0)
    names = []
    for crumb in items:
        target = crumb.get("item")
        named = _text(target.get("name")) if isinstance(target, dict) else None
        name = named or _text(crumb.get("name"))
        address = target.get("@id") or target.get("url") if isinstance(target, dict) else target
        if not name or (headline and _compact(name) == headline) or site_names.strictly(name):
            continue
        if _HOME_WORD.search(name):
            continue
        if isinstance(address, str) and (_address_key(address) in own or _front_page(address)):
            continue
        names.append(name)
    return next(filter(None, map(_section_name, names)), None)


def _ld_addresses(item: dict[str, Any]) -> Iterator[str]:
    for key in ("url", "@id", "mainEntityOfPage"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            yield value


def _address_key(address: str) -> str:
    """An address compared without its scheme, "www.", query, fragment or closing slash."""
    parts = split_url(address.strip())
    if parts is None or not parts.hostname:
        return ""
    return parts.hostname.removeprefix("www.") + parts.path.rstrip("/")


def _resolved(value: Any, nodes: dict[str, Any]) -> Any:
    """A JSON-LD value that is a reference ({"@id": …}, no name), as the object it refers
    to; a list, item by item."""
    if isinstance(value, list):
        return [_resolved(entry, nodes) for entry in value]
    if isinstance(value, dict) and "name" not in value:
        node_id = value.get("@id")
        return nodes.get(node_id, value) if isinstance(node_id, str) else value
    return value


def _walk_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for entry in data:
            yield from _walk_ld(entry, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _walk_ld(data[key], depth + 1)


def _meta_authors(meta: dict[str, str], tree: lxml_html.HtmlElement) -> list[str]:
    """The names of the first author meta tag that has any: every tag of that name (one tag
    per author is common; `article:author` is a list in Open Graph), not its links."""
    for key in _AUTHOR_KEYS:
        value = meta.get(key)
        if value and not value.startswith(("http://", "https://")):
            return [
                name
                for each in _meta_values(tree, key)
                if not each.startswith(("http://", "https://"))
                for name in names_in_meta(each, key)
            ]
    return []


def _htmldate(tree: lxml_html.HtmlElement, url: str | None) -> datetime | None:
    from htmldate import find_date

    try:
        # htmldate (1.11 on) prunes a copy of the tree it is given, made only if the
        # page's header, JSON-LD and abbr elements hold no date.
        found = find_date(tree, original_date=True, url=url, extensive_search=False)
    except Exception:
        return None
    return parse_datetime(found)


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def _iso(value: str | None) -> str | None:
    """The value if it is an ISO 8601 date: a theme's own title ("06-08-2009T14:12:32+0200"
    for 6 August) would be read month first."""
    return value if value and _ISO_DATE.match(value) else None


def _first_date(*values: str | Callable[[], str | None] | None) -> datetime | None:
    """The first value that parses as a plausible date. A callable is a search of the
    whole tree, run only when the values before it gave no date."""
    for value in values:
        parsed = parse_datetime(value() if callable(value) else value)
        if parsed is not None and 1990 <= parsed.year <= 2100:
            return parsed
    return None


def _clean_title(title: str | None, is_site_name: _SiteNames, *, from_document: bool) -> str | None:
    """Strip a trailing or leading " | Site Name" from a title.

    A <title> whose
    last segment names no known site still loses a short one after a strong separator
    ("Lorem ipsum dolor sit amet – My website"): <title> ends with the site or section."""
    if not title:
        return None
    title = _SPACE.sub(" ", title).strip()
    if is_site_name.declared:  # "标题-新华网": scripts without spaces glue the site name on
        glued = re.search(rf"(?<=\S)[-_|]{re.escape(is_site_name.declared)}$", title)
        if glued and glued.start() > 0:
            return title[: glued.start()]
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    first, last = separators[0], separators[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if is_site_name(tail):
        return _without_section_segment(_without_site_segment(head, is_site_name))
    if len(separators) == 1 and is_site_name(title[: first.start()]):
        return tail
    for before, after in itertools.pairwise(separators):
        # "Headline | Site | Local News, Weather, Sports": the site's tagline after its name
        headline = title[: before.start()]
        if (
            _STRONG_SEPARATOR.fullmatch(before.group())
            and len(headline.split()) >= _MIN_HEADLINE_WORDS
            and is_site_name.strictly(title[before.end() : after.start()])
        ):
            return _without_section_segment(headline)
    if (
        from_document
        and _STRONG_SEPARATOR.fullmatch(last.group())
        and len(tail.split()) <= _MAX_SITE_SEGMENT_WORDS
        and len(head.split()) >= _MIN_HEADLINE_WORDS
    ):
        return head
    return _without_section_segment(title)


def _without_site_segment(title: str, is_site_name: _SiteNames) -> str:
    """ "Why we stopped writing microservices - Better Engineering" once " - Medium" is
    gone: a publication on a platform, both declared, closes the title with both names."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    if len(head.split()) >= _MIN_HEADLINE_WORDS and is_site_name.strictly(tail):
        return head
    return title


def _without_section_segment(title: str) -> str:
    """ "Harbour vote passes | Politics" or "Opinion | Harbour vote passes" once the site's
    name is gone: a first or last segment that names a section ("Politics", "Local News")
    is the site's breadcrumb, not the headline's. After a strong separator; a hyphen
    ("Harbour vote passes - Local News") or colon ("Opinion: …") may be the headline's
    own, and sets apart a last segment only."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    head, tail = title[: last.start()], title[last.end() :]
    if (
        len(head.split()) >= _MIN_HEADLINE_WORDS
        and is_section_name(tail)
        and ":" not in last.group()
    ):
        return head
    head, tail = title[: first.start()], title[first.end() :]
    if (
        _STRONG_SEPARATOR.fullmatch(first.group())
        and len(tail.split()) >= _MIN_HEADLINE_WORDS
        and is_section_name(head)
    ):
        return tail
    return title


def _without_author_segment(title: str | None, authors: list[str]) -> str | None:
    """A last title segment naming the article's author is a byline, not headline ("Māori
    tribes fearful over whale strandings | Eleanor Ainge Roy", "… - John C. Welch" once
    " - Medium" is gone): the Guardian's and Medium's titles carry it. The headline left
    must still read as one (`_MIN_HEADLINE_WORDS`): "Interview - Jane Doe" stays."""
    if not title or not authors:
        return title
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    head, tail = title[: last.start()], _compact(title[last.end() :])
    if (
        tail
        and len(head.split()) >= _MIN_HEADLINE_WORDS
        and any(_compact(author) == tail for author in authors)
    ):
        return head
    return title


_MAX_H1_READ = 5
"""`<h1>`s looked at for a cut title's whole: a page has one, a template a few."""
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")


def _untruncated(title: str | None, tree: lxml_html.HtmlElement) -> str | None:
    """A declared title cut short with an ellipsis ("… essential reading for Hong Kong
    leader...") gives way to the page's `<h1>` that it begins. Not to `<title>`: a title
    that ends with an ellipsis of its own ("«Alphonse Président»…") begins that too, with
    the site's name after it."""
    if not title or not _ELLIPSIS.search(title):
        return title
    stem = _compact(_ELLIPSIS.sub("", title))
    if not stem:
        return title
    for h1 in itertools.islice(tree.iter("h1"), _MAX_H1_READ):
        text = _element_text(h1)
        if text and _compact(text).startswith(stem) and len(_compact(text)) > len(stem):
            return text
    return title


def _within_title(lead: str | None, title: str | None) -> bool:
    """Whether a description says nothing the headline does not: it is the headline, or
    a piece of it (a JSON-LD description cut off after the headline's first words)."""
    if not lead or not title:
        return False
    compact = _compact(lead)
    return bool(compact) and compact in _compact(title)


def _pick_title(
    declared: list[str], tree: lxml_html.HtmlElement, raw_title: str | None, site_names: _SiteNames
) -> tuple[str | None, bool]:
    """The title, and whether it comes from the document's <title>/<h1> rather than from
    declared metadata (`raw_title` is the page's <title>). A declared title that agrees
    with neither <title> nor a heading (a site-wide og:title, a JSON-LD headline holding a
    description) loses to one that does, and to <title> itself when a heading on the page
    confirms it."""
    document = _document_title(tree, raw_title, site_names)
    if not declared:
        return document, True
    if not raw_title:
        return declared[0], False
    for candidate in declared:
        if _agrees(candidate, raw_title):
            return candidate, False
    headings = [
        text
        for text in map(_element_text, itertools.chain(tree.iter("h1"), tree.iter("h2")))
        if text
    ]
    for candidate in declared:
        if any(_agrees(candidate, heading) for heading in headings):
            return candidate, False
    if any(_agrees(heading, raw_title) for heading in headings):
        return document, True
    return declared[0], False


def _agrees(a: str, b: str) -> bool:
    """Two titles name the same article: one contains the other, or they share at least
    half the words of the shorter."""
    compact_a, compact_b = _compact(a), _compact(b)
    if not compact_a or not compact_b:
        return False
    if compact_a in compact_b or compact_b in compact_a:
        return True
    words_a, words_b = set(_WORD.findall(a.casefold())), set(_WORD.findall(b.casefold()))
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= 0.5 * shorter


_MIN_HOST_PREFIX = 6
_LEADING_ARTICLE = re.compile(r"^\s*(?:the|die|der|das|le|la|les|el|il|het)\s+", re.IGNORECASE)
"""A site writes its name with an article its host leaves out: "The Harbour Times" on
harbourtimes.example, "Die Zeit" on zeit.de."""
"""A title segment beginning with a host label this long names the site ("Springfield Daily
News"); a shorter label ("news", "blog") begins too many words."""


class _SiteNames:
    """Tells whether a title segment names the site: the declared site name (contained
    either way, the segment at most twice as long), or exactly the text of a link to the
    front page (the logo link) or the host name. The page is searched on first use only."""

    def __init__(self, tree: lxml_html.HtmlElement, url: str | None, *declared: str | None):
        """`declared`: the names the page declares, the site's first (`og:site_name`, then
        JSON-LD's publisher: Medium's "… - Better Engineering - Medium" names both)."""
        self._tree, self._url = tree, url
        self._names = list(dict.fromkeys(name for name in declared if name))
        self.declared = self._names[0] if self._names else None
        self._others: set[str] | None = None
        self._host = _compact(_host_label(url) or "")
        self._full_host = _compact(bare_host(url) or "") if self._host and url else ""

    def is_host(self, segment: str) -> bool:
        """Whether the segment is the host name as the site writes it: "Springfield Daily"
        or "Springfield Daily News" for springfield-daily.example, "heizung.de", "Schweizer
        Jäger Online" for schweizerjaeger.ch. That is the host's first label or the whole
        host, or a segment of a site name's length that begins with a long first label,
        letters compared without accents (ä as ae or a). A segment that has the label
        among other words is not enough: "Why Apple wins" on apple.com is a headline."""
        if not self._host or len(segment.split()) > _MAX_SITE_SEGMENT_WORDS:
            return False
        return any(
            spelling in (self._host, self._full_host)
            or (spelling.startswith(self._host) and len(self._host) >= _MIN_HOST_PREFIX)
            for form in {segment, _LEADING_ARTICLE.sub("", segment)}
            for spelling in _spellings(form)
        )

    def strictly(self, segment: str) -> bool:
        """Whether the segment names the site by its declared name or its host name, not
        merely as a front-page link's text ("Forum", "Code" in a site's navigation)."""
        return self._declares(segment) or self.is_host(segment)

    def _declares(self, segment: str) -> bool:
        part, compact = segment.casefold(), _compact(segment)
        return bool(compact) and any(
            part in site.casefold()
            or compact == _compact(site)
            or (site.casefold() in part and len(part) <= 2 * len(site))  # "BBC News - Home"
            for site in self._names
        )

    def __call__(self, segment: str) -> bool:
        compact = _compact(segment)
        if not compact:
            return False
        if self._declares(segment) or self.is_host(segment):
            return True
        if self._others is None:
            self._others = {_compact(name) for name in _home_names(self._tree, self._url)}
        return len(compact) >= 4 and compact in self._others


def _home_names(tree: lxml_html.HtmlElement, url: str | None) -> list[str]:
    """The texts of links to the site's front page, and its host name."""
    names = []
    page = urlsplit(url) if url else None
    for anchor in itertools.islice(tree.iter("a"), _MAX_HOME_LINKS):
        href = (anchor.get("href") or "").strip()
        if (
            not href
            or href.startswith(("#", "?"))  # this very page, not the front page
            or href.count("/") > _MAX_HOME_SLASHES
            or not _is_home(href, page)
        ):
            continue
        text = _SPACE.sub(" ", anchor.text_content()).strip()
        if text and len(text.split()) <= _MAX_SITE_NAME_WORDS:
            names.append(text)
    label = _host_label(url)
    if label:
        names.append(label)
    return names


def _host_label(url: str | None) -> str | None:
    """The host name's first label, when it may be a name ("springfield-daily" in
    www.springfield-daily.example; not "bbc" in bbc.co.uk, too short to tell)."""
    host = bare_host(url) if url else None
    labels = host.split(".") if host else []
    return labels[0] if len(labels) > 1 and len(labels[0]) >= 4 else None


def _without_headline(site_name: str | None, titles: tuple[str | None, ...]) -> str | None:
    """The declared site name without the headline a template wrote into it
    ("Achtsam durch die Krise | Die FURCHE": "Die FURCHE"); none when it is the headline
    (MSN's `og:site_name`)."""
    if not site_name:
        return None
    headlines = {_compact(title) for title in titles if title} - {""}
    if not headlines:
        return site_name
    segments = _TITLE_SEPARATORS.split(site_name)
    kept = [segment for segment in segments if _compact(segment) not in headlines]
    if len(kept) == len(segments):
        return site_name
    return " - ".join(kept) or None


_LOGO_LABEL = re.compile(
    r"^(?:(?:abbildung|bild|grafik)\s+(?:der|des)\s+|image\s+of\s+(?:the\s+)?)?"
    r"(?:wort-bild-marke|wortmarke|bildmarke)\b\W*"
    r"|[-\s(]*\b(?:logo|logotipo|logotype)\b[:)]?\s*"
    r"|^(?:grafik|bild|image|foto|photo):\s*|^go\s+to\s+(?:the\s+)?|\s+(?:home\s*page|home)$",
    re.IGNORECASE,
)
"""What a logo's alt text or a home link's label says around the name ("Logo: Klub
Jagielloński", "Anwalt Niemeyer (Logo)", "Abbildung der Wort-Bild-Marke Berliner
Feuerwehr", "Go to MSN Home")."""


def _named(text: str) -> str:
    """The name in a home link's text or a logo's alt text, once, without the words
    around it."""
    name = _LOGO_LABEL.sub(" ", text).strip(" -–—:|")
    segments = set(_TITLE_SEPARATORS.split(name))
    return undoubled(segments.pop() if len(segments) == 1 else name)


def _shown_site_name(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The name a page that declares none shows for its site: the text (or the logo's alt
    text) of its first link to the site's root, else to the path prefix the page lies
    under (a site hosted under one), when that text is a name and not "Home" or "News"."""
    page = urlsplit(url) if url else None
    anchors = list(itertools.islice(tree.iter("a"), _MAX_HOME_LINKS))
    for root_only in (True, False):
        for anchor in anchors:
            if not _front_page_link((anchor.get("href") or "").strip(), page, root_only):
                continue
            text = _SPACE.sub(" ", anchor.text_content()).strip()
            if not text:
                text = " ".join(img.get("alt") or "" for img in anchor.iter("img")).strip()
            text = _named(text)
            if (
                text
                and len(text.split()) <= _MAX_SITE_NAME_WORDS
                and len(text) <= _MAX_SITE_NAME_CHARS
                and "{" not in text  # an inline SVG logo's stylesheet
                and any(c.isalpha() for c in text)
                and _compact(text) not in _GENERIC_HOME_TEXTS
                and "logo" not in text.casefold().split()
            ):
                return text
        if page is None:
            break
    return None


def _front_page_link(href: str, page: SplitResult | None, root_only: bool) -> bool:
    """A link to the site's front page. Without the page's URL only a relative link to the
    root tells (an absolute one may be another site's, a one-segment one a section)."""
    if not href or href.startswith(("#", "?")):
        return False
    link = _joined(href, page)
    if link is None:
        return False
    if link.scheme not in ("", "http", "https"):
        return False  # javascript:, mailto:
    if page is None:
        return href in ("/", "/index.html")
    if root_only:
        return link.netloc == page.netloc and link.path.rstrip("/") in ("", "/index.html")
    return href.count("/") <= _MAX_HOME_SLASHES and _is_home(href, page)


_WEB = ("http", "https")


def _joined(href: str, page: SplitResult | None) -> SplitResult | None:
    """The link's address resolved against the page's; None when it does not parse. An
    absolute address or a path from the root (most links) needs no join, which costs ten
    times a split on a page of hundreds of links."""
    try:
        if page is None or "://" in href:
            return urlsplit(href)
        if href.startswith("/") and not href.startswith("//") and page.scheme in _WEB:
            return urlsplit(href)._replace(scheme=page.scheme, netloc=page.netloc)
        return urlsplit(urljoin(page.geturl(), href))
    except ValueError:
        return None


def _is_home(href: str, page: SplitResult | None) -> bool:
    """A link to the site's front page: its root, or, for a site under a path prefix of its
    host, the one-segment path that the page's own URL lies under (any one-segment path
    when the page's URL is not known: names are matched exactly, so a section link that
    happens to name a title segment strips a section name, which is no headline either)."""
    link = _joined(href, page)
    if link is None:
        return False
    if page and link.netloc and link.netloc != page.netloc:
        return False
    path = link.path.rstrip("/")
    if not path:
        return True
    if path.count("/") != 1:
        return False
    return page is None or page.path.startswith(path + "/")


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spellings(text: str) -> set[str]:
    """The text's letters and digits as a host name would spell them: as written, without
    accents, and with German umlauts written out ("Mäscot": mäscot, mascot, maescot)."""
    compact = _compact(text)
    if compact.isascii():
        return {compact}
    return {compact} | {
        "".join(ch for ch in unicodedata.normalize("NFKD", form) if not unicodedata.combining(ch))
        for form in (compact, compact.translate(_UMLAUTS))
    }


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        parts = (value.get("givenName"), value.get("familyName"))
        written = " ".join(part for part in parts if isinstance(part, str) and part.strip())
        return _text(value.get("name")) or _text(written)
    if isinstance(value, list) and value:
        return _name_of(value[0])
    return None


def _image_of(value: Any) -> str | None:
    value = _first_item(value)
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("contentUrl"))
    return _text(value)


def _first_item(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    value = _first_item(value)
    if isinstance(value, str):
        return _SPACE.sub(" ", _unescaped(repair_mojibake(value))).strip() or None
    return None


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescaped(value: str) -> str:
    """Text as written, where the site escaped it for HTML once too often ("O&#039;Donnell",
    "Q&amp;A"): JSON holds no character references, and a meta tag's value had its own
    escapes read by the parser, so a reference left in either is an escape."""
    return html.unescape(value) if _ENTITY.search(value) else value


def _lines(value: Any) -> str | None:
    """Text whose line breaks are kept (they are the paragraph breaks of an `articleBody`)."""
    value = _first_item(value)
    if not isinstance(value, str):
        return None
    lines = (" ".join(line.split()) for line in _unescaped(repair_mojibake(value)).splitlines())
    return "\n".join(line for line in lines if line) or None


_PLACEHOLDER_SECTIONS = frozenset(
    {
        *"article articles post posts tag tags default none null nil undefined".split(),
        *"uncategorized uncategorised allgemein".split(),
        *("non classé", "sin categoría", "senza categoria", "sem categoria"),
        *("bez kategorii", "geen categorie", "ohne kategorie"),
        *"home homepage frontpage front-page startseite accueil inicio portada start".split(),
        *("front page", "main navigation", "all articles", "alle artikel", "search"),
        "erweiterte suche",
    }
)
"""Values a template writes where a section belongs: blogs' default category in eight
languages, names of the page type ("tags": one template's `article:section`) and of the
front page an article was promoted to (The Verge's `parsely-section` "front-page")."""
_MAX_SECTION_PARTS = 3
"""More comma-separated names than this are the page's keywords, not its section."""
_MAX_SECTION_CHARS = 60
"""A section's name is a few words ("Environment and Conservation"); longer is a sentence
that a template wrote in the section's place (spox.com's teaser)."""


def _section_name(value: str | None) -> str | None:
    """The section a declared value names: the first of a few comma-separated names
    ("Politik, Eindrücke, Inland"), the first folder of a path ("/world/middle_east":
    "World"); none for a placeholder or a keyword list."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("/") and not any(char.isspace() for char in value):
        folder = next((part for part in value.split("/") if part), "")
        value = folder.replace("_", " ").replace("-", " ")
        value = value.title() if value.islower() else value
    parts = [part.strip() for part in value.split(",") if part.strip()]
    parts = [part for part in parts if part.casefold() not in _PLACEHOLDER_SECTIONS]
    if not parts or len(parts) > _MAX_SECTION_PARTS or len(parts[0]) > _MAX_SECTION_CHARS:
        return None
    return parts[0]


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def _xpath_text(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return _element_text(found[0]) if found else None


def _canonical_link(tree: lxml_html.HtmlElement) -> str | None:
    """`<link rel="canonical">`, looked for in <head> (where the standard puts it) first."""
    head = tree.find("head")
    if head is not None:
        for link in head.iterchildren("link"):
            if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
                return link.get("href").strip()
    return _xpath_attr(tree, "//link[@rel='canonical']/@href")


def _xpath_attr(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return str(found[0]).strip() if found else None


def _element_text(element: Any) -> str | None:
    text = (
        _SPACE.sub(" ", element.text_content()).strip() if hasattr(element, "text_content") else ""
    )
    return text or None


def _canonical_address(link: str | None, url: str | None) -> str | None:
    """A declared canonical address, absolute and normalised (`url_parts.normalised_url`:
    host case, default port, fragment and tracking parameters such as utm_* gone); not the
    front page declared for a page deeper in the site, a template's default."""
    absolute = _absolute(link, url)
    normalised = normalised_url(absolute) if absolute else None
    if normalised is None:
        return None
    parts, page = split_url(normalised), split_url(url) if url else None
    if parts is None:
        return None
    if parts.path in ("", "/") and not parts.query and page and not _FRONT_PAGE.match(page.path):
        return None
    return normalised


_FRONT_PAGE = re.compile(r"^/?(?:index\.\w+)?$", re.IGNORECASE)


def _front_page(address: str) -> bool:
    """Whether the address is a site's front page ("https://www.zeit.de/", "/")."""
    parts = split_url(address.strip())
    return parts is not None and bool(_FRONT_PAGE.match(parts.path)) and not parts.query


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if link.startswith(("http://", "https://")):
        return link if split_url(link) is not None else None
    joined = join_url(base, link) if base else None
    return joined if joined and joined.startswith(("http://", "https://")) else None
