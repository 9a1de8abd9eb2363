"""Readability.js's `_prepArticle`, read-only: what it strips from the selected content.

Removed nodes go into `Cleaner.dead` instead of out of the tree. The nodes to look at come
from the walk's lists (filtered to the content by document position) and their measures
from the walk's statistics; a removal marks the removed node's ancestors stale, and a
stale node's statistics are summed again from its children when next needed — so later
passes see earlier removals, as in Readability.js, without recounting whole subtrees.
"""

from __future__ import annotations

import re

from retina.clean.readability_dom import Element, Node, Para, normalise
from retina.clean.readability_score import Selection, class_weight
from retina.clean.readability_stats import (
    DATA_TABLE,
    EMBED,
    HEADING_TEXT,
    IMG,
    INPUT,
    LATIN_COMMAS,
    LENGTH,
    LI,
    LINKS,
    LIST_TEXT,
    TEXTISH,
    VIDEO,
    P,
    Stats,
    add_child,
    add_text,
    count,
    is_video,
    new_stats,
)
from retina.clean.readability_walk import CLEAN_CONDITIONALLY, Grab, node_stats

_AD_WORDS = re.compile(
    r"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", re.I
)
_LOADING_WORDS = re.compile(r"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", re.I)
_SHORT_TEXT = 30
"""Longer texts cannot be just an ad or loading label."""
_SHARE_MAX_CHARS = 500
_EMBEDS = frozenset({"object", "embed", "iframe"})


class Cleaner:
    """The selected content of one attempt and what `_prepArticle` removes from it."""

    def __init__(self, grab: Grab, selection: Selection, flags: int) -> None:
        self.grab = grab
        self.view = selection.view
        self.content = selection.content
        self.roots = set(self.content)
        self.flags = flags
        self.dead: set[Node] = set()
        self.data_tables = grab.data_tables
        self._fresh: dict[Node, Stats] = {}
        self._stale: set[Node] = set()
        self._in_table: dict[Node, bool] = {}
        self._ranges = [r for r in map(self._range, self.content) if r is not None]

    def run(self) -> int:
        """Clean the content; returns the length of its remaining normalised text."""
        self._clean_conditionally("form")
        self._clean_conditionally("fieldset")
        for tag in ("object", "embed", "footer", "link", "aside"):
            self._clean(tag)
        self._clean_shares()
        for tag in ("iframe", "input", "textarea", "select", "button"):
            self._clean(tag)
        for heading in self._nodes("h1") + self._nodes("h2"):
            if class_weight(self.view, heading, self.flags) < 0:
                self._remove(heading)
        for tag in ("table", "ul", "div"):
            self._clean_conditionally(tag)
        total = new_stats()
        for root in self.content:
            if root not in self.dead:
                add_child(total, self._stats(root), "", root, self.data_tables)
        return total[LENGTH]

    # --- which nodes ---

    def _range(self, root: Node) -> tuple[int, int] | None:
        """Document positions of the elements in a top-level node."""
        order, last = self.grab.order, self.grab.last
        if type(root) is not Para:
            return order[root], last[root]
        elements = [i for i in root.items if type(i) is not str and i in order]
        if not elements:
            return None
        return order[elements[0]], last[elements[-1]]

    def _within(self, elements: list[Element]) -> list[Element]:
        """The elements in the content (both in document order), without removed ones and
        divs replaced by their paragraph."""
        order, removed, collapsed = self.grab.order, self.view.removed, self.view.collapsed
        ranges = self._ranges
        out: list[Element] = []
        index = 0
        for element in elements:
            position = order.get(element)
            if position is None:
                continue  # dropped on the walk
            while index < len(ranges) and ranges[index][1] < position:
                index += 1
            if index == len(ranges):
                break
            if ranges[index][0] <= position and not (element in removed or element in collapsed):
                out.append(element)
        return out

    def _nodes(self, tag: str) -> list[Element]:
        """The content's elements with the tag, in document order; the top-level ones by the
        tag the joining gave them. Some may be inside removed nodes by now."""
        nodes = [n for n in self._within(self.grab.by_tag[tag]) if n not in self.roots]
        roots = [r for r in self.content if not isinstance(r, Para) and self.view.tag(r) == tag]
        if not roots:
            return nodes
        return sorted(nodes + roots, key=self.grab.order.__getitem__)

    def _live(self, nodes: list[Element]) -> list[Element]:
        """The nodes not inside a removed one (each ancestor looked at once)."""
        known: dict[Node, bool] = {}
        out = []
        for node in nodes:
            chain = []
            current: Node | None = node
            live = True
            while current is not None:
                state = known.get(current)
                if state is not None:
                    live = state
                    break
                if current in self.dead:
                    live = False
                    break
                chain.append(current)
                if current in self.roots:
                    break
                current = self.view.parent(current)
            for visited in chain:
                known[visited] = live
            if live:
                out.append(node)
        return out

    def _remove(self, node: Node) -> None:
        """Remove a node; its ancestors' statistics go stale."""
        self.dead.add(node)
        current = node
        while current not in self.roots:
            parent = self.view.parent(current)
            if parent is None or parent in self._stale:
                break
            self._stale.add(parent)
            self._fresh.pop(parent, None)
            current = parent

    # --- the passes ---

    def _clean(self, tag: str) -> None:
        """Remove every node with the tag (embedded videos stay)."""
        for node in self._nodes(tag):
            if tag in _EMBEDS and is_video(node):
                continue
            self._remove(node)

    def _clean_shares(self) -> None:
        """Small elements named like share buttons, below the top-level nodes."""
        shares = [n for n in self._within(self.grab.shares) if n not in self.roots]
        for node in self._live(shares):
            if node not in self.dead and len(self.view.text(node, self.dead)) < _SHARE_MAX_CHARS:
                self._remove(node)

    def _clean_conditionally(self, tag: str) -> None:
        if not self.flags & CLEAN_CONDITIONALLY:
            return
        for node in reversed(self._live(self._nodes(tag))):
            if self._is_fishy(node, tag):
                self._remove(node)

    def _is_fishy(self, node: Node, tag: str) -> bool:
        """Readability.js's `_cleanConditionally` verdict for one node."""
        view = self.view
        stats = self._stats(node)
        size = stats[LENGTH]
        is_list = tag in ("ul", "ol") or (size > 0 and count(stats, LIST_TEXT) / size > 0.9)
        if tag == "table" and node in self.data_tables:
            return False
        if self._inside_data_table(node) or view.has_ancestor(node, "code"):
            return False
        if count(stats, DATA_TABLE):
            return False
        weight = class_weight(view, node, self.flags)
        if weight < 0:
            return True
        if stats[LATIN_COMMAS] >= 10:
            return False
        if count(stats, VIDEO):
            return False
        if size < _SHORT_TEXT:
            text = normalise(view.text(node, self.dead))
            if _AD_WORDS.match(text) or _LOADING_WORDS.match(text):
                return True
        paragraphs, images = count(stats, P), count(stats, IMG)
        embeds = count(stats, EMBED)
        link_density = stats[LINKS] / size if size else 0.0
        heading_density = count(stats, HEADING_TEXT) / size if size else 0.0
        in_figure = view.has_ancestor(node, "figure")
        remove = (
            (not in_figure and images > 1 and paragraphs / images < 0.5)
            or (not is_list and count(stats, LI) - 100 > paragraphs)
            or count(stats, INPUT) > paragraphs // 3
            or (
                not is_list
                and not in_figure
                and heading_density < 0.9
                and size < 25
                and (images == 0 or images > 2)
                and link_density > 0
            )
            or (not is_list and weight < 25 and link_density > 0.2)
            or (weight >= 25 and link_density > 0.5)
            or (embeds == 1 and size < 75)
            or embeds > 1
            or (images == 0 and (size == 0 or not count(stats, TEXTISH)))
        )
        if is_list and remove:
            # A list of images, one per item, stays.
            for child in self._children(node):
                if len(self._children(child)) > 1:
                    return True
            return images != count(stats, LI)
        return remove

    def _children(self, node: Node) -> list[Node]:
        return [c for c in self.view.children(node) if c not in self.dead]

    def _inside_data_table(self, node: Node) -> bool:
        """Whether a data table in the content holds the node (at any depth; each
        ancestor is looked at once over all calls)."""
        if not self.data_tables:
            return False
        known = self._in_table
        chain: list[Node] = []
        current = node
        inside = False
        while current not in self.roots:
            parent = self.view.parent(current)
            if parent is None:
                break
            state = known.get(parent)
            if state is not None:
                inside = state
                break
            if parent in self.data_tables:
                inside = True
                break
            chain.append(parent)
            current = parent
        for ancestor in chain:
            known[ancestor] = inside
        return inside

    # --- statistics ---

    def _known(self, node: Node) -> Stats | None:
        fresh = self._fresh.get(node)
        if fresh is not None:
            return fresh
        if node in self._stale:
            return None
        return node_stats(self.grab, node)

    def _stats(self, node: Node) -> Stats:
        """The node's statistics, summed again below it where removals made them stale."""
        known = self._known(node)
        if known is not None:
            return known
        view, dead, tables = self.view, self.dead, self.data_tables
        removed, collapsed = view.removed, view.collapsed
        stack = [(node, iter(view.items(node)), new_stats())]
        while stack:
            current, items, acc = stack[-1]
            for item in items:
                if type(item) is str:
                    add_text(acc, item)
                    continue
                if type(item) is not Para:
                    if item in removed or not isinstance(item.tag, str):
                        continue
                    item = collapsed.get(item, item)
                if item in dead:
                    continue
                child = self._known(item)
                if child is None:
                    stack.append((item, iter(view.items(item)), new_stats()))
                    break
                add_child(acc, child, view.tag(item), item, tables)
            else:
                stack.pop()
                self._fresh[current] = acc
                self._stale.discard(current)
                if stack:
                    add_child(stack[-1][2], acc, view.tag(current), current, tables)
        return self._fresh[node]
