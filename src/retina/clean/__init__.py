"""Clean stage: raw page → clean, structured `Article`, with every removal explained.

decode (gzip, charset, limits) → parse (HTML extraction or plain-text layout)
→ junk detectors (prompts, attribution, related links, repeats) → Article
"""

from __future__ import annotations

import re
import sys
import types
import unicodedata
from collections import Counter

from retina.clean.candidate import Draft
from retina.clean.dateline import (
    agency_author,
    closing_agency,
    copyright_agency,
    credited_agency,
)
from retina.clean.junk import JunkResult, remove_junk
from retina.clean.junk.prompts import COPYRIGHT_NOTICE
from retina.clean.language import checked_language
from retina.clean.syndication import canonical_elsewhere
from retina.clean.teasers import listing_page
from retina.clean.tokens import letters_and_digits
from retina.errors import InputError, NotAnArticle
from retina.model import Article, Page, Removed
from retina.raw.decode import decode
from retina.url_parts import bare_host, split_url

__all__ = ["clean", "clean_page"]

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|ul|li|meta|title|main)\b", re.I
)
_FEED_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
_MIN_HTML_TAGS = 3
_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)


def clean(
    data: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    keep_listing: bool = False,
) -> Article:
    """Clean one page (HTML or a plain-text dump, optionally gzipped) into an Article.

    Raises `InputError` (one-line message) for input that is not an article page, and its
    subclass `NotAnArticle` for a listing page of teasers (a front, section or tag page)
    unless `keep_listing`: a feed item's own text is what its publisher gives as the item,
    even a digest of links.
    """
    _check_url(url)
    decoded = decode(data, content_type=content_type)
    text = decoded.text
    feed = _FEED_START.match(text[:4096])
    if feed:
        raise InputError(f"input is a {feed.group(1)} feed, not an article page")
    if _is_html(text, content_type):
        from retina.clean.html import parse_html

        draft = parse_html(text, url=url)
    else:
        from retina.clean.plaintext import parse_plaintext

        draft = parse_plaintext(text)
    return _finish(draft, url, keep_listing=keep_listing)


def clean_page(page: Page) -> Article:
    """Clean a fetched `Page` (its URL and Content-Type guide parsing)."""
    return clean(page.body, url=page.url, content_type=page.content_type)


def _check_url(url: str | None) -> None:
    """The page's URL must parse: metadata and attribution resolve links against it."""
    if url is not None and split_url(url) is None:
        raise InputError(f"the page URL is not a valid URL: {url!r}")


def _is_html(text: str, content_type: str | None) -> bool:
    if content_type:
        mime = content_type.split(";")[0].strip().lower()
        if mime in ("text/html", "application/xhtml+xml"):
            return True
        if mime == "text/plain":
            return False
    head = text[:65536]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _MIN_HTML_TAGS


def _finish(draft: Draft, url: str | None, *, keep_listing: bool) -> Article:
    _compose(draft)
    junk = remove_junk(draft.candidates, draft.authors)
    if not junk.blocks:
        raise InputError(_all_furniture(junk.removed))
    listing = None if keep_listing else listing_page(junk.kept)
    if listing:
        raise NotAnArticle(listing)
    section = draft.section or (junk.attribution.section if junk.attribution else None)
    origin = _origin(draft, junk, url)
    article = Article(
        url=url,
        canonical_url=draft.canonical_url,
        title=draft.title,
        lead=draft.lead,
        authors=draft.authors,
        published=draft.published,
        updated=draft.updated,
        site_name=draft.site_name,
        origin=None if origin and _credits_itself(origin, draft.site_name, url) else origin,
        section=section,
        language=draft.language,
        blocks=junk.blocks,
        images=draft.images,
        removed=junk.removed,
    )
    article.language = checked_language(article.language, article.text)
    return article


def _origin(draft: Draft, junk: JunkResult, url: str | None) -> str | None:
    """The publication the text comes from, by the surest sign first: the page's markup,
    a credit line, an agency's dateline opening the first paragraphs (below a standfirst
    or a heading), a canonical link to another site, an agency as the only author, an
    agency's copyright notice closing the text, an agency the last lines credit with part
    of it ("With files from The Canadian Press")."""
    site = draft.site_name
    if draft.origin:
        return draft.origin
    if junk.attribution:
        return junk.attribution.origin
    for block in junk.blocks[:3]:
        agency = credited_agency(block.text, site, url)
        if agency:
            return agency
    elsewhere = canonical_elsewhere(url, draft.canonical_url)
    if elsewhere:
        return elsewhere
    notices = (p.text for p in junk.removed if p.reason == COPYRIGHT_NOTICE)
    credits = (block.text for block in junk.blocks[-2:])
    return (
        agency_author(draft.authors, site, url)
        or next(filter(None, (copyright_agency(notice, site, url) for notice in notices)), None)
        or next(filter(None, (closing_agency(line, site, url) for line in credits)), None)
    )


_REASONS_SHOWN = 3


def _all_furniture(removed: list[Removed]) -> str:
    """The reason an input whose every block is page furniture gives no article, with the
    furniture it held ("a cookie notice; 2 × a link label to read on elsewhere")."""
    if not removed:
        return "no article text found in the input"
    reasons = Counter(piece.reason for piece in removed).most_common()
    shown = "; ".join(
        reason if count == 1 else f"{count} × {reason}"
        for reason, count in reasons[:_REASONS_SHOWN]
    )
    more = f"; {len(reasons) - _REASONS_SHOWN} more" if len(reasons) > _REASONS_SHOWN else ""
    return f"no article text found: all {len(removed)} block(s) were furniture ({shown}{more})"


def _credits_itself(origin: str, site_name: str | None, url: str | None) -> bool:
    """Whether the credited publication is the site itself, however written: "Coastal
    Ledger" on "The Coastal Ledger", on coastal-ledger.example, or its host name."""
    host = bare_host(url) if url else None
    own = {site_name, host, host.split(".")[0] if host else None}
    keys = {key for name in own if name for key in _name_keys(name)}
    return not keys.isdisjoint(_name_keys(origin))


def _name_keys(name: str) -> set[str]:
    """A publication's name compared in letters and digits, with and without "The"."""
    return {letters_and_digits(name), letters_and_digits(_THE.sub("", name))} - {""}


def _compose(draft: Draft) -> None:
    """Text in Unicode's composed form (NFC), as the web recommends: a page may write "é"
    or "য়" as one character or as a letter and a combining mark, and text compared,
    searched or deduplicated must not depend on which."""
    for candidate in draft.candidates:
        candidate.text = unicodedata.normalize("NFC", candidate.text)
    draft.title, draft.lead, draft.site_name, draft.origin, draft.section = (
        unicodedata.normalize("NFC", value) if value else value
        for value in (draft.title, draft.lead, draft.site_name, draft.origin, draft.section)
    )
    draft.authors = [unicodedata.normalize("NFC", name) for name in draft.authors]


class _CallableStage(types.ModuleType):
    """Lets `from retina import clean; clean(data)` work although `retina.clean` is a package.

    Python binds a subpackage to its parent's attribute of the same name once it is
    imported, which would shadow the `clean` function; calling the module calls it.
    """

    def __call__(
        self,
        data: str | bytes,
        *,
        url: str | None = None,
        content_type: str | None = None,
        keep_listing: bool = False,
    ) -> Article:
        return clean(data, url=url, content_type=content_type, keep_listing=keep_listing)


sys.modules[__name__].__class__ = _CallableStage
