"""Who wrote the article: the names a page declares and the byline it shows.

The sources, most deliberate first: the JSON-LD author written out; the author meta tags;
the byline's markup (`rel=author`, schema.org `itemprop`); a JSON-LD author given by
reference alone; elements whose class, id, then test attribute says byline or author; the
first line of text that is a byline and nothing else; links to author pages ("/by/ana-ruiz",
"/profiles/…"), for a site whose class names say nothing; a Chinese page's info line. The
first source that names anyone wins. One that names only the site or its publisher ("The
Ledger" as `<meta name="author">`) gives way to a later one whose names are all people's
names ("Ana Ruiz"), and is kept when none is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from lxml import etree
from lxml import html as lxml_html

from retina.clean.byline_names import (
    BY_OPENINGS,
    CASELESS_SCRIPT,
    NEWSROOM,
    is_person_name,
    name_in_byline,
    names_if_byline,
    names_in_byline,
)
from retina.clean.comments import in_comment_section
from retina.clean.info_line import info_author
from retina.clean.tokens import letters_and_digits, undoubled

__all__ = ["find_authors"]

MAX_AUTHORS = 50
"""A byline credits a few people; a list of thousands (a hostile page's JSON-LD) is cut."""
_MAX_BYLINE_CHARS = 100
_MAX_BYLINE_MARKUP_CHARS = 1000
"""A byline's element holds at most this much text, white space included."""
_ELEMENTS_PER_KIND = 5
_MAX_LINKED_AUTHORS = 6
_SPACE = re.compile(r"\s+")
_BYLINE_NAME = re.compile(r"byline|author|writtenby", re.I)
_TEST_ATTRIBUTES = ("data-testid", "data-component", "data-qa", "data-link-name")
"""Attributes that name a page's parts for its tests and analytics, where a site's class
names are generated ("css-1x2y3"): `data-testid="byline"`, `data-component="byline-block"`;
read after the class and id names."""
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|by|people|profiles?|staff|journalists?|reporters?|writers?|contributors?"
    r"|columnists?|autor(?:en|in)?|auteurs?|autore|autori|redacteurs?|periodistas?)/[^/?#]+/?$"
    r"|^(?:https?://[^/]+)?/@[\w.-]+/?$",
    re.IGNORECASE,
)
"""The path of an author's page: "/by/ana-ruiz", "/profiles/ana-ruiz", "/autor/…", and the
profile a publishing platform gives each writer ("/@anaruiz": Medium, Substack)."""
_NOT_BYLINE_REGION = frozenset({"nav", "footer", "aside", "menu"})
_LIST_TAGS = frozenset({"li", "ul", "ol", "menu", "nav"})
_NOT_BYLINE = frozenset(
    "a h1 h2 h3 h4 h5 h6 li option button label title script style noscript template".split()
)
_DESIGN_CREDIT = re.compile(
    r"\b(?:(?:theme|template)\s*(?::|by\b|von\b|par\b|por\b)|(?:wordpress|blogger)\s+theme\b"
    r"|design(?:ed)?\s+by\b|powered\s+by\b)",
    re.IGNORECASE,
)
_MAX_CREDIT_LINE = 300
_ACCOUNTS = frozenset("admin administrator webmaster root user wordpress".split())
"""A publishing system's account names, which name no one."""
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ADDRESS = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)


def find_authors(
    tree: lxml_html.HtmlElement,
    *,
    declared: Sequence[str],
    meta_names: Sequence[str],
    referenced: Sequence[str],
    head_title: str | None,
    own_names: Sequence[str | None],
) -> list[str]:
    """The article's authors. `declared`: JSON-LD's authors written out; `meta_names`: the
    author meta tags' names; `referenced`: JSON-LD's authors given by "@id" alone;
    `own_names`: the site's and its publisher's names.

    A JSON-LD author given by reference alone comes after the meta tags and the marked-up
    author (`rel=author`, `itemprop`): an SEO plugin's graph names the account that posted
    the article, on a newsroom often a web producer's, or "admin", where the byline credits
    the writer. It comes before elements whose class merely says "author", which are as
    often a theme's credit or an author box of another article."""
    own = {key for name in own_names if name for key in _name_keys(name)}
    site_credit: list[str] = []
    for candidates in _sources(tree, declared, meta_names, referenced, head_title):
        names = _parsed(candidates)
        if not names:
            continue
        if not site_credit:
            if not own or not all(own & _name_keys(name) for name in names):
                return _people(names, own)
            site_credit = names
        elif all(is_person_name(name) and not _mentions(name, own) for name in names):
            return names
    return site_credit


def _mentions(name: str, own: set[str]) -> bool:
    """Whether the name holds the site's ("Eurosport Publiziert", "Christoph Hein
    Chefredakteur" on the site that Christoph Hein publishes)."""
    letters = letters_and_digits(name)
    return any(key in letters for key in own)


def _sources(
    tree: lxml_html.HtmlElement,
    declared: Sequence[str],
    meta_names: Sequence[str],
    referenced: Sequence[str],
    head_title: str | None,
) -> Iterator[list[str]]:
    """Each source's candidate bylines, in order; each read only when asked for."""
    yield list(declared)
    yield list(meta_names)
    marked, by_name = _byline_elements(tree)
    for kind in marked:
        yield _first_byline(kind)
    yield list(referenced)
    for kind in by_name:
        yield _first_byline(kind)
    yield _first_byline(
        [e for e in _WITH_TEST_NAMES(tree) if any(_BYLINE_NAME.search(v) for v in _test_names(e))]
    )
    yield _text_byline(tree)
    yield _linked_names([a for a in _LINKS(tree) if _links_to_an_author_page(a.get("href"))])
    yield [name for name in (info_author(tree, head_title),) if name]


def _parsed(candidates: list[str]) -> list[str]:
    """The names the candidate bylines credit, without an account's name ("admin") or an
    address given for a name."""
    authors: list[str] = []
    for name in itertools.chain.from_iterable(map(names_in_byline, candidates)):
        if name.casefold() in _ACCOUNTS or _ADDRESS.match(name):
            continue
        if name not in authors:
            authors.append(name)
            if len(authors) == MAX_AUTHORS:
                break
    return authors


def _name_keys(name: str) -> set[str]:
    """A publication's name compared in letters and digits, with and without "The"."""
    return {letters_and_digits(name), letters_and_digits(_THE.sub("", name))} - {""}


def _people(authors: list[str], own: set[str]) -> list[str]:
    """The site's own name, a newsroom or a publication credited beside people ("Dana
    Ford and Tom Watkins, CNN", "Michael Rädel, Redaktion", "Marek Świerczyński, Polityka
    Insight") is where they work, not one more author; alone, it is the author."""
    if len(authors) < 2:
        return authors
    people = [name for name in authors if own.isdisjoint(_name_keys(name))]
    people = [name for name in people if not NEWSROOM.search(name)]
    return people or authors


def _first_byline(elements: list[lxml_html.HtmlElement]) -> list[str]:
    """The text of the first of the elements that reads as a byline, outside readers'
    comments, the footer's design credit and the links of teasers (a card that links to
    another article names its author)."""
    outside = (
        e
        for e in elements
        if not in_comment_section(e) and not _credits_the_design(e) and not _in_a_teaser(e)
    )
    for element in itertools.islice(outside, _ELEMENTS_PER_KIND):
        text = _byline_text(element)
        if (
            text
            and len(text) < _MAX_BYLINE_CHARS
            and (any(c.isupper() for c in text) or _caseless_byline(element, text))
        ):
            return [text]
    return []


def _byline_elements(
    tree: lxml_html.HtmlElement,
) -> tuple[list[list[lxml_html.HtmlElement]], list[list[lxml_html.HtmlElement]]]:
    """Elements that may hold the byline, each kind in document order: marked up as the
    author (rel=author; the name inside itemprop=author; itemprop=author), and named so
    (a class, then an id, saying byline or author). One pass over the tree (an XPath per
    kind with regular expressions costs several milliseconds on a large page)."""
    rel, named, itemprop, by_class, by_id = [], [], [], [], []
    for element in tree.iter(etree.Element):
        get = element.get
        if get("rel") == "author":
            rel.append(element)
        props = (get("itemprop") or "").split()  # a list: itemprop="author creator"
        if "author" in props:
            itemprop.append(element)
        elif "name" in props and any(
            "author" in (a.get("itemprop") or "").split() for a in element.iterancestors()
        ):
            named.append(element)
        if _BYLINE_NAME.search(get("class") or ""):
            by_class.append(element)
        if _BYLINE_NAME.search(get("id") or ""):
            by_id.append(element)
    return [rel, named, itemprop], [by_class, by_id]


_WITH_TEST_NAMES = etree.XPath("//*[" + " or ".join(f"@{name}" for name in _TEST_ATTRIBUTES) + "]")
_LINKS = etree.XPath("//a[@href]")


def _test_names(element: lxml_html.HtmlElement) -> Iterator[str]:
    return (value for name in _TEST_ATTRIBUTES if (value := element.get(name)))


def _links_to_an_author_page(href: str | None) -> bool:
    if not href or "/" not in href:
        return False
    path = href.strip().split("#", 1)[0].split("?", 1)[0]
    return bool(_AUTHOR_PAGE.search(path))


def _linked_names(links: list[lxml_html.HtmlElement]) -> list[str]:
    """The people named by the first links to author pages, "By <a>Ana Ruiz</a> and <a>Bo
    Chen</a>": each link's text, where it is a person's name, up to the first link that is
    not; none in the page's navigation, footer or sidebars (a list of the site's writers)
    or readers' comments. A page's other links to author pages ("More from Inga Hoeltmann",
    "257 Artikel", an author's other articles) name no one."""
    names: list[str] = []
    for link in links:
        if any(a.tag in _NOT_BYLINE_REGION for a in link.iterancestors()):
            continue
        text = undoubled(name_in_byline(_byline_text(link) or ""))
        if not is_person_name(text) or in_comment_section(link):
            if names:
                break
            continue
        if text not in names:
            names.append(text)
        if len(names) == _MAX_LINKED_AUTHORS:
            break
    return names


def _in_a_teaser(element: lxml_html.HtmlElement) -> bool:
    """Whether the element is inside a link that holds a headline too: a teaser card for
    another article, whose author it names. An author's name linked to the author's page
    holds no heading."""
    link = next(element.iterancestors("a"), None)
    return link is not None and next(link.iter(*_HEADINGS), None) is not None


def _credits_the_design(element: lxml_html.HtmlElement) -> bool:
    """An author link in the footer's credit line ("Theme: ColorMag by ThemeGrill"),
    which names the site's designer, not the article's author."""
    parent = element.getparent()
    line = parent.text_content() if parent is not None else ""
    return len(line) <= _MAX_CREDIT_LINE and bool(_DESIGN_CREDIT.search(line))


def _byline_text(element: lxml_html.HtmlElement) -> str | None:
    """A byline element's text, a space put where one element's text ends and the next's
    begins in a way no word does: a lower-case letter then a capital, or a digit beside a
    letter or a digit. Markup glues a hidden label, a name, a date or a count that the
    layout sets apart ("Veröffentlicht von" + "Chris Jung", "Lucas Nolan" + "22 Dec 2016"
    + "651" comments)."""
    if len(element.text_content()) > _MAX_BYLINE_MARKUP_CHARS:
        return None  # a page region named "author", not a byline: no walk over it
    runs: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        run = node.text if event == "start" else (node.tail if node is not element else None)
        if event == "start" and not isinstance(node.tag, str):
            run = None  # a comment's text
        if not run:
            continue
        if runs and _glued(runs[-1][-1], run[0]):
            runs.append(" ")
        runs.append(run)
    return _SPACE.sub(" ", "".join(runs)).strip() or None


def _glued(before: str, after: str) -> bool:
    if before.isalpha() and after.isalpha():
        return before.islower() and after.isupper()
    return before.isalnum() and after.isalnum()  # a digit beside a letter or a digit


def _caseless_byline(element: lxml_html.HtmlElement, text: str) -> bool:
    """A byline in a script without capitals (Chinese, Japanese, Korean, Arabic…), which
    no capital tells from a word: not an item of a list or a menu (Yahoo! Japan's
    `li#gnPriBylines`, "個人", is its navigation)."""
    return bool(CASELESS_SCRIPT.search(text)) and not any(
        e.tag in _LIST_TAGS for e in itertools.chain((element,), element.iterancestors())
    )


_LINE_ENDS = frozenset({"br", "p", "div", "li", "ul", "ol", "table", "section", "h1", "h2", "h3"})
_MAX_LINE_CHARS = 200


def _line_after(element: etree._Element, event: str) -> str:
    """The line a run of text opens, through the inline elements after it up to a line
    break: the element's own text and its children for its opening run ("start"), its
    tail and the siblings after it for its tail."""
    if event == "start":
        parts, nodes = [element.text or ""], iter(element)
    else:
        parts, nodes = [element.tail or ""], element.itersiblings()
    size = len(parts[0])
    for node in nodes:
        if not isinstance(node.tag, str) or node.tag in _LINE_ENDS or size > _MAX_LINE_CHARS:
            break
        for piece in (*node.itertext(), node.tail or ""):
            parts.append(piece)
            size += len(piece)
    return "".join(parts)


def _text_byline(tree: lxml_html.HtmlElement) -> list[str]:
    """The names of the first line of text in the page that is a byline and nothing else
    ("Posted: 29/06/2024<br>By Leona Stanhope"), for pages that mark none up; not in a
    link, heading, list, form or readers' comments. One walk over the elements (an XPath
    normalising every text run took 2.5 ms a page)."""
    body = tree.find("body")
    if body is None:
        return []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        run = element.text if event == "start" else element.tail
        if not run or not run.lstrip().startswith(BY_OPENINGS):
            continue
        owner = element if event == "start" else element.getparent()
        names = names_if_byline(run)
        if not names and len(run.split()) == 1:  # "By <b>Ana Ruiz</b>": the name in markup
            names = names_if_byline(_line_after(element, event))
        if (
            names
            and owner is not None
            and not any(e.tag in _NOT_BYLINE for e in (owner, *owner.iterancestors()))
            and not in_comment_section(owner)
        ):
            return names
    return []
