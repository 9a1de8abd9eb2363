"""Other articles on the page: the next stories an infinite scroll renders below the one
the page is about, each in its own `<article>` with its own `<h1>`.

The Readability engine merges such siblings into the text, so a page about a blessing of
vehicles ran on into three more stories (a death, a kidnapping, an interview). When the
page's headline is the `<h1>` of exactly one of several such articles, the text of the
others is theirs, not the page's; the blocks that repeat it are marked
(`Candidate.other_article`) for `junk/declared_body.py`.
"""

from __future__ import annotations

from lxml import etree

from retina.clean.candidate import Candidate
from retina.clean.tokens import letters_and_digits

_TEXT_TAGS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def mark_other_articles(tree: etree._Element, title: str | None, blocks: list[Candidate]) -> None:
    """Sets `other_article` (that article's headline) on the blocks whose text is a
    paragraph, item, quote or heading of another article on the page."""
    if not title:
        return
    units = _articles(tree)
    if len(units) < 2:
        return
    wanted = letters_and_digits(title)
    main = [article for article, headline in units if letters_and_digits(headline) == wanted]
    if len(main) != 1:
        return  # the page's own article is not told apart: nothing is said of the others
    headline_of: dict[str, str] = {}
    for article, headline in units:
        if article is not main[0]:
            for element in article.iter(_TEXT_TAGS):
                key = letters_and_digits(element.text_content())
                if key:
                    headline_of.setdefault(key, headline)
    for block in blocks:
        block.other_article = headline_of.get(letters_and_digits(block.text))


def _articles(tree: etree._Element) -> list[tuple[etree._Element, str]]:
    """The `<article>` elements with an `<h1>` of their own (holding no other such
    article), with that headline."""
    found = []
    for article in tree.iter("article"):
        h1 = article.find(".//h1")
        if h1 is None:
            continue
        inner = (a for a in article.iter("article") if a is not article)
        if any(a.find(".//h1") is not None for a in inner):
            continue  # a wrapper of several articles
        found.append((article, " ".join(h1.text_content().split())))
    return found
