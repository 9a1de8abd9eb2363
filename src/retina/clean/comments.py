"""Readers' comment sections, found by how pages name them.

A news page's comment thread reads like text: full sentences, few links. Extractors tell it
from the article by its container's name, but trafilatura only knows names that *start*
with "comment" (`comments`, `comment-list`), so a thread in `<div id="sf_comment_list">` or
`<section class="ts-comments-section">` came through as article text.

Here a container is a comment section when one of its class or id names is built on a
comment word (comment, Kommentare, comentario, commentaire, commento, Disqus), and it is
not also named as the article or its content ("post", "entry-content"). Names that only
describe the article's comment state (`comments-open`, `has-comments`, `no-comments`),
"commentary" (an opinion piece) and BEM element names inside a content block
(`gallery-main-content__item__comment`) do not count. A container holding most of the
page's text is never a comment section: that is the article, whatever it is called.

The tree is not changed: `CommentSections.holders` tells whether a block's text occurs on
the page only inside comment sections, and the junk stage removes such blocks with that
reason (`junk/comments.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml import etree

_CONTAINERS = ("div", "section", "aside", "ul", "ol", "dl", "article", "form", "footer")
_STEMS = ("omment", "OMMENT", "isqus", "omentari")
"""What a comment word's name contains, whatever its case or language: a cheap test on
every container's class and id before the names are read (a Python loop over these tags,
filtered by lxml in C, is faster than an XPath over attributes)."""

_COMMENT_WORD = re.compile(
    r"comment(?!ary|ator)|kommentare|kommentar(?:bereich|liste|box|[-_])|comentari|disqus", re.I
)
"""Comment words in names: English, French and Italian (commentaire, commento) share the
stem; German "Kommentar" alone also names an opinion piece, so only its plural and
compounds count."""
_STATE_NAME = re.compile(
    r"^(?:(?:has|no|with|show|enable|disable|allow|open|closed)[-_]?comments?"
    r"|comments?[-_]?(?:open|closed|enabled|disabled|on|off|count|\d+))$",
    re.I,
)
"""Names that describe the article's comment state rather than name a thread."""
_CONTENT_NAME = re.compile(
    r"(?:^|[-_])(?:article|content|main|entry|story|post|body|text|hentry)$", re.I
)
"""A name that calls the element the article or its content ("post", "entry-content"): it
ends with such a word ("post_formulario" is a form). It does not count beside a comment
word in the same name ("comment-body"), except as the block of a BEM name
(`main-content__item__comment` is an element of the content)."""
_MAX_PAGE_SHARE = 0.5
_MAX_SEARCHED_CHARS = 200_000_000
"""Page characters times blocks: each block's text is searched in the page's."""


class CommentSections:
    """The page's comment sections and a test for text that occurs only inside them."""

    def __init__(self, tree: etree._Element) -> None:
        found = [e for e in tree.iter(*_CONTAINERS) if _is_comment_section(e)]
        marked = set(found)
        self._tree = tree
        self._named = [e for e in found if not any(a in marked for a in e.iterancestors())]
        self._named_texts = [_squeezed(section) for section in self._named]
        self._sections: list[etree._Element] | None = None
        self._page = self._inside = ""
        self._starts: list[int] = []

    def __bool__(self) -> bool:
        return bool(self._named)

    @property
    def sections(self) -> list[etree._Element]:
        """The outermost named sections, but those holding most of the page's text. The
        page's text is read here, once, and only when needed."""
        if self._sections is None:
            self._page = _squeezed(self._tree)
            limit = _MAX_PAGE_SHARE * len(self._page)
            self._sections, texts = [], []
            for section, text in zip(self._named, self._named_texts, strict=True):
                if len(text) <= limit:
                    self._sections.append(section)
                    self._starts.append(sum(len(t) + 1 for t in texts))
                    texts.append(text)
            self._inside = "\0".join(texts)
        return self._sections

    def holders(self, texts: list[str]) -> list[str | None]:
        """For each text, the name of the comment section holding it (``div#comments``)
        when it occurs on the page only inside comment sections, else None. All None on a
        page too large to search once per block (a hostile page must not cost minutes)."""
        keys = [_without_spaces(text) for text in texts]
        named = "\0".join(self._named_texts)
        if len(named) * len(keys) > _MAX_SEARCHED_CHARS or not any(
            key and key in named for key in keys
        ):
            return [None] * len(keys)  # most pages: the engines left the comments out
        if not self.sections or len(self._page) * len(keys) > _MAX_SEARCHED_CHARS:
            return [None] * len(keys)
        return [self._holder(key) for key in keys]

    def _holder(self, key: str) -> str | None:
        if not key:
            return None
        inside = self._inside.count(key)
        if not inside or inside < self._page.count(key):
            return None
        return describe(self._sections[bisect_right(self._starts, self._inside.find(key)) - 1])


def describe(element: etree._Element) -> str:
    """`tag#id` or `tag.class`, for a removal's reason."""
    name = element.get("id")
    if name:
        return f"{element.tag}#{name.strip()}"
    classes = (element.get("class") or "").split()
    return f"{element.tag}.{classes[0]}" if classes else element.tag


def in_comment_section(element: etree._Element) -> bool:
    """Whether the element, or a container around it, is named for readers' comments (a
    commenter's name in `span.sf_comment_author` is no byline of the article)."""
    return any(_is_comment_section(e) for e in (element, *element.iterancestors()))


def _is_comment_section(element: etree._Element) -> bool:
    """Whether the element's class or id names a comment thread (see the module doc)."""
    ident, classes = element.get("id") or "", element.get("class") or ""
    if not any(stem in ident or stem in classes for stem in _STEMS):
        return False  # the cheap test, for every container of the page
    thread = False
    for name in f"{ident} {classes}".split():
        block = name.partition("__")[0] if "__" in name else ""
        if block and _CONTENT_NAME.search(block):
            return False  # an element of the content block, in BEM naming
        if _COMMENT_WORD.search(name):
            thread = thread or not _STATE_NAME.match(name)
        elif _CONTENT_NAME.search(name):
            return False
    return thread


def _squeezed(element: etree._Element) -> str:
    """The element's text without any whitespace: blocks are found in it whatever spacing
    each engine put between inline elements."""
    return _without_spaces(etree.tostring(element, method="text", encoding=str, with_tail=False))


def _without_spaces(text: str) -> str:
    return "".join(text.split())
