"""Teasers: the headline links (with their blurbs, bylines and dates) by which a front,
section or tag page points to other articles.

Such a listing page has no article of its own, yet both engines return its teasers as
one, and a crawl or a sitemap brings many of them. A teaser is found by its markup: a
link of a headline's length, standing alone on its line (not a link inside running
text), to another page; its item is the largest element around it that holds no other
headline link and no more than a blurb's length of text. The candidates whose text lies
in such an item are marked (`Candidate.teaser`, the page it points to) for
`listing_page`, which the clean stage asks once the junk is out.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from retina.clean.candidate import Candidate
from retina.clean.tokens import CJK, letters_and_digits
from retina.url_parts import join_url, split_url

_CJK = re.compile(f"[{CJK}]")
_CJK_CHARS_PER_WORD = 2.5
"""Chinese, Japanese and Korean write no spaces: their characters count as words at this
rate (a headline of 12 characters is one of about five words)."""
_MIN_HEADLINE_WORDS = 4
_MAX_ITEM_WORDS = 80
"""A headline, a blurb of two or three sentences, a byline and a date. More is an
article (a blog's front page that shows its posts in full), or many teasers."""
_MAX_ITEM_ELEMENTS = 200
"""Elements of an item whose text is looked up: a teaser has a few dozen; a hostile one
of 50,000 nested spans would take time that grows with the square of their number."""
_MAX_WORDS_BEFORE_HEADLINE = 10
"""A teaser opens with its headline, or a kicker, a date or a byline above it; a link
after sentences of text closes a paragraph or a post (a blog's "The generation we love
to dump on" under its own words)."""
_MIN_LINE_SHARE = 0.5
"""The link holds this much of its line's text: a headline, perhaps with its date beside
it ("Harbour vote passes 2 July 2024"), not a link in a sentence."""
_LINE_TAGS = frozenset(
    "h1 h2 h3 h4 h5 h6 p li div dt dd td th article section figure figcaption header".split()
)
_LONG_LINKS = etree.XPath("//a[@href][string-length(normalize-space()) >= 10]")
"""Links of ten characters or more: shorter ones are no headline in any script (four
words, or ten CJK characters)."""
_OUTSIDE = frozenset({"nav", "footer", "aside", "menu"})
"""Regions whose links are the site's furniture, not its listing."""
_MIN_TEASERS = 3
"""Teased articles: a section page may list three; an article's own text never opens
with a teaser, however many follow it."""
_PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
"""A link to a picture ("View the full-size image") teases no article: a gallery's
captions stay the article's text."""
_MIN_TEASER_SHARE = 0.6
_MIN_OPENING_WORDS = 8
"""The text opens with its first block of this many words: a kicker, a date or a section
label above it opens nothing."""


def mark_teasers(
    tree: etree._Element,
    candidates: list[Candidate],
    *,
    url: str | None,
    canonical: str | None,
    title: str | None,
) -> None:
    """Sets `teaser` on the candidates whose text lies in a teaser of another article.
    A link to the page itself, by its address, its canonical address or its headline (a
    blog's permalink on its headline), teases nothing."""
    items = _teaser_items(tree, url, {url, canonical} - {None}, title)
    if len(items) < _MIN_TEASERS:
        return
    teased: dict[str, str] = {}
    for target, item in items.items():
        for element in itertools.islice(item.iter(etree.Element), _MAX_ITEM_ELEMENTS):
            key = letters_and_digits(element.text_content())
            if key:
                teased.setdefault(key, target)
    for candidate in candidates:
        candidate.teaser = teased.get(letters_and_digits(candidate.text))


def listing_page(kept: list[Candidate]) -> str | None:
    """Why the kept text is a listing page's teasers and no article, or None.

    Its text opens with a teaser, most of it lies in teasers, and they point to at least
    three articles. An article followed by teasers of others opens with its own text."""
    teased = {c.teaser for c in kept if c.teaser}
    if len(teased) < _MIN_TEASERS:
        return None
    total = sum(len(c.text) for c in kept)
    in_teasers = sum(len(c.text) for c in kept if c.teaser)
    opening = next((c for c in kept if _size(c.text) >= _MIN_OPENING_WORDS), kept[0])
    if in_teasers < _MIN_TEASER_SHARE * total or not opening.teaser:
        return None
    return (
        f"a listing page (front, section or tag page), not an article: its text is "
        f"teasers of {len(teased)} other articles"
    )


def _teaser_items(
    tree: etree._Element, url: str | None, own: set[str], title: str | None
) -> dict[str, etree._Element]:
    """Each teased page ("host/path") with the item that holds its headline link."""
    headlines: dict[etree._Element, str] = {}
    own_pages = {_page(address) for address in own} | {("", "")}
    for anchor in _LONG_LINKS(tree):
        text = " ".join(anchor.text_content().split())
        if _size(text) < _MIN_HEADLINE_WORDS or text == title:
            continue  # first: resolving the address takes longer
        target = _target(anchor.get("href"), url)
        page = _page(target) if target is not None else None
        if page is not None and page not in own_pages and not page[1].lower().endswith(_PICTURES):
            headlines[anchor] = "".join(page)
    if len(set(headlines.values())) < _MIN_TEASERS:
        return {}
    sizes: dict[etree._Element, float] = {}
    targets: dict[etree._Element, set[str]] = {}
    items: dict[str, etree._Element] = {}
    for anchor, target in headlines.items():
        ancestors = list(anchor.iterancestors())
        if any(a.tag in _OUTSIDE for a in ancestors):
            continue
        line = _line(anchor, ancestors, sizes)
        if line is None:
            continue
        item, before = line, 0.0
        for ancestor in ancestors[ancestors.index(line) + 1 :] if line is not anchor else ancestors:
            # in this order: a list of thousands of teasers is cut at its size at once
            if (
                _size_of(ancestor, sizes) > _MAX_ITEM_WORDS
                or len(_targets_in(ancestor, headlines, targets)) > 1
            ):
                break
            before += _size_before(ancestor, item, sizes)
            if before > _MAX_WORDS_BEFORE_HEADLINE:
                break
            item = ancestor
        items.setdefault(target, item)
    return items


def _line(
    anchor: etree._Element, ancestors: list[etree._Element], sizes: dict[etree._Element, float]
) -> etree._Element | None:
    """The block the headline link stands on: the link itself when it wraps a heading or
    a paragraph, else its nearest block; None when the link is part of running text."""
    if any(d.tag in _LINE_TAGS for d in anchor.iterdescendants()):
        return anchor
    line = next((a for a in ancestors if a.tag in _LINE_TAGS), None)
    if line is None or _size_of(anchor, sizes) < _MIN_LINE_SHARE * _size_of(line, sizes):
        return None
    return line


def _size_before(
    parent: etree._Element, child: etree._Element, sizes: dict[etree._Element, float]
) -> float:
    """Words of `parent` before its `child`."""
    size = _size(parent.text or "")
    for sibling in child.itersiblings(preceding=True):
        size += _size_of(sibling, sizes) + _size(sibling.tail or "")
    return size


def _target(href: str | None, url: str | None) -> str | None:
    """The address a link points to (resolved when the page's URL is known), without its
    fragment; None for a jump within the page, a script or a mail link."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    absolute = join_url(url, href) if url else href
    return absolute.split("#", 1)[0] if absolute else None


def _page(address: str) -> tuple[str, str] | None:
    """The page an address names (host, path), its query aside: a live blog's posts
    ("?entry=3", "/news/live/storm?entry=4") are one page, the page itself or another, and
    not as many articles. A bare query, unresolved for want of the page's URL, names the
    page itself: ("", "")."""
    parts = split_url(address)
    if parts is None or (parts.scheme and parts.scheme not in ("http", "https")):
        return None
    return parts.netloc.lower(), parts.path.rstrip("/")


def _targets_in(
    element: etree._Element,
    headlines: dict[etree._Element, str],
    memo: dict[etree._Element, set[str]],
) -> set[str]:
    found = memo.get(element)
    if found is None:
        found = {headlines[a] for a in element.iter("a") if a in headlines}
        memo[element] = found
    return found


def _size_of(element: etree._Element, memo: dict[etree._Element, float]) -> float:
    size = memo.get(element)
    if size is None:
        size = memo[element] = _size(element.text_content())
    return size


def _size(text: str) -> float:
    """Words, counting Chinese, Japanese and Korean characters at their rate."""
    if text.isascii():
        return len(text.split())
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    return len(_CJK.sub(" ", text).split()) + cjk / _CJK_CHARS_PER_WORD
