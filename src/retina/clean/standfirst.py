"""The standfirst: the summary paragraph a news page shows between headline and body.

Pages declare it as their description (`og:description`, JSON-LD `description`) and show it
above the article, often in a header block that extractors leave out with the rest of the
header. When the declared description is shown on the page, before the article's first
paragraph and outside navigation, links and forms, it is part of the article's text; a
description cut short with an ellipsis is found at the start of the longer paragraph it
was cut from.
A description the page does not show (most are written for search engines only), or shows
only after the article has begun (a site-wide "about us" text in a sidebar), is not.
"""

from __future__ import annotations

import re

from lxml import etree

from retina.clean.candidate import Candidate

_SPACE = re.compile(r"\s+")
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
        if wanted[:_PREFIX] not in starts or _outside_article(element):
            continue
        shown = _key(element.text_content())
        if (wanted in shown and len(shown) <= _SLACK * len(wanted) + _PREFIX) or (
            truncated and shown.startswith(wanted) and len(shown) <= _MAX_TRUNCATED_FROM
        ):
            return _SPACE.sub(" ", element.text_content()).strip()
    return None


def _own_text_starts(element: etree._Element) -> set[str]:
    """The starts of the text runs directly inside `element` (before and between its
    children): "<p><b>BERLIN.</b> The council…</p>" shows "The council…" itself."""
    runs = [element.text, *(child.tail for child in element)]
    return {key[:_PREFIX] for key in map(_key, filter(None, runs)) if len(key) >= _PREFIX}


def _outside_article(element: etree._Element) -> bool:
    return element.tag in _OUTSIDE or any(a.tag in _OUTSIDE for a in element.iterancestors())


def _key(text: str) -> str:
    return _SPACE.sub("", text).casefold()
