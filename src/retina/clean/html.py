"""HTML pages: metadata from the whole page, main text from trafilatura's extraction.

Two engines extract the main text: trafilatura (its XML output keeps block structure:
headings, paragraphs, lists, quotes, tables) and Retina's Readability engine
(`readability.py`). Their blocks are blended (`blend.py`); one engine alone is used when
the other finds nothing, and the Readability engine when trafilatura returns the page's
layout tables instead of paragraphs. The standfirst the page shows above the article, or
else the subtitle under its headline (`standfirst.py`), opens the text when neither engine
kept it.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from copy import deepcopy

from lxml import etree
from lxml import html as lxml_html

from retina.clean.blend import blend
from retina.clean.candidate import Candidate, Draft
from retina.clean.comments import CommentSections
from retina.clean.dates import split_stamp
from retina.clean.declared_body import DeclaredBody
from retina.clean.inline_links import split_injected_links
from retina.clean.metadata import extract_metadata, is_json_ld
from retina.clean.other_articles import mark_other_articles
from retina.clean.page_captions import mark_page_captions
from retina.clean.readability import extract_readable
from retina.clean.standfirst import shown_dek, shown_standfirst
from retina.clean.teasers import mark_teasers
from retina.clean.tokens import ends_like_sentence, words
from retina.errors import InputError
from retina.model import BlockKind, Image
from retina.raw.crowded import MAX_ATTRIBUTES, crowded_tag

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HEADING_LEVEL = re.compile(r"h([1-6])")
_MIN_FALLBACK_WORDS = 10
MAX_PAGE_ELEMENTS = 100_000
"""Ten times the largest page of the benchmark corpora (Wikipedia's, 10,000): more is
a hostile page, whose extraction would hold a worker for minutes (200,000 empty
paragraphs took trafilatura 12 s)."""
_MIN_TEXT_CHARS = 25
"""Less text than this (a lone "Home" link) is no article."""
_WITH_ID = etree.XPath("//*[@id]")
_ARTICLE_REGIONS = frozenset("article main body h1".split())
"""Targets of an in-page link that hold a whole article, not a section of one."""
_LAYOUT_CELL_WORDS = 80
"""A table cell this long holds running text: the table lays out the page, it is no data."""
_MAX_LAYOUT_TABLE_SHARE = 0.5
_TITLE_SEARCH = 3
"""The title repeated among this many first blocks (after an "Editions:" menu or a
kicker) is the headline, not text."""
_MAX_DUMP_SHARE = 0.7
"""The Readability engine's paragraphs cover less of trafilatura's one block than this
when that block is a dump of the whole page."""
_MIN_ARTICLE_OUTSIDE_COMMENTS = 500
"""Characters of prose outside the comment sections for the page to have an article of its
own (Readability.js's `charThreshold`)."""


def parse_html(text: str, *, url: str | None) -> Draft:
    """Extract metadata and candidate main-text blocks from an HTML document."""
    tree = parse_tree(text)
    if next(itertools.islice(tree.iter(), MAX_PAGE_ELEMENTS, None), None) is not None:
        raise InputError(f"the page has more than {MAX_PAGE_ELEMENTS:,} elements")
    meta = extract_metadata(tree, url)
    links = link_texts(tree)
    extracted, readable, images = engine_blocks(tree, url)
    candidates = choose_blocks(extracted, readable, links)
    candidates = [c for c in candidates if _visible(c.text)]
    if not candidates:
        raise InputError(_no_text(tree, text))
    repeated = _title_position(candidates, meta.title)
    if repeated is not None:
        candidates.pop(repeated)  # the title, repeated above the text: it is metadata
    openings = {text[:_OPENING] for text in links}
    for candidate in candidates:
        share = _link_share(candidate.text, links, openings)
        candidate.link_density = max(candidate.link_density, share)
    mark_comments(tree, candidates)
    declared = DeclaredBody(meta.body, meta.lead)
    candidates = declared.paragraphs(candidates)
    declared.mark_outside(candidates)
    mark_other_articles(tree, meta.title, candidates)
    mark_page_captions(tree, candidates)
    mark_teasers(tree, candidates, url=url, canonical=meta.canonical_url, title=meta.title)
    standfirst = shown_standfirst(tree, meta.lead, candidates) or shown_dek(
        tree, meta.title, candidates
    )
    if standfirst:
        candidates.insert(0, Candidate(BlockKind.PARAGRAPH, standfirst))
    return Draft(
        candidates=split_injected_links(candidates, links),
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


_OPENING = 12


def _link_share(text: str, links: set[str], openings: set[str]) -> float:
    """1 for the text of a link; for a link's text and the date stamp a list of stories
    gives it ("Ferry fares rise Published 3 May"), the link's share of the line. Only a
    line that opens as a link does (`openings`: the links' first characters) is split."""
    if text in links:
        return 1.0
    if text[:_OPENING] not in openings:
        return 0.0
    headline, stamp = split_stamp(text)
    return len(headline) / len(text) if stamp and headline in links else 0.0


_FEW_WORDS = 50
"""A page showing fewer words than this, with scripts, may write its text with them."""


_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)


def _no_text(tree: lxml_html.HtmlElement, html: str) -> str:
    """Why the page gave no text, and what may be behind it: a page that writes its
    text with JavaScript shows only its frame without a browser. Its scripts are counted
    in the HTML, only here: the tree has lost them to `_drop_code`."""
    scripts = len(_SCRIPT_TAG.findall(html))
    body = tree.find("body")
    shown = len(" ".join(body.itertext()).split()) if body is not None else 0
    if scripts and shown < _FEW_WORDS:
        return (
            f"no article text found in the page: it shows {shown} word(s) and has {scripts}"
            " script(s); its text may be written by JavaScript, which Retina does not run"
        )
    return "no article text found in the page"


def engine_blocks(
    tree: lxml_html.HtmlElement, url: str | None
) -> tuple[list[Candidate], list[Candidate], list[Image]]:
    """The blocks trafilatura finds, those the Readability engine finds, and the images.

    The Readability engine runs first: it only reads the tree, trafilatura prunes it."""
    _drop_amp_stand_ins(tree)
    readable = extract_readable(tree) or []
    if _text_length(readable) < _MIN_TEXT_CHARS:
        readable = []
    _drop_code(tree)
    body = _extract_body(_without_discarded_regions(tree), url)
    extracted, images = _candidates(body) if body is not None else ([], [])
    return extracted, readable, images


_AMP_ADS = etree.XPath(
    "//amp-ad|//amp-embed|//amp-sticky-ad|//amp-auto-ads"
    "|//*[starts-with(local-name(), 'amp-')]/*[@placeholder or @fallback]"
)


def _drop_amp_stand_ins(tree: lxml_html.HtmlElement) -> None:
    """An AMP page's ads, and the text its components show in place of what they load
    ("Loading video…", "Ad could not be loaded"): both engines keep it as paragraphs.
    Only on a page that declares itself AMP (`<html amp>` or `<html ⚡>`)."""
    if tree.get("amp") is None and tree.get("\u26a1") is None:
        return
    for element in _AMP_ADS(tree):
        element.drop_tree()  # keeps the text after it


_CODE = ("script", "style", "svg", "meta", "link")
"""Elements that show no text: trafilatura discards them, but only after copying the tree
twice and running its XPath pruning over them."""


def _drop_code(tree: lxml_html.HtmlElement) -> None:
    """Removes scripts, styles, vector drawings and meta tags before trafilatura's call,
    which then takes about a tenth less time for the same output. JSON-LD stays: it reads
    it (a forum thread's markup, a declared body). No later stage reads them; metadata
    was read before."""
    code = [
        element
        for element in tree.iter(*_CODE)
        if element.tag != "script" or not is_json_ld(element)
    ]
    for element in code:
        element.drop_tree()  # keeps the text after it


DISCARDED_REGIONS = ("nav", "aside", "footer", "menu")
"""Regions trafilatura deletes with their content before it reads the page, in every mode
(they are in its `MANUALLY_CLEANED`). Its XPath pruning runs over them first, in Python
callbacks, node by node: they are a large part of most pages."""


def _without_discarded_regions(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the page for trafilatura's call, without the regions it discards: about
    a millisecond less per page, copy included. Its fallbacks read the page before its
    cleaning, so the output may differ: on five pages of the three corpora, by a line or
    two, and no corpus score drops. The page itself keeps the regions: the comment and
    other-article checks read it after the call."""
    copy = deepcopy(tree)
    for element in list(copy.iter(*DISCARDED_REGIONS)):
        element.drop_tree()  # keeps the text after it
    return copy


def mark_comments(tree: lxml_html.HtmlElement, candidates: list[Candidate]) -> None:
    """Marks the blocks only the page's comment sections hold (`comments.py`), when the page
    has an article of its own outside them: paragraphs of prose, not only navigation or
    match facts. Else the posts are what the page is about (a forum thread, a live
    commentary) and nothing is marked."""
    sections = CommentSections(tree)
    if not sections:
        return
    held = sections.holders([c.text for c in candidates])
    prose = [
        c
        for c, section in zip(candidates, held, strict=True)
        if not section and c.kind is BlockKind.PARAGRAPH and ends_like_sentence(c.text)
    ]
    if _text_length(prose) < _MIN_ARTICLE_OUTSIDE_COMMENTS:
        return
    for candidate, section in zip(candidates, held, strict=True):
        candidate.comment_section = section


def choose_blocks(
    extracted: list[Candidate], readable: list[Candidate], link_texts: set[str]
) -> list[Candidate]:
    """One engine's blocks when the other has none, or trafilatura returned layout tables;
    else both, blended block by block (`blend.py`)."""
    if not readable:  # then a scrap of text (a lone "Home" link) is no article either
        return extracted if _text_length(extracted) >= _MIN_TEXT_CHARS else []
    if not blends(extracted, readable):
        return readable
    return blend(extracted, readable, link_texts)


def blends(extracted: list[Candidate], readable: list[Candidate]) -> bool:
    """Whether `choose_blocks` blends the two engines' blocks for this page."""
    return (
        bool(extracted and readable)
        and _layout_table_share(extracted) <= _MAX_LAYOUT_TABLE_SHARE
        and not _page_dump(extracted, readable)
    )


def _page_dump(extracted: list[Candidate], readable: list[Candidate]) -> bool:
    """Whether trafilatura fell back to its last resort, the page's whole text as one
    block (menus, the article, the footer run together), where the Readability engine
    found the article's paragraphs: they all lie inside that block and make up little of
    it. Blended, the block would stand for them all."""
    if len(extracted) != 1 or len(readable) < 2:
        return False
    dump = " ".join(words(extracted[0].text))
    keys = [key for key in (" ".join(words(c.text)) for c in readable) if key]
    if len(keys) < 2 or sum(map(len, keys)) >= _MAX_DUMP_SHARE * len(dump):
        return False
    position = 0
    for key in keys:  # in page order, each after the last: one pass over the dump
        position = dump.find(key, position)
        if position < 0:
            return False
        position += len(key)
    return True


def parse_tree(text: str) -> lxml_html.HtmlElement:
    """Parse HTML leniently, repairing what libxml2 trips over as trafilatura's loader does.

    The parser is lxml.html's with one change: every element is a plain `HtmlElement`,
    looked up in C. lxml.html's default lookup calls back into Python for each element
    Python touches (to offer form-field classes nobody here uses), which cost 5–8% of
    cleaning a page.
    """
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    text = _XML_DECLARATION.sub("", text, count=1)
    if crowded_tag(text):
        raise InputError(f"an element of the page has more than {MAX_ATTRIBUTES:,} attributes")
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    parser = _parser()
    try:
        try:
            tree = lxml_html.fromstring(text, parser=parser)
        except ValueError:  # a str that declares an encoding: parse its UTF-8 bytes
            tree = None
        if tree is None or not len(tree):
            tree = lxml_html.fromstring(text.encode("utf8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"HTML could not be parsed ({error})") from None
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        raise InputError("HTML could not be parsed (not a well-formed document)")
    if any(_not_xml(reference) for reference in _CHARACTER_REFERENCE.findall(text)):
        _scrub(tree)
    return tree


_CHARACTER_REFERENCE = re.compile(r"&#(x[0-9a-f]{1,8}|[0-9]{1,8})", re.IGNORECASE)
"""A numeric character reference, its first eight digits: a longer one (a hostile page's
5,000 digits, which `int` refuses to read) names no character either."""
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _not_xml(reference: str) -> bool:
    """Whether a numeric character reference ("&#8;") stands for a character XML text may
    not hold: the parser writes it into the tree, and lxml then refuses any text built
    from it (a removed element's tail joined to the text before it)."""
    code = int(reference[1:], 16) if reference[0] in "xX" else int(reference)
    return code > _LAST_CODE_POINT or bool(_NOT_XML_TEXT.match(chr(code)))


_LAST_CODE_POINT = 0x10FFFF


def _scrub(tree: lxml_html.HtmlElement) -> None:
    """The tree's text without the control characters its character references made."""
    for element in tree.iter():
        if element.text and _NOT_XML_TEXT.search(element.text):
            element.text = _NOT_XML_TEXT.sub("", element.text)
        if element.tail and _NOT_XML_TEXT.search(element.tail):
            element.tail = _NOT_XML_TEXT.sub("", element.tail)


_PARSERS = threading.local()


def _parser() -> lxml_html.HTMLParser:
    """One parser per thread: lxml parsers must not be shared between threads."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = lxml_html.HTMLParser(
            collect_ids=False,
            default_doctype=False,
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
        )
        parser.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=lxml_html.HtmlElement,
                comment=lxml_html.HtmlComment,
                pi=lxml_html.HtmlProcessingInstruction,
                entity=lxml_html.HtmlEntity,
            )
        )
        _PARSERS.parser = parser
    return parser


def _extract_body(tree: lxml_html.HtmlElement, url: str | None) -> etree._Element | None:
    import trafilatura

    options = {
        "url": url,
        # Not "python", whose plain-text rendering of the body would go unread.
        "output_format": "xml",
        "with_metadata": False,
        "include_comments": False,
        "include_tables": True,
        "include_links": False,
        "include_images": False,
        "deduplicate": False,
        # Its own fallbacks (readability-lxml, jusText) are skipped: the Readability
        # engine is the second opinion here, and is blended in block by block.
        "fast": True,
    }
    document = trafilatura.bare_extraction(tree, **options)
    if document is None or document.body is None:
        return None
    body = document.body
    if not len(body) and not (body.text or "").strip():
        return None
    if body.tag != "body" and len(" ".join(body.itertext()).split()) < _MIN_FALLBACK_WORDS:
        return None  # trafilatura's last-resort baseline found only a scrap of text
    return body


def _text_length(candidates: list[Candidate]) -> int:
    """Characters of text, spaces aside (word counts mean little in Chinese or Japanese)."""
    return sum(len(c.text) - c.text.count(" ") for c in candidates)


def _layout_table_share(candidates: list[Candidate]) -> float:
    """Share of the words in layout tables. trafilatura returns a page laid out with
    tables (nav, article and sidebars in cells) as one table of rows; the Readability
    engine turns such a page into paragraphs, and is used instead."""
    total = layout = 0
    for candidate in candidates:
        n = len(candidate.text.split())
        total += n
        if candidate.kind is BlockKind.TABLE:
            cells = (cell for row in candidate.text.split("\n") for cell in row.split(" | "))
            if max(len(cell.split()) for cell in cells) >= _LAYOUT_CELL_WORDS:
                layout += n
    return layout / total if total else 0.0


def link_texts(tree: lxml_html.HtmlElement) -> set[str]:
    """Texts of the page's links. trafilatura's output without links extracts better than
    with them, so a block is known to be a whole link by matching these texts. A link to a
    section of the page (a table of contents' "#the-vote") does not make the heading it
    points to a link; one to another article on the page (an infinite scroll's
    "#article-1") does."""
    texts = set()
    jumps: list[tuple[str, str]] = []
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if href:
            text = _normalise(anchor.text_content())
            if " " in text:
                href = href.strip()
                if href.startswith("#"):
                    jumps.append((href[1:], text))
                else:
                    texts.add(text)
    if jumps:
        targets = {element.get("id"): element for element in _WITH_ID(tree)}
        for target, text in jumps:
            if not _is_section(targets.get(target)):
                texts.add(text)
    return texts


def _is_section(element: etree._Element | None) -> bool:
    """Whether an in-page link's target is a section of the text: not a whole article
    (an `<article>`, the main region, a headline) or a place the page does not have."""
    return (
        element is not None
        and element.tag not in _ARTICLE_REGIONS
        and element.find(".//h1") is None
    )


def _candidates(body: etree._Element) -> tuple[list[Candidate], list[Image]]:
    candidates: list[Candidate] = []
    images: list[Image] = []
    _loose_text(body.text, candidates)
    for element in body:
        _collect(element, candidates, images)
        _loose_text(element.tail, candidates)
    return [c for c in candidates if c.text], images


def _loose_text(text: str | None, out: list[Candidate]) -> None:
    """Text directly inside the body, between blocks, is a paragraph of its own."""
    if text and text.strip():
        out.append(Candidate(BlockKind.PARAGRAPH, _normalise(text)))


def _collect(element: etree._Element, out: list[Candidate], images: list[Image]) -> None:
    tag = element.tag
    if tag == "head":
        level = _HEADING_LEVEL.fullmatch(element.get("rend") or "")
        out.append(_candidate(element, BlockKind.HEADING, int(level.group(1)) if level else 2))
    elif tag == "p":
        out.extend(Candidate(BlockKind.PARAGRAPH, text) for text in _paragraphs(element))
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
    return Candidate(kind, _normalise(" ".join(element.itertext())), level)


def _paragraphs(element: etree._Element) -> list[str]:
    """The paragraphs of trafilatura's `<p>`: a blank line made with `<br><br>` (two
    `<lb/>` with nothing between), the paragraph break of pages without `<p>` markup, is
    kept in one `<p>` by trafilatura; the Readability engine splits there, as a reader sees."""
    if element.find("lb") is None:
        return [_normalise(" ".join(element.itertext()))]
    runs: list[list[str]] = [[element.text or ""]]
    blank = False  # the last child was an <lb/> with no text after it
    for child in element:
        if child.tag == "lb":
            if blank:
                runs.append([])
            blank = not (child.tail or "").strip()
        else:
            blank = False
            runs[-1].extend(child.itertext())
        runs[-1].append(child.tail or "")
    return [text for text in (_normalise(" ".join(run)) for run in runs) if text]


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _visible(text: str) -> bool:
    """Whether a block shows anything: not only spaces and invisible format characters (a
    stray byte-order mark or zero-width space left in an otherwise empty paragraph)."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


def _title_position(candidates: list[Candidate], title: str | None) -> int | None:
    """Where among the first blocks the page repeats its title, if it does."""
    if not title:
        return None
    for index, candidate in enumerate(candidates[:_TITLE_SEARCH]):
        if _same_text(candidate.text, title):
            return index
    return None


def _same_text(a: str, b: str) -> bool:
    return _normalise(a).casefold() == _normalise(b).casefold()
