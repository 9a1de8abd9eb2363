"""A read-only view of an lxml tree as Mozilla Readability.js would have rewritten it.

Readability.js edits the DOM as it goes: it turns `<br><br>` runs and loose text in
`<div>`s into new `<p>`s, renames divs, replaces a div by its only paragraph and removes
whatever it judges to be junk. The tree we get is shared with trafilatura, so nothing may
change in it; instead a `View` records each of those edits beside the tree:

- `Para` is a paragraph Readability.js would have created; it holds the text strings and
  elements it took over from its parent, whose children sequence is rewritten in `kids`;
- `tags` holds renamed nodes, `removed` the dropped ones, `collapsed` the divs replaced by
  their only paragraph, `bare` the nodes whose class and id no longer count.

Every traversal goes through `items` / `children` / `parent`, so it sees the edited tree.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

Element = etree._Element


class Para:
    """A `<p>` Readability.js creates: its children are text strings and elements."""

    __slots__ = ("items",)

    def __init__(self, items: list[Item]) -> None:
        self.items = items


Node = Element | Para
Item = str | Element | Para

IGNORED = frozenset({"script", "noscript", "style", "template"})
"""Removed by Readability.js before it starts (`<template>` is never rendered either)."""

PHRASING = frozenset(
    "abbr audio b bdo br button cite code data datalist dfn em embed i img input kbd label "
    "mark math meter noscript object output progress q ruby samp script select small span "
    "strong sub sup textarea time var wbr font".split()
)
"""Readability.js's phrasing content (`<font>` is renamed `<span>` before extraction)."""

PHRASING_IF_CONTENT = frozenset({"a", "del", "ins"})
"""Phrasing content only when everything inside them is."""

DIV_TO_P = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})
"""Children that keep a `<div>` a div rather than a paragraph in disguise."""

_BR_OR_HR = ("br", "hr")


class View:
    """Readability.js's edits to a tree, recorded beside it (see the module docstring)."""

    __slots__ = ("bare", "body", "collapsed", "kids", "parents", "raw", "removed", "tags")

    def __init__(self, body: Element) -> None:
        self.body = body
        self.raw: dict[Element, list[Item]] = {}
        """The tree's own children sequences, shared by all copies (the tree never changes;
        keeping them also keeps lxml from rebuilding element proxies)."""
        self.kids: dict[Element, list[Item]] = {}
        self.parents: dict[Node, Node] = {}
        self.tags: dict[Node, str] = {}
        self.removed: set[Node] = set()
        self.collapsed: dict[Element, Node] = {}
        self.bare: set[Node] = set()

    def copy(self) -> View:
        view = View(self.body)
        view.raw = self.raw
        view.kids = dict(self.kids)
        view.parents = dict(self.parents)
        view.tags = dict(self.tags)
        view.removed = set(self.removed)
        view.collapsed = dict(self.collapsed)
        view.bare = set(self.bare)
        return view

    def tag(self, node: Node) -> str:
        if type(node) is Para:
            return "p"
        tag = self.tags.get(node)
        if tag is not None:
            return tag
        tag = node.tag
        return "span" if tag == "font" else tag

    def attr(self, node: Node, name: str) -> str:
        if type(node) is Para or node in self.bare:
            return ""
        return node.get(name) or ""

    def items(self, node: Node) -> list[Item]:
        """Children of `node` in order: text strings, elements (comments too) and Paras."""
        if type(node) is Para:
            return node.items
        kids = self.kids.get(node)
        if kids is not None:
            return kids
        kids = self.raw.get(node)
        if kids is None:
            kids = self.raw[node] = raw_items(node)
        return kids

    def children(self, node: Node) -> list[Node]:
        """Element children (and Paras), as Readability.js's `node.children` would be."""
        out: list[Node] = []
        for item in self.items(node):
            if type(item) is str:
                continue
            if type(item) is not Para:
                if item in self.removed or not isinstance(item.tag, str):
                    continue
                item = self.collapsed.get(item, item)
            out.append(item)
        return out

    def parent(self, node: Node) -> Node | None:
        """The parent in the edited tree; None above the body."""
        if node is self.body:
            return None
        parent = self.parents.get(node)
        if parent is None:
            parent = node.getparent()
        while parent is not None and parent in self.collapsed:
            moved = self.parents.get(parent)
            parent = moved if moved is not None else parent.getparent()
        return parent

    def ancestors(self, node: Node, limit: int = 0) -> list[Node]:
        """Up to `limit` ancestors (all when 0), nearest first, the body the last."""
        out: list[Node] = []
        parent = self.parent(node)
        while parent is not None:
            out.append(parent)
            if len(out) == limit:
                break
            parent = self.parent(parent)
        return out

    def has_ancestor(self, node: Node, tag: str, levels: int = 4) -> bool:
        """Readability.js's `_hasAncestorTag` with its default depth (four parents)."""
        parent = self.parent(node)
        while parent is not None and levels:
            if self.tag(parent) == tag:
                return True
            parent = self.parent(parent)
            levels -= 1
        return False

    def walk(self, node: Node, skip: set[Node] | None = None) -> Iterator[Node]:
        """`node` and its descendants in document order, without removed (or `skip`) ones."""
        removed = self.removed
        stack: list[Node] = [node]
        while stack:
            current = stack.pop()
            yield current
            for item in reversed(self.items(current)):
                if type(item) is str:
                    continue
                if type(item) is not Para:
                    if item in removed or not isinstance(item.tag, str):
                        continue
                    item = self.collapsed.get(item, item)
                if skip is None or item not in skip:
                    stack.append(item)

    def text(self, node: Node, skip: set[Node] | None = None) -> str:
        """The text content of `node` (Readability.js's `textContent`), unnormalised."""
        removed = self.removed
        parts: list[str] = []
        stack: list[Item] = [node]
        while stack:
            item = stack.pop()
            if type(item) is str:
                parts.append(item)
                continue
            if type(item) is not Para and (
                item in removed or not isinstance(item.tag, str) or (skip and item in skip)
            ):
                continue
            stack.extend(reversed(self.items(item)))
        return "".join(parts)

    def is_phrasing(self, item: Item) -> bool:
        """Readability.js's `_isPhrasingContent` (`<a>`, `<del>`, `<ins>` checked inside)."""
        stack = [item]
        while stack:
            item = stack.pop()
            if type(item) is str:
                continue
            if type(item) is Para or not isinstance(item.tag, str):
                return False
            tag = self.tag(item)
            if tag in PHRASING:
                continue
            if tag not in PHRASING_IF_CONTENT:
                return False
            stack.extend(self.items(item))
        return True

    def is_whitespace(self, item: Item) -> bool:
        if type(item) is str:
            return not item.strip()
        return type(item) is not Para and isinstance(item.tag, str) and self.tag(item) == "br"

    def is_without_content(self, element: Element) -> bool:
        """`_isElementWithoutContent` for an element known to have no text: no element
        children but `<br>`s and `<hr>`s (counted, as Readability.js does, among all
        descendants)."""
        children = self.children(element)
        if not children:
            return True
        lines = sum(1 for e in element.iterdescendants(_BR_OR_HR) if e not in self.removed)
        return len(children) == lines

    def wrap_phrasing(self, div: Element) -> list[Node]:
        """Put each run of phrasing content in `div` into a new paragraph (in the view).

        Runs start at non-whitespace; a run closed by a block loses its trailing
        whitespace and `<br>`s. Returns the div's element children afterwards.
        """
        items = self.items(div)
        renamed = self.tags
        removed = self.removed
        out: list[Item] | None = None
        paras: list[Para] = []
        children: list[Node] = []
        para: Para | None = None
        for index, item in enumerate(items):
            kind = type(item)
            if kind is str:
                phrasing, blank = True, item.isspace()
            elif kind is Para:
                phrasing = blank = False
            else:
                tag = item.tag
                if not isinstance(tag, str):
                    phrasing = blank = False
                else:
                    tag = renamed.get(item) or ("span" if tag == "font" else tag)
                    if tag in PHRASING:
                        phrasing, blank = True, tag == "br"
                    else:
                        phrasing = tag in PHRASING_IF_CONTENT and self.is_phrasing(item)
                        blank = False
            if phrasing:
                if para is not None:
                    para.items.append(item)
                    continue
                if not blank:
                    para = Para([item])
                    paras.append(para)
                    children.append(para)
                    if out is None:
                        out = list(items[:index])
                    out.append(para)
                    continue
            elif para is not None:
                _trim_end(self, para)
                para = None
            if out is not None:
                out.append(item)
            if kind is Para or (
                kind is not str and isinstance(item.tag, str) and item not in removed
            ):
                children.append(item)
        if out is not None:
            self._adopt(div, out, paras)
        return children

    def _adopt(self, parent: Element, items: list[Item], paras: list[Para]) -> None:
        self.kids[parent] = items
        for para in paras:
            self.parents[para] = parent
            for item in para.items:
                if type(item) is not str:
                    self.parents[item] = para


def raw_items(element: Element) -> list[Item]:
    """The element's text, children and their tails, without the ignored elements."""
    out: list[Item] = []
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag not in IGNORED:
            out.append(child)
        if child.tail:
            out.append(child.tail)
    return out


def _trim_end(view: View, para: Para) -> None:
    items = para.items
    while items and view.is_whitespace(items[-1]):
        items.pop()


def _is_br(view: View, item: Item) -> bool:
    return (
        type(item) is not str
        and type(item) is not Para
        and item.tag == "br"
        and item not in view.removed
    )


def _next_node(items: list[Item], start: int) -> int:
    """Index of the first item from `start` that is an element or non-blank text
    (Readability.js's `_nextNode`; comments count as their text)."""
    for index in range(start, len(items)):
        item = items[index]
        if type(item) is str:
            if item.strip():
                return index
        elif isinstance(item.tag, str) or (item.text or "").strip():
            return index
    return len(items)


def replace_brs(view: View) -> None:
    """Readability.js's `_replaceBrs`: a chain of two or more `<br>`s becomes a new
    paragraph holding the phrasing content that follows, up to the next chain."""
    parents: dict[Element, None] = {}
    for br in view.body.iter("br"):
        tail = br.tail
        if tail and not tail.isspace():
            continue
        after = br.getnext()  # a chain needs another <br> next, bar blanks and comments
        if after is not None and (
            after.tag == "br" or after.tag in IGNORED or not isinstance(after.tag, str)
        ):
            parent = br.getparent()
            if parent is not None:
                parents[parent] = None
    for parent in parents:
        _split_at_br_chains(view, parent)


def _split_at_br_chains(view: View, parent: Element) -> None:
    items = raw_items(parent)
    out: list[Item] = []
    paras: list[Para] = []
    index = 0
    while index < len(items):
        item = items[index]
        chain = []
        if _is_br(view, item):
            probe = _next_node(items, index + 1)
            while probe < len(items) and _is_br(view, items[probe]):
                chain.append(items[probe])
                probe = _next_node(items, probe + 1)
        if not chain:
            out.append(item)
            index += 1
            continue
        view.removed.update(chain)
        in_chain = set(chain)  # a list test here made 20,000 <br>s take seconds
        para = Para([])
        index += 1
        while index < len(items):
            following = items[index]
            if following in in_chain:
                index += 1
                continue
            if _is_br(view, following):
                after = _next_node(items, index + 1)
                if after < len(items) and _is_br(view, items[after]):
                    break
            if not view.is_phrasing(following):
                break
            para.items.append(following)
            index += 1
        _trim_end(view, para)
        paras.append(para)
        out.append(para)
        view.removed.add(item)  # the first <br> of the chain is replaced by the paragraph
    if paras:
        view._adopt(parent, out, paras)
        if view.tag(parent) == "p":
            view.tags[parent] = "div"


def normalise(text: str) -> str:
    """Whitespace runs to one space, ends stripped."""
    return " ".join(text.split())  # (str.split is several times faster than a regex)
