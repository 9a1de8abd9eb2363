"""HTML pages: metadata from the whole page, main text from trafilatura's extraction.

trafilatura is the baseline extraction engine; its XML output keeps block structure
(headings, paragraphs, lists, quotes, tables) and links, which the junk detectors use.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from retina.clean.candidate import Candidate, Draft
from retina.clean.metadata import extract_metadata
from retina.errors import InputError
from retina.model import BlockKind, Image

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACE = re.compile(r"\s+")
_HEADING_LEVEL = re.compile(r"h([1-6])")


def parse_html(text: str, *, url: str | None) -> Draft:
    """Extract metadata and candidate main-text blocks from an HTML document."""
    tree = parse_tree(text)
    meta = extract_metadata(tree, url)
    # trafilatura prunes the tree it extracts from; the recall pass needs a fresh one.
    body = _extract_body(tree, url, favor_recall=False)
    if body is None:
        body = _extract_body(parse_tree(text), url, favor_recall=True)
    if body is None:
        raise InputError("no article text found in the page")
    candidates, images = _candidates(body)
    if candidates and meta.title and _same_text(candidates[0].text, meta.title):
        candidates.pop(0)  # the title, repeated as the first heading: it is metadata
    return Draft(
        candidates=candidates,
        title=meta.title,
        lead=meta.lead,
        authors=meta.authors,
        published=meta.published,
        updated=meta.updated,
        site_name=meta.site_name,
        origin=meta.origin,
        section=meta.section,
        language=meta.language,
        canonical_url=meta.canonical_url,
        images=meta.images + [i for i in images if i.url not in {m.url for m in meta.images}],
    )


def parse_tree(text: str) -> lxml_html.HtmlElement:
    """Parse HTML leniently; lxml refuses str input that carries an XML encoding declaration."""
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, remove_blank_text=False)
    try:
        tree = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"HTML could not be parsed ({error})") from None
    if tree is None:
        raise InputError("HTML could not be parsed (empty document)")
    return tree


def _extract_body(
    tree: lxml_html.HtmlElement, url: str | None, *, favor_recall: bool
) -> etree._Element | None:
    import trafilatura

    options = {
        "url": url,
        "with_metadata": False,
        "include_comments": False,
        "include_tables": True,
        "include_links": True,
        "include_images": True,
        "deduplicate": False,
        "favor_recall": favor_recall,
    }
    document = trafilatura.bare_extraction(tree, **options)
    if document is None or document.body is None or not len(document.body):
        return None
    return document.body


def _candidates(body: etree._Element) -> tuple[list[Candidate], list[Image]]:
    candidates: list[Candidate] = []
    images: list[Image] = []
    for element in body:
        _collect(element, candidates, images)
    return [c for c in candidates if c.text], images


def _collect(element: etree._Element, out: list[Candidate], images: list[Image]) -> None:
    tag = element.tag
    if tag == "head":
        level = _HEADING_LEVEL.fullmatch(element.get("rend") or "")
        out.append(_candidate(element, BlockKind.HEADING, int(level.group(1)) if level else 2))
    elif tag == "p":
        out.append(_candidate(element, BlockKind.PARAGRAPH))
    elif tag == "list":
        for item in element.iterchildren("item"):
            out.append(_candidate(item, BlockKind.LIST_ITEM))
    elif tag == "quote":
        out.append(_candidate(element, BlockKind.QUOTE))
    elif tag == "table":
        rows = [
            " | ".join(_normalise(" ".join(cell.itertext())) for cell in row.iterchildren("cell"))
            for row in element.iter("row")
        ]
        text = "\n".join(r for r in rows if r.strip(" |"))
        out.append(Candidate(BlockKind.TABLE, text))
    elif tag == "code":
        out.append(Candidate(BlockKind.CODE, "".join(element.itertext()).strip("\n")))
    elif tag == "graphic":
        src = element.get("src")
        if src:
            images.append(Image(url=src, alt=element.get("alt") or None))
    else:
        for child in element:
            _collect(child, out, images)
        return
    for graphic in element.iter("graphic"):  # figures inside a text block
        if graphic is not element and graphic.get("src"):
            images.append(Image(url=graphic.get("src"), alt=graphic.get("alt") or None))


def _candidate(element: etree._Element, kind: BlockKind, level: int | None = None) -> Candidate:
    text = _normalise(" ".join(element.itertext()))
    linked = sum(len(_normalise(" ".join(ref.itertext()))) for ref in element.iter("ref"))
    density = min(1.0, linked / len(text)) if text else 0.0
    return Candidate(kind, text, level, link_density=density)


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _same_text(a: str, b: str) -> bool:
    return _normalise(a).casefold() == _normalise(b).casefold()
