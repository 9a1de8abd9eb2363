"""Per-node text statistics and element counts, summed bottom-up.

Readability.js measures nodes again and again (`textContent` lengths, link density,
commas, and for `_cleanConditionally` the number of paragraphs, images, list items,
inputs and embeds inside, and the text in headings and lists). Here every node's
measures are summed once, from its children's, while the walk leaves it, so each later
question is a lookup; a node removed later only makes its ancestors be summed again.

A node's `Stats` is a list:

- `LENGTH`, `LEAD`, `TRAIL`: the length of its whitespace-normalised, stripped text
  (Readability.js's `_getInnerText`) and whether its raw text begins / ends with
  whitespace, so the lengths of adjacent pieces add up exactly;
- `LINKS`: the length of the text inside its links (same-page anchors count 0.3);
- `COMMAS` (all scripts' commas, for scoring) and `LATIN_COMMAS` (`,` only, for pruning);
- `COUNTS`: the element counts, packed into one integer (see `count`) so that adding a
  child's counts to its parent's is a single addition.
"""

from __future__ import annotations

import re

from lxml import etree

from retina.clean.readability_dom import Element, Node

LENGTH, LEAD, TRAIL, LINKS, COMMAS, LATIN_COMMAS, COUNTS = range(7)

Stats = list

_FIELD_BITS = 48
P, IMG, LI, INPUT, EMBED, VIDEO, HEADING_TEXT, LIST_TEXT, TEXTISH, DATA_TABLE = (
    i * _FIELD_BITS for i in range(10)
)
"""Bit offsets of the packed counts: descendant `<p>`s (virtual ones too), `<img>`s,
`<li>`s, `<input>`s, embeds that are not videos, video embeds, text length in headings,
text length in `<ul>`/`<ol>`s, textish elements with text, data tables."""
_MASK = (1 << _FIELD_BITS) - 1

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_TEXTISH = frozenset(
    {"span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"}
)
"""Readability.js's `textishTags` for the text density of `_cleanConditionally`."""
_EMBEDS = frozenset({"object", "embed", "iframe"})
_SIMPLE = {"p": 1 << P, "img": 1 << IMG, "li": 1 << LI, "input": 1 << INPUT}
_COUNTED = _HEADINGS | _LISTS | _TEXTISH | _EMBEDS | _SIMPLE.keys() | {"table"}
_OTHER_COMMAS = re.compile("[\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")
_VIDEOS = re.compile(
    r"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com"
    r"|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)",
    re.I,
)
_DATA_TABLE_PARTS = ("col", "colgroup", "tfoot", "thead", "th")
_LEADING_INT = re.compile(r"\s*(\d+)")


def new_stats() -> Stats:
    return [0, False, False, 0.0, 0, 0, 0]


def count(stats: Stats, field: int) -> int:
    """One of the packed counts (`P`, `IMG`, …) of a node's statistics."""
    return (stats[COUNTS] >> field) & _MASK


def add_text(acc: Stats, text: str) -> None:
    """Append a text string to a node's statistics."""
    if text.isspace():
        if acc[LENGTH] == 0:
            acc[LEAD] = True
        acc[TRAIL] = True
        return
    size = len(" ".join(text.split()))
    if acc[LENGTH] == 0:
        acc[LENGTH] = size
        acc[LEAD] = acc[LEAD] or text[0].isspace()
    else:
        acc[LENGTH] += size + (1 if acc[TRAIL] or text[0].isspace() else 0)
    acc[TRAIL] = text[-1].isspace()
    if "," in text:
        commas = text.count(",")
        acc[COMMAS] += commas
        acc[LATIN_COMMAS] += commas
    if not text.isascii():
        acc[COMMAS] += len(_OTHER_COMMAS.findall(text))


def add_child(acc: Stats, child: Stats, tag: str, node: Node, data_tables: set[Element]) -> None:
    """Append a child node's statistics (`tag` is its tag) to its parent's."""
    size = child[LENGTH]
    if size == 0:
        if child[LEAD]:
            if acc[LENGTH] == 0:
                acc[LEAD] = True
            acc[TRAIL] = True
    elif acc[LENGTH] == 0:
        acc[LENGTH] = size
        acc[LEAD] = acc[LEAD] or child[LEAD]
        acc[TRAIL] = child[TRAIL]
    else:
        acc[LENGTH] += size + (1 if acc[TRAIL] or child[LEAD] else 0)
        acc[TRAIL] = child[TRAIL]
    acc[LINKS] += child[LINKS]
    acc[COMMAS] += child[COMMAS]
    acc[LATIN_COMMAS] += child[LATIN_COMMAS]
    acc[COUNTS] += child[COUNTS]
    if tag == "a":
        acc[LINKS] += size * link_weight(node)  # type: ignore[arg-type]
    elif tag in _COUNTED:
        acc[COUNTS] += _own_counts(tag, size, node, data_tables)


def _own_counts(tag: str, size: int, node: Node, data_tables: set[Element]) -> int:
    """What a node adds, by itself, to its ancestors' counts."""
    counts = _SIMPLE.get(tag, 0)
    if size and tag in _TEXTISH:
        counts += 1 << TEXTISH
    if tag in _HEADINGS:
        counts += size << HEADING_TEXT
    elif tag in _LISTS:
        counts += size << LIST_TEXT
    elif tag in _EMBEDS:
        counts += 1 << (VIDEO if is_video(node) else EMBED)  # type: ignore[arg-type]
    elif tag == "table" and node in data_tables:
        counts += 1 << DATA_TABLE
    return counts


def link_weight(element: Element) -> float:
    """Links to an anchor on the same page count 0.3 of their text (Readability.js)."""
    href = element.get("href") or ""
    return 0.3 if len(href) > 1 and href[0] == "#" else 1.0


def is_video(element: Element) -> bool:
    """An embed of a video site Readability.js keeps (attributes, or an object's markup)."""
    if any(_VIDEOS.search(value) for value in element.values()):
        return True
    return element.tag == "object" and bool(
        _VIDEOS.search(etree.tostring(element, encoding="unicode"))
    )


def is_data_table(table: Element) -> bool:
    """Readability.js's `_markDataTables` for one table: data rather than layout."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary"):
        return True
    caption = next(table.iterdescendants("caption"), None)
    if caption is not None and (caption.text or len(caption)):
        return True
    if next(table.iterdescendants(*_DATA_TABLE_PARTS), None) is not None:
        return True
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = columns = 0
    for row in table.iterdescendants("tr"):
        rows += _span(row.get("rowspan"))
        columns = max(columns, sum(_span(c.get("colspan")) for c in row.iterdescendants("td")))
    if columns == 1 or rows == 1:
        return False
    if rows >= 10 or columns > 4:
        return True
    return rows * columns > 10


def _span(value: str | None) -> int:
    """JavaScript's `parseInt(value) || 1`."""
    match = _LEADING_INT.match(value or "")
    return (int(match.group(1)) or 1) if match else 1
