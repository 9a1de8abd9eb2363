"""Readability.js's node-prepping walk of `_grabArticle`, read-only, in one pass.

One `iterwalk` over the body does what Readability.js's loop does on reaching each node —
drop it if hidden, a byline, the heading repeating the title or an unlikely candidate;
put a div's loose text into paragraphs; turn a div that is really a paragraph into one;
note the nodes to score — recording every edit in the `View`. On leaving a node it sums
the node's statistics (`readability_stats`), and it notes the positions and tags the
pruning step needs, so that nothing after the walk has to go over the whole page again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from retina.clean.readability_dom import (
    DIV_TO_P,
    IGNORED,
    Element,
    Node,
    Para,
    View,
    normalise,
    replace_brs,
)
from retina.clean.readability_meta import text_similarity, title_and_byline
from retina.clean.readability_stats import (
    COUNTS,
    LEAD,
    LENGTH,
    TEXTISH,
    TRAIL,
    P,
    Stats,
    add_child,
    add_text,
    is_data_table,
    link_weight,
    new_stats,
)

MAX_ELEMENTS = 30_000
"""Pages with more elements are not extracted (Readability.js's `maxElemsToParse`)."""

STRIP_UNLIKELYS = 1
WEIGHT_CLASSES = 2
CLEAN_CONDITIONALLY = 4
ALL_FLAGS = STRIP_UNLIKELYS | WEIGHT_CLASSES | CLEAN_CONDITIONALLY

# Readability.js's class/id regular expressions are alternations of plain words; testing the
# words as substrings of the lower-cased name is equivalent and several times faster.
_UNLIKELY_WORDS = (
    "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr"
    "|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor"
    "|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
).split("|")
_MAYBE_CANDIDATE_WORDS = "and|article|body|column|content|main|shadow".split("|")
_BYLINE_WORDS = "byline|author|dateline|writtenby|p-author".split("|")
_SHARE_WORDS = ("share", "sharedaddy")
_NEVER_UNLIKELY = frozenset({"body", "a", "mjx-container"})
"""MathJax's containers have "menu" in their class (Readability.js keeps them since #958)."""
_UNLIKELY_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
_CHECKED_ATTRIBUTES = frozenset(
    {"class", "id", "style", "hidden", "aria-hidden", "aria-modal", "role", "rel", "itemprop"}
)
_SCORED = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
_EMPTY_REMOVED = frozenset({"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_HEADINGS = frozenset({"h1", "h2"})
PRUNED = frozenset(
    "form fieldset object embed footer link aside iframe input textarea select button "
    "h1 h2 table ul div".split()
)
"""The tags `_prepArticle` looks for in the selected content."""


@dataclass(slots=True)
class Page:
    """What every attempt shares: the body with its `<br>` rewrites, and the metadata."""

    view: View
    title: str
    has_byline: bool
    """The metadata names an author, so Readability.js removes no byline element."""
    para_below: set[Element]
    """Elements with a `<br><br>` paragraph somewhere inside."""


@dataclass(slots=True)
class Grab:
    """One walk's outcome (see the module doc)."""

    view: View
    found_byline: bool
    stats: dict[Node, Stats] = field(default_factory=dict)
    to_score: list[Node] = field(default_factory=list)
    order: dict[Element, int] = field(default_factory=dict)
    """Each element's position in document order…"""
    last: dict[Element, int] = field(default_factory=dict)
    """…and that of the last element inside it: descendants lie between the two."""
    by_tag: dict[str, list[Element]] = field(default_factory=lambda: {t: [] for t in PRUNED})
    """Elements with a tag in `PRUNED`, in document order."""
    shares: list[Element] = field(default_factory=list)
    """Elements named like share buttons, in document order."""
    data_tables: set[Element] = field(default_factory=set)


def prepare(tree: etree._Element) -> Page | None:
    """The body with Readability.js's `<br><br>` rewrites, and the page's metadata; None
    for a document without a body. A fragment (trafilatura's loader falls back to one for
    some broken pages) is its own body."""
    body = tree if tree.tag == "body" else next(tree.iter("body"), None)
    if body is None:
        if tree.tag == "html":
            return None
        body = tree
    view = View(body)
    replace_brs(view)
    para_below: set[Element] = set()
    for parent in view.kids:
        node = parent.getparent()
        while node is not None and node not in para_below:
            para_below.add(node)
            node = node.getparent()
    title, byline = title_and_byline(tree)
    return Page(view=view, title=title, has_byline=bool(byline), para_below=para_below)


def walk(page: Page, flags: int, found_byline: bool) -> Grab | None:
    """Walk the page once with the given flags; None if it has too many elements.

    `found_byline`: an earlier attempt removed a byline, so this one keeps it (as
    Readability.js's retries do).
    """
    return _Walker(page, flags, found_byline).run()


def node_stats(grab: Grab, node: Node) -> Stats:
    """A node's statistics; a Para's are summed from its items on first use."""
    stats = grab.stats.get(node)
    if stats is None:
        stats = grab.stats[node] = para_stats(grab.view, grab.stats, node, grab.data_tables)
    return stats


def para_stats(
    view: View, stats: dict[Node, Stats], para: Node, data_tables: set[Element]
) -> Stats:
    acc = new_stats()
    for item in view.items(para):
        if type(item) is str:
            add_text(acc, item)
        elif item not in view.removed and isinstance(item.tag, str):
            child = stats.get(item)
            if child is not None:
                add_child(acc, child, view.tag(item), item, data_tables)
    return acc


_SHARE = 1
_BYLINE = 2
_UNLIKELY = 4
_SKIPPED: Stats = []


@lru_cache(maxsize=4096)
def _name_flags(match: str) -> int:
    """What a `class id` string says of its element: `_SHARE` (named like a share
    button: `(\\b|_)(share|sharedaddy)(\\b|_)`), `_BYLINE`, `_UNLIKELY` (a candidate for
    removal: an unlikely word, and no word saying it may be content after all)."""
    lower = match.lower()
    flags = 0
    if any(word in lower for word in _BYLINE_WORDS):
        flags |= _BYLINE
    if any(word in lower for word in _UNLIKELY_WORDS) and not any(
        word in lower for word in _MAYBE_CANDIDATE_WORDS
    ):
        flags |= _UNLIKELY
    for word in _SHARE_WORDS:
        start = lower.find(word)
        while start >= 0:
            if _boundary(lower, start - 1) and _boundary(lower, start + len(word)):
                return flags | _SHARE
            start = lower.find(word, start + 1)
    return flags


def _boundary(text: str, index: int) -> bool:
    """Whether a share word touching `text[index]` ends there (`\\b` or `_`)."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return char == "_" or not (char.isascii() and char.isalnum())


@lru_cache(maxsize=1024)
def _invisible(style: str) -> bool:
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        value = value.strip().lower()
        if (name == "display" and value == "none") or (name == "visibility" and value == "hidden"):
            return True
    return False


class _Walker:
    def __init__(self, page: Page, flags: int, found_byline: bool) -> None:
        self.page = page
        self.view = page.view.copy()
        self.grab = Grab(self.view, found_byline=False)
        self.strip = bool(flags & STRIP_UNLIKELYS)
        self.find_byline = not (page.has_byline or found_byline)
        self.find_title = bool(page.title)
        self.unchecked: set[Element] = {self.view.body}
        """Elements Readability.js does not check: the `<p>` replacing a div (its walk goes on
        with the children), and the body (it would not work without one)."""

    def run(self) -> Grab | None:
        """The walk. This loop runs for every element of the page, so the common cases
        (whitespace text, elements without attributes) are handled inline."""
        view, grab = self.view, self.grab
        removed, renamed, kids_of, collapsed = view.removed, view.tags, view.kids, view.collapsed
        stats, to_score, order, last = grab.stats, grab.to_score, grab.order, grab.last
        by_tag, data_tables = grab.by_tag, grab.data_tables
        budget = MAX_ELEMENTS
        position = 0
        stack: list[Stats] = []  # the statistics of the elements entered, or _SKIPPED
        walker = etree.iterwalk(view.body, events=("start", "end", "comment", "pi"))
        for event, element in walker:
            if event == "start":
                budget -= 1
                if not budget:
                    return None
                tag = renamed.get(element)
                if tag is None:
                    tag = element.tag
                    if tag == "font":
                        tag = "span"
                if tag in IGNORED or element in removed:
                    walker.skip_subtree()
                    stack.append(_SKIPPED)
                    continue
                pairs = element.items()
                if (
                    self._drops(element, tag, pairs)
                    if pairs
                    else tag in _TITLE_HEADINGS and self._is_title(element)
                ):
                    removed.add(element)
                    walker.skip_subtree()
                    stack.append(_SKIPPED)
                    continue
                position += 1
                order[element] = position
                if tag in _SCORED:
                    to_score.append(element)
                pruned = tag
                if tag == "div":
                    self._prep_div(element)
                    pruned = renamed.get(element, tag)
                if pruned in PRUNED and element not in collapsed:
                    by_tag[pruned].append(element)
                kids = kids_of.get(element)
                if kids is not None:
                    to_score.extend(item for item in kids if type(item) is Para)
                # new_stats(), and the tag before any rename (popped on leaving)
                acc = [0, False, False, 0.0, 0, 0, 0, tag]
                text = element.text
                if text:
                    if text.isspace():
                        acc[LEAD] = acc[TRAIL] = True
                    else:
                        add_text(acc, text)
                stack.append(acc)
                continue
            if event == "end":
                acc = stack.pop()
                if acc is not _SKIPPED:
                    last[element] = position
                    tag = acc.pop()
                    stats[element] = acc
                    if acc[LENGTH] == 0 and self._empty(element, tag):
                        removed.add(element)
                    else:
                        if element in kids_of:
                            self._count_paras(element, acc)
                        if tag == "table" and is_data_table(element):
                            data_tables.add(element)
                        if stack:
                            tag = renamed.get(element, tag)
                            add_child(stack[-1], acc, tag, element, data_tables)
            tail = element.tail
            if tail and stack:  # (a skipped element's parent is never skipped)
                parent = stack[-1]
                if tail.isspace():
                    if parent[LENGTH] == 0:
                        parent[LEAD] = True
                    parent[TRAIL] = True
                else:
                    add_text(parent, tail)
        return grab

    def _empty(self, element: Element, tag: str) -> bool:
        """`_isElementWithoutContent` for the tags Readability.js removes when empty. The
        tag is the one the element had on entering, before any div-to-p rename."""
        return tag in _EMPTY_REMOVED and self.view.is_without_content(element)

    def _count_paras(self, element: Element, acc: Stats) -> None:
        """The paragraphs created in the element count as `<p>`s inside it."""
        for item in self.view.kids[element]:
            if type(item) is Para:
                para = self.grab.stats.get(item)
                if para is None:
                    para = self.grab.stats[item] = para_stats(
                        self.view, self.grab.stats, item, self.grab.data_tables
                    )
                acc[COUNTS] += (1 << P) + ((1 << TEXTISH) if para[LENGTH] else 0)

    def _drops(self, element: Element, tag: str, pairs: list[tuple[str, str]]) -> bool:
        """Whether Readability.js removes the element (which has attributes) on reaching
        it; also notes elements named like share buttons for the pruning step."""
        attrs = dict(pairs)
        if attrs.keys().isdisjoint(_CHECKED_ATTRIBUTES):
            return tag in _TITLE_HEADINGS and self._is_title(element)
        get = attrs.get
        cls = get("class") or ""
        match = cls + " " + (get("id") or "")
        names = _name_flags(match) if match != " " else 0
        if names & _SHARE:
            self.grab.shares.append(element)
        if element in self.unchecked:
            return False
        style = get("style")
        if style and _invisible(style):
            return True
        if "hidden" in attrs:
            return True
        if get("aria-hidden") == "true" and "fallback-image" not in cls:
            return True
        role = get("role")
        if role == "dialog" and get("aria-modal") == "true":
            return True
        if self.find_byline and self._is_byline(element, attrs, names):
            self.find_byline = False
            self.grab.found_byline = True
            return True
        if tag in _TITLE_HEADINGS and self._is_title(element):
            return True
        if self.strip:
            if (
                names & _UNLIKELY
                and tag not in _NEVER_UNLIKELY
                and not self.view.has_ancestor(element, "table")
                and not self.view.has_ancestor(element, "code")
            ):
                return True
            if role in _UNLIKELY_ROLES:
                return True
        return False

    def _is_byline(self, element: Element, attrs: dict[str, str], names: int) -> bool:
        if not (
            names & _BYLINE
            or attrs.get("rel") == "author"
            or "author" in (attrs.get("itemprop") or "")
        ):
            return False
        return 0 < len(self.view.text(element).strip()) < 100

    def _is_title(self, element: Element) -> bool:
        """The first `<h1>`/`<h2>` repeating the title is dropped (it is shown apart)."""
        if not self.find_title:
            return False
        if text_similarity(self.page.title, self.view.text(element).strip()) > 0.75:
            self.find_title = False
            return True
        return False

    def _prep_div(self, div: Element) -> None:
        """Loose text into paragraphs; a div that is a paragraph in disguise becomes one.

        After the wrapping, no text with content is left directly in the div, so a div
        with one child that is a `<p>` has nothing else (`_hasSingleTagInsideElement`).
        """
        view = self.view
        children = view.wrap_phrasing(div)
        if (
            len(children) == 1
            and view.tag(children[0]) == "p"
            and _raw_link_density(view, div) < 0.25
        ):
            only = children[0]
            view.collapsed[div] = only
            if type(only) is not Para:
                self.unchecked.add(only)
        elif not self._has_block(div, children):
            view.tags[div] = "p"
            self.grab.to_score.append(div)

    def _has_block(self, div: Element, children: list[Node]) -> bool:
        """Readability.js's `_hasChildBlockElement` (any depth)."""
        if div in self.page.para_below:
            return True
        view = self.view
        for child in children:
            if type(child) is Para or view.tag(child) in DIV_TO_P:
                return True
        return next(div.iterdescendants(*DIV_TO_P), None) is not None


def _raw_link_density(view: View, div: Element) -> float:
    """Link density of a div the walk has not entered yet (nothing in it removed)."""
    if next(div.iter(*IGNORED), None) is None:  # the usual case: lxml gives the text
        size = len(normalise("".join(div.itertext())))
        if not size:
            return 0.0
        links = sum(len(normalise("".join(a.itertext()))) * link_weight(a) for a in div.iter("a"))
        return links / size
    size = len(normalise(view.text(div)))
    if not size:
        return 0.0
    links = 0.0
    for node in view.walk(div):
        if type(node) is not Para and node.tag == "a":
            links += len(normalise(view.text(node))) * link_weight(node)
    return links / size
