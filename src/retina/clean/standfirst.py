"""The standfirst: the summary paragraph a news page shows between headline and body.

Pages declare it as their description (`og:description`, JSON-LD `description`) and show it
above the article, often in a header block that extractors leave out with the rest of the
header. When the declared description is shown on the page, before the article's first
paragraph and outside navigation, links and forms, it is part of the article's text; a
description cut short with an ellipsis is found at the start of the longer paragraph it
was cut from. A description the page does not show (most are written for search engines
only), or shows only after the article has begun (a site-wide "about us" text in a
sidebar), is not. A page that shows no description may still show a subtitle under its
headline (`shown_dek`): that opens the text instead.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from retina.clean.candidate import Candidate
from retina.clean.tokens import ends_like_sentence

_PREFIX = 16
"""Characters (spaces aside) that identify an element's text as the start of a block."""
_MIN_WORDS = 6
_SLACK = 1.3
"""The element may hold a little more than the description (a dateline, a label)."""
_MAX_TRUNCATED_FROM = 2000
"""A description cut short ("…") opens a longer standfirst: up to this many characters."""
_OUTSIDE = frozenset(
    "a button form select option textarea nav footer aside script style noscript template".split()
)


def shown_standfirst(
    tree: etree._Element, description: str | None, blocks: list[Candidate]
) -> str | None:
    """The text of the element that shows `description` as the page's standfirst, or None
    when the page does not show it before its first block, or the blocks already hold it."""
    if not description or len(description.split()) < _MIN_WORDS:
        return None
    wanted = _key(description).rstrip(".…")
    truncated = description.rstrip().endswith(("...", "…"))
    if any(wanted[: 3 * _PREFIX] in _key(block.text) for block in blocks):
        return None
    first = _key(blocks[0].text)[:_PREFIX] if blocks else None
    body = tree.find(".//body")
    if body is None:
        return None
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        starts = _own_text_starts(element)
        if first and first in starts:
            return None  # the article began before any standfirst
        if wanted[:_PREFIX] not in starts or element.tag == "h1" or _outside_article(element):
            continue  # (a description repeating the headline is no standfirst)
        shown = _key(element.text_content())
        if (wanted in shown and len(shown) <= _SLACK * len(wanted) + _PREFIX) or (
            truncated and shown.startswith(wanted) and len(shown) <= _MAX_TRUNCATED_FROM
        ):
            return " ".join(element.text_content().split())
    return None


def _own_text_starts(element: etree._Element) -> set[str]:
    """The starts of the text runs directly inside `element` (before and between its
    children): "<p><b>BERLIN.</b> The council…</p>" shows "The council…" itself."""
    runs = [element.text, *(child.tail for child in element)]
    return {key[:_PREFIX] for key in map(_key, filter(None, runs)) if len(key) >= _PREFIX}


def _outside_article(element: etree._Element) -> bool:
    return element.tag in _OUTSIDE or any(a.tag in _OUTSIDE for a in element.iterancestors())


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


_DEK_TAGS = frozenset("p h2 h3 h4 div span".split())
_DEK_WORDS = (8, 80)
"""A subtitle is a sentence or three; longer text under the headline is the article."""
_DEK_LOOKAHEAD = 3
"""Elements after the headline (and after its container) that may hold the subtitle."""
_PARTS = "p div ul ol li table figure section article blockquote img picture".split()
_HEADINGS = "h2 h3 h4 h5 h6".split()
_NOT_IN_A_DEK = frozenset(["img", "picture", "figure", "table", *_HEADINGS])
_MAX_DEK_PARTS = 3
_MARKUP = re.compile(r"<\s*/?\s*[a-z]+[\s>]|©")
"""An embed's code shown as text, or a photo credit run into the text."""


def shown_dek(tree: etree._Element, title: str | None, blocks: list[Candidate]) -> str | None:
    """The subtitle a page shows right under its headline, when neither engine kept it and
    the page declares no standfirst it shows: the first of the few elements after the
    `<h1>` (or after the header holding it) that is a sentence of prose, before the
    article's first block, and not a byline, a date, a photo or the headline again."""
    if not title or not blocks:
        return None
    headline = _key(title)
    heading = next((h for h in tree.iter("h1") if _key(h.text_content()) == headline), None)
    if heading is None or _outside_article(heading):
        return None  # most pages: the blocks' text is not read
    first = _key(blocks[0].text)[:_PREFIX]
    held = [_key(block.text) for block in blocks]
    for level in (heading, heading.getparent()):
        if level is None:
            return None
        for sibling in itertools.islice(level.itersiblings(), _DEK_LOOKAHEAD):
            if not isinstance(sibling.tag, str):
                continue
            text = " ".join(sibling.text_content().split())
            key = _key(text)
            if not key:
                continue
            if first and key.startswith(first):
                return None  # the article began
            if _is_dek(sibling, text) and not _repeats(key, headline, held):
                return text
            if len(text.split()) > _DEK_WORDS[1]:
                return None
    return None


def _is_dek(element: etree._Element, text: str) -> bool:
    if element.tag not in _DEK_TAGS or not _DEK_WORDS[0] <= len(text.split()) <= _DEK_WORDS[1]:
        return False
    if not ends_like_sentence(text) or _outside_article(element) or _MARKUP.search(text):
        return False
    parts = [e.tag for e in element.iterdescendants(*_PARTS, *_HEADINGS)]
    if len(parts) > _MAX_DEK_PARTS or not _NOT_IN_A_DEK.isdisjoint(parts):
        return False  # a container: a timeline, a figure and its caption, the article
    links = sum(len(a.text_content()) for a in element.iter("a"))
    return links < 0.3 * len(text)


def _repeats(key: str, headline: str, held: list[str]) -> bool:
    """Whether the text is the headline again, or a block the engines already kept."""
    if headline in key or key in headline:
        return True
    return any(key[: 3 * _PREFIX] in block or block[: 3 * _PREFIX] in key for block in held)
