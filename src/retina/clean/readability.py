"""A second main-text engine: Mozilla Readability.js's algorithm, ported to lxml, read-only.

`extract_readable` finds the article the way Readability.js does — scoring paragraphs into
their ancestors, picking the best-scoring container, joining its siblings that look like
more of the article and pruning what looks like junk inside — and returns it as
`Candidate` blocks. It never changes the tree it is given (trafilatura runs on the same
tree): Readability.js's DOM edits are recorded beside the tree instead. The steps:

- `readability_dom`: the `View`, the edited tree as Readability.js would see it;
- `readability_meta`: the title and byline metadata the walk needs;
- `readability_walk`: one pass over the page (removals, div rewrites, statistics);
- `readability_stats`: the per-node statistics that pass sums;
- `readability_score`: paragraph scores, the top candidate and its joined siblings;
- `readability_clean`: `_prepArticle`'s pruning of the selected content;
- here: the retries, and the blocks written from the result.

Like Readability.js, a result shorter than 500 characters is retried with relaxed rules
(first without removing unlikely-looking elements, then without class-name weights, then
without conditional pruning) and the longest attempt wins. Text is cut into blocks at
block-level elements, so a `<br><br>` run (a new paragraph for Readability.js) starts a
new block while a single `<br>` is a space within one.
"""

from __future__ import annotations

from lxml import etree

from retina.clean.candidate import Candidate
from retina.clean.readability_clean import Cleaner
from retina.clean.readability_dom import Element, Item, Node, Para, normalise
from retina.clean.readability_score import select
from retina.clean.readability_walk import (
    ALL_FLAGS,
    CLEAN_CONDITIONALLY,
    MAX_ELEMENTS,
    STRIP_UNLIKELYS,
    WEIGHT_CLASSES,
    Grab,
    prepare,
    walk,
)
from retina.model import BlockKind

__all__ = ["MAX_ELEMENTS", "extract_readable"]

MIN_ARTICLE_CHARS = 500
"""Readability.js's `charThreshold`: shorter results are retried with relaxed rules."""

_RELAXED = (STRIP_UNLIKELYS, WEIGHT_CLASSES, CLEAN_CONDITIONALLY)
_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html "
    "legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_TABLE_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})


def extract_readable(tree: etree._Element) -> list[Candidate] | None:
    """The page's main content as Readability.js finds it, as blocks in document order.

    None when there is no content, no `<body>`, or more than `MAX_ELEMENTS` elements.
    The tree is not modified.
    """
    page = prepare(tree)
    if page is None:
        return None
    flags = ALL_FLAGS
    walks: dict[tuple[bool, bool], Grab] = {}
    found_byline = False
    attempts: list[tuple[int, Cleaner]] = []  # text length, result
    while True:
        key = (bool(flags & STRIP_UNLIKELYS), found_byline)
        grab = walks.get(key)
        if grab is None:
            grab = walk(page, flags, found_byline)
            if grab is None:
                return None
            walks[key] = grab
        found_byline = found_byline or grab.found_byline
        selection = select(grab, flags)
        cleaner = Cleaner(grab, selection, flags)
        length = cleaner.run()
        attempts.append((length, cleaner))
        if length >= MIN_ARTICLE_CHARS:
            break
        relaxed = next((flag for flag in _RELAXED if flags & flag), None)
        if relaxed is None:
            break
        flags &= ~relaxed
    length, best = max(attempts, key=lambda attempt: attempt[0])  # the first of equals
    if not length:
        return None
    return _Writer(best).write() or None


class _Writer:
    """Turns the selected, cleaned nodes into blocks: text runs are cut at block-level
    elements; the nearest heading, list item or quote around a run gives its kind."""

    def __init__(self, cleaner: Cleaner) -> None:
        self.view = cleaner.view
        self.content = cleaner.content
        self.dead = cleaner.dead
        self.data_tables = cleaner.data_tables
        self.blocks: list[Candidate] = []
        self.parts: list[str] = []
        self.link_parts: list[str] = []

    def write(self) -> list[Candidate]:
        view, dead = self.view, self.dead
        kinds: list[tuple[BlockKind, int | None]] = [(BlockKind.PARAGRAPH, None)]
        links = 0
        stack: list[Item | _Mark] = list(reversed(self.content))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self.parts.append(item)
                if links:
                    self.link_parts.append(item)
                continue
            if isinstance(item, _Mark):
                if item is _END_BLOCK:
                    self._flush(kinds.pop())
                else:
                    links -= 1
                continue
            node: Node = item
            if not isinstance(node, Para):
                if node in dead or node in view.removed or not isinstance(node.tag, str):
                    continue
                node = view.collapsed.get(node, node)
                if node in dead:
                    continue
            tag = view.tag(node)
            if tag == "br":
                self.parts.append(" ")
                continue
            if tag not in _BLOCKS and not isinstance(node, Para):
                if tag == "a":
                    links += 1
                    stack.append(_END_LINK)
                stack.extend(reversed(view.items(node)))
                continue
            self._flush(kinds[-1])
            if tag == "pre":
                self._code(node)
            elif tag == "table" and not isinstance(node, Para) and node in self.data_tables:
                self._table(node)
            else:
                kinds.append(_kind(tag, kinds[-1]))
                stack.append(_END_BLOCK)
                stack.extend(reversed(view.items(node)))
        self._flush(kinds[-1])
        return self.blocks

    def _flush(self, kind: tuple[BlockKind, int | None]) -> None:
        if not self.parts:
            return
        text = normalise("".join(self.parts))
        if text:
            links = len(normalise("".join(self.link_parts))) if self.link_parts else 0
            self.blocks.append(Candidate(kind[0], text, kind[1], min(1.0, links / len(text))))
        self.parts.clear()
        self.link_parts.clear()

    def _code(self, node: Node) -> None:
        text = self.view.text(node, self.dead).strip("\n")
        if text.strip():
            self.blocks.append(Candidate(BlockKind.CODE, text))

    def _table(self, table: Element) -> None:
        """A data table: its caption as a paragraph, its rows as `cell | cell` lines."""
        view, dead = self.view, self.dead
        rows: list[str] = []
        stack = [iter(view.children(table))]
        while stack:
            for child in stack[-1]:
                if child in dead:
                    continue
                tag = view.tag(child)
                if tag == "caption":
                    caption = normalise(view.text(child, dead))
                    if caption:
                        self.blocks.append(Candidate(BlockKind.PARAGRAPH, caption))
                elif tag in _TABLE_SECTIONS:
                    stack.append(iter(view.children(child)))
                    break
                elif tag == "tr":
                    cells = [
                        normalise(view.text(cell, dead))
                        for cell in view.children(child)
                        if cell not in dead and view.tag(cell) in _CELLS
                    ]
                    if any(cells):
                        rows.append(" | ".join(cells))
            else:
                stack.pop()
        if not rows:
            return
        text = "\n".join(rows)
        link_chars = sum(
            len(normalise(view.text(link, dead)))
            for link in view.walk(table, dead)
            if type(link) is not Para and link.tag == "a"
        )
        plain = len(text.replace(" | ", " "))
        self.blocks.append(
            Candidate(BlockKind.TABLE, text, link_density=min(1.0, link_chars / max(plain, 1)))
        )


class _Mark:
    """A marker on the writer's stack: where a block or a link ends."""


_END_BLOCK = _Mark()
_END_LINK = _Mark()


def _kind(tag: str, around: tuple[BlockKind, int | None]) -> tuple[BlockKind, int | None]:
    level = _HEADING_LEVELS.get(tag)
    if level is not None:
        return BlockKind.HEADING, level
    if tag == "li":
        return BlockKind.LIST_ITEM, None
    if tag == "blockquote":
        return BlockKind.QUOTE, None
    return around
