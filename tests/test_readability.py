"""The Readability.js-style engine: what it keeps, how it types blocks, that it is read-only."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import shared_path
from retina.clean.readability import extract_readable
from retina.model import BlockKind

PROSE = [
    "The council voted on Tuesday, after a debate of two years, to expand the harbour, "
    "dredge the channel and build a new quay for the ferries that serve the islands.",
    "Supporters said the expansion would bring hundreds of jobs, new shops and a second "
    "hotel to the town, which has lost its fishing fleet, its cannery and its school.",
    "Opponents warned that dredging would damage the estuary, its mudflats and the bird "
    "colonies, and that the ferry company, not the town, would take most of the profit.",
    "Construction is expected to start next spring, if the regional bank lends the money, "
    "and to last three years, during which the old quay will stay open for the ferries.",
]
NAV_LINKS = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Weather"]


def _paragraphs(texts: list[str] = PROSE) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _page(body: str, title: str = "Harbour expansion approved") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    )


def _texts(tree: lxml_html.HtmlElement) -> list[str]:
    blocks = extract_readable(tree)
    assert blocks is not None
    return [block.text for block in blocks]


def _nav() -> str:
    links = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in NAV_LINKS)
    return f'<nav class="menu"><ul>{links}</ul></nav>'


def test_only_the_article_is_kept_from_a_page_with_boilerplate() -> None:
    tree = _page(
        '<div id="header">'
        + _nav()
        + "</div>"
        + '<div class="article-body"><h1>Harbour expansion approved</h1>'
        + _paragraphs()
        + "</div>"
        + '<div class="sidebar"><h3>Most read</h3><p>Another story, about a cat, a dog, '
        "and a parrot that learnt to say hello to the postman every single morning.</p></div>"
        + '<div id="comments"><p>Great article, thanks for sharing, I really, really '
        "enjoyed it, and so did my friends, my mother, and my neighbour, honestly.</p></div>"
        + '<div class="footer"><p>© 2024 The Harbour Gazette, all rights reserved.</p></div>'
    )
    assert _texts(tree) == PROSE  # the title heading is shown apart, as in Readability.js


def test_sibling_paragraphs_of_the_top_candidate_are_joined() -> None:
    lead = (
        "In a vote that surprised nobody in the town hall, the harbour plan passed easily "
        "with a large majority."
    )
    tree = _page(
        f"<div><p>{lead}</p>"
        '<div class="story">' + _paragraphs() + "</div>"
        "<p>Short tail.</p><p>Read more: <a href='/x'>other harbour stories</a></p></div>"
    )
    texts = _texts(tree)
    assert texts[0] == lead
    assert texts[1:5] == PROSE
    assert "Short tail." in texts
    assert not any("other harbour stories" in text for text in texts)


def test_link_heavy_list_inside_the_article_is_removed() -> None:
    related = "".join(
        f'<li><a href="/story/{i}">Related story number {i} about harbours</a></li>'
        for i in range(4)
    )
    box = f"<div><p>More from our archive of stories about harbours:</p><ul>{related}</ul></div>"
    tree = _page(
        "<article><div>"
        + _paragraphs(PROSE[:2])
        + box
        + _paragraphs(PROSE[2:])
        + "</div></article>"
    )
    assert _texts(tree) == PROSE


def test_hidden_content_is_ignored() -> None:
    hidden = [
        '<p style="display: none">Hidden by style, with commas, many, many, many commas.</p>',
        '<p hidden="hidden">Hidden by attribute, a long paragraph nobody sees at all.</p>',
        '<div aria-hidden="true"><p>Hidden from screen readers and from readers too.</p></div>',
        '<p style="visibility:hidden">Invisible but taking space on the page layout.</p>',
    ]
    tree = _page(
        "<article>"
        + _paragraphs(PROSE[:2])
        + "".join(hidden)
        + _paragraphs(PROSE[2:])
        + "</article>"
    )
    assert _texts(tree) == PROSE


def test_div_with_only_text_is_a_paragraph_and_br_pairs_split_paragraphs() -> None:
    tree = _page(
        '<div class="content">'
        + "".join(f"<div>{text}</div>" for text in PROSE[:2])
        + f"<div>{PROSE[2]}<br><br>{PROSE[3]}</div>"
        + "</div>"
    )
    blocks = extract_readable(tree)
    assert blocks is not None
    assert [b.text for b in blocks] == PROSE
    assert {b.kind for b in blocks} == {BlockKind.PARAGRAPH}


def test_single_br_stays_inside_its_paragraph() -> None:
    tree = _page(f"<article><p>{PROSE[0]}<br>{PROSE[1]}</p>{_paragraphs(PROSE[2:])}</article>")
    assert _texts(tree)[0] == f"{PROSE[0]} {PROSE[1]}"


def test_blocks_are_typed() -> None:
    tree = _page(
        "<article>"
        f"<h2>The vote</h2><p>{PROSE[0]}</p>"
        f"<blockquote><p>{PROSE[1]}</p></blockquote>"
        "<h3>What happens next</h3>"
        "<ol><li>Dredging the channel, the first step.</li><li>Building the quay.</li></ol>"
        f"<p>{PROSE[2]}</p>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>10m</td></tr></table>"
        "<pre>quay = build(length=120)\nopen(quay)</pre>"
        f"<p>{PROSE[3]}</p>"
        "</article>"
    )
    blocks = extract_readable(tree)
    assert blocks is not None
    kinds = [(b.kind, b.level, b.text) for b in blocks]
    assert kinds == [
        (BlockKind.HEADING, 2, "The vote"),
        (BlockKind.PARAGRAPH, None, PROSE[0]),
        (BlockKind.QUOTE, None, PROSE[1]),
        (BlockKind.HEADING, 3, "What happens next"),
        (BlockKind.LIST_ITEM, None, "Dredging the channel, the first step."),
        (BlockKind.LIST_ITEM, None, "Building the quay."),
        (BlockKind.PARAGRAPH, None, PROSE[2]),
        (BlockKind.TABLE, None, "Year | Cost\n2025 | 10m"),
        (BlockKind.CODE, None, "quay = build(length=120)\nopen(quay)"),
        (BlockKind.PARAGRAPH, None, PROSE[3]),
    ]


def test_link_density_is_the_share_of_text_in_links() -> None:
    tree = _page(
        f"<article>{_paragraphs()}<p><a href='/a'>Harbour</a> plans, more at the town hall</p>"
        "</article>"
    )
    blocks = extract_readable(tree)
    assert blocks is not None
    assert blocks[0].link_density == 0.0
    last = blocks[-1]
    assert last.text == "Harbour plans, more at the town hall"
    assert last.link_density == pytest.approx(len("Harbour") / len(last.text))


@pytest.mark.parametrize(
    "body",
    [
        '<div id="header">'
        + _nav()
        + '</div><div class="post"><font>Intro, with a font tag, which is renamed.</font>'
        + _paragraphs()
        + "<p>text<br><br>after a double break<br><br>and another one, long enough to count</p>"
        + '<div class="share">Share this</div><form><input name="q"></form>'
        + '<p style="display:none">hidden</p><script>var x = 1;</script><!-- a comment -->'
        + "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>10m</td></tr></table>"
        + "</div>",
        f'<p>A short standfirst.</p><div class="comment-thread">{_paragraphs()}</div>',
    ],
    ids=["article", "retried"],
)
def test_the_tree_is_not_modified(body: str) -> None:
    tree = _page(body)
    before = etree.tostring(tree)
    assert extract_readable(tree)
    assert etree.tostring(tree) == before


def test_deep_nesting_does_not_crash() -> None:
    # Built node by node: libxml2 would cap the depth of parsed markup.
    tree = lxml_html.document_fromstring("<html><body></body></html>")
    node = tree.find("body")
    for _ in range(3000):
        node = etree.SubElement(node, "div")
    for text in PROSE:
        etree.SubElement(node, "p").text = text
    assert _texts(tree) == PROSE


def test_short_result_is_retried_with_relaxed_rules() -> None:
    # The story sits in an element named like a comment thread: it is dropped as unlikely,
    # then pruned for its negative class name; only the third attempt, without class-name
    # weights, keeps it (the first two kept under 500 characters).
    tree = _page(
        "<p>A short standfirst, before the story itself, about the harbour.</p>"
        f'<div class="comment-thread">{_paragraphs()}</div>'
    )
    assert _texts(tree)[-4:] == PROSE


@pytest.mark.parametrize(
    "body", ["", "   ", "<div></div>", "<div><br><br></div>", "<script>var a = 1;</script>"]
)
def test_page_without_content_gives_none(body: str) -> None:
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    assert extract_readable(tree) is None


def test_page_without_body_gives_none() -> None:
    tree = lxml_html.fromstring("<html><head><title>Only a title</title></head></html>")
    assert tree.find("body") is None
    assert extract_readable(tree) is None


def test_fragment_is_its_own_body() -> None:
    # trafilatura's loader falls back to a fragment for some broken pages
    tree = lxml_html.fragment_fromstring(f"<div>{_paragraphs()}</div>")
    assert _texts(tree) == PROSE


def test_too_large_page_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from retina.clean import readability_walk

    tree = _page(f"<article>{_paragraphs()}</article>")
    assert extract_readable(tree)
    monkeypatch.setattr(readability_walk, "MAX_ELEMENTS", 4)
    assert extract_readable(tree) is None


# --- the Mozilla test pages (Readability.js's own expected output) ---

_WORD = re.compile(r"\w+")
MOZILLA_MIN_F1 = 0.99
"""Measured 0.997 (precision 0.997, recall 0.997); the misses are `<br>`s and block
boundaries that Readability.js's `textContent` glues words across."""


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def test_mozilla_test_pages_match_readability_js() -> None:
    from trafilatura.utils import load_html

    pages = shared_path("data", "extraction", "mozilla-readability", "test-pages")
    precisions, recalls = [], []
    for case in sorted(p for p in pages.iterdir() if (p / "expected.html").exists()):
        tree = load_html((case / "source.html").read_bytes())
        blocks = extract_readable(tree) or []
        got = _shingles("\n\n".join(b.text for b in blocks))
        expected_text = lxml_html.fromstring(
            (case / "expected.html").read_text(encoding="utf-8")
        ).text_content()
        want = _shingles(expected_text)
        if not got and not want:  # a page too short for 4-grams, on both sides
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        common = sum((got & want).values())
        precisions.append(common / sum(got.values()) if got else 0.0)
        recalls.append(common / sum(want.values()) if want else 0.0)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall)
    assert len(precisions) == 130
    assert f1 > MOZILLA_MIN_F1, (precision, recall, f1)
