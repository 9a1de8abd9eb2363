"""Blocks of an HTML page: what counts as a block at all."""

from __future__ import annotations

import json

from helpers import BODY
from retina import clean


def test_a_paragraph_of_invisible_characters_is_no_block() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    invisible = "<p>\ufeff</p><p>\u200b </p>"
    page = f"<html><body><article><h1>Vote</h1>{paragraphs}{invisible}</article></body></html>"
    assert [block.text for block in clean(page).blocks] == BODY


def test_text_comes_out_in_composed_unicode() -> None:
    """ "é" written as "e" and a combining accent is stored as the one character "é", in
    the text and the metadata alike, so searching and comparing do not depend on how a
    page happened to encode it."""
    decomposed = "Cafe\u0301 owners in Zu\u0308rich"
    paragraphs = "".join(
        f"<p>{text}</p>" for text in [*BODY[:2], f"{decomposed} agreed.", *BODY[2:]]
    )
    page = (
        f"<html><head><title>{decomposed}</title></head>"
        f"<body><article>{paragraphs}</article></body></html>"
    )
    article = clean(page)
    assert article.title == "Café owners in Zürich"
    assert "Café owners in Zürich agreed." in [block.text for block in article.blocks]


def test_a_blank_line_made_with_line_breaks_ends_a_paragraph() -> None:
    """Pages without `<p>` markup break paragraphs with `<br><br>`; one `<br>` does not."""
    first, second = BODY[0].replace(", ending", ",<br>ending"), BODY[1]
    assert "<br>" in first
    text = f"{first}<br><br>{second}<br> <br>{BODY[2]}"
    page = (
        f"<html><head><title>Vote</title></head><body><div class='story'>{text}</div></body></html>"
    )
    assert [block.text for block in clean(page).blocks] == BODY[:3]


def test_a_page_rendered_by_script_takes_its_paragraphs_from_the_declared_body() -> None:
    """The HTML shows no text; the JSON-LD `articleBody` is the article, its line breaks
    (or its markup) the paragraph breaks."""
    for declared in ("\n\n".join(BODY), "".join(f"<p>{text}</p>" for text in BODY)):
        ld = {"@type": "NewsArticle", "headline": "Vote", "articleBody": declared}
        page = (
            f"<html><head><title>Vote</title><script type='application/ld+json'>"
            f"{json.dumps(ld)}</script></head><body><div id='app'></div></body></html>"
        )
        assert [block.text for block in clean(page).blocks] == BODY


def test_a_table_of_contents_does_not_make_the_section_headings_links() -> None:
    """A jump link to a section ("#the-vote") leaves the heading it points to in the text;
    one to another article on the page (an infinite scroll's "#article-1") is a link."""
    toc = (
        "<nav class='toc'><ol><li><a href='#the-vote'>The council vote</a></li>"
        "<li><a href='#the-cost'>What it costs</a></li></ol></nav>"
    )
    sections = (
        f"<h2 id='the-vote'>The council vote</h2><p>{BODY[0]}</p><p>{BODY[1]}</p>"
        f"<h2 id='the-cost'>What it costs</h2><p>{BODY[2]}</p><p>{BODY[3]}</p>"
    )
    page = (
        "<html><head><title>Harbour vote</title></head><body><article>"
        f"<h1>Harbour vote</h1>{toc}{sections}</article></body></html>"
    )
    texts = [block.text for block in clean(page).blocks]
    assert texts == ["The council vote", BODY[0], BODY[1], "What it costs", BODY[2], BODY[3]]

    from retina.clean.html import link_texts, parse_tree

    other = (
        "<html><body><article><h1>Harbour vote</h1></article>"
        "<aside><a href='#article-1'>School opens in the north</a></aside>"
        "<article id='article-1'><h1>School opens in the north</h1></article></body></html>"
    )
    assert "School opens in the north" in link_texts(parse_tree(other))


def test_the_next_articles_an_infinite_scroll_renders_are_not_the_text() -> None:
    """Each story in its own `<article>` with its own `<h1>`: the one whose headline is
    the page's is the text; the others are removed, with their headline as the reason."""
    other = [
        "A new school opened in the northern district on Monday, the first built on the "
        "islands in more than thirty years, with places for four hundred pupils.",
        "Parents had waited years for the building, which replaces classrooms in portable "
        "cabins that flooded each winter and had to be closed for weeks at a time.",
    ]
    main = "".join(f"<p>{text}</p>" for text in BODY)
    scroll = "".join(f"<p>{text}</p>" for text in other)
    page = (
        "<html><head><title>Harbour vote | Marlow News</title></head><body><div class='feed'>"
        f"<article id='article-0'><h1>Harbour vote</h1>{main}</article>"
        f"<article id='article-1'><h1>School opens in the north</h1>{scroll}</article>"
        "</div></body></html>"
    )
    assert [block.text for block in clean(page).blocks] == BODY

    from retina.clean.candidate import Candidate
    from retina.clean.html import parse_tree
    from retina.clean.other_articles import mark_other_articles
    from retina.model import BlockKind

    blocks = [Candidate(BlockKind.PARAGRAPH, text) for text in [BODY[0], *other]]
    mark_other_articles(parse_tree(page), "Harbour vote", blocks)
    assert [b.other_article for b in blocks] == [None, *["School opens in the north"] * 2]
    # no article with the page's headline: nothing is said of the others
    for title in ("Something else", "School opens"):
        blocks = [Candidate(BlockKind.PARAGRAPH, text) for text in other]
        mark_other_articles(parse_tree(page), title, blocks)
        assert [b.other_article for b in blocks] == [None, None]


def test_regions_trafilatura_discards_are_left_out_of_its_copy_only() -> None:
    """The regions are taken out of the copy trafilatura reads (it would delete them after
    running its pruning over them); the text after one stays, and the page itself keeps
    them for the checks that read it after the call."""
    from trafilatura.settings import MANUALLY_CLEANED

    from retina.clean.html import DISCARDED_REGIONS, engine_blocks, parse_tree

    assert set(DISCARDED_REGIONS) <= set(MANUALLY_CLEANED)
    regions = "".join(f"<{tag}><p>Region {tag} text here.</p></{tag}>" for tag in DISCARDED_REGIONS)
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY[:2])
    inline = "<p>The vote was close <aside>Advertisement</aside>and the count went on.</p>"
    tree = parse_tree(
        f"<html><body>{regions}<article>{paragraphs}{inline}<p>{BODY[2]}</p></article></body></html>"
    )
    extracted, _readable, _images = engine_blocks(tree, None)
    texts = [block.text for block in extracted]
    assert "The vote was close and the count went on." in texts
    assert not any("Region" in text or "Advertisement" in text for text in texts)
    assert all(tree.find(f".//{tag}") is not None for tag in DISCARDED_REGIONS)


def test_a_sentence_in_heading_markup_is_a_paragraph() -> None:
    """A lede set in `<h2>` reads as prose: long and closed by a full stop. A long question
    is an interviewer's, and stays a heading; so does a short heading."""
    lede = (
        "The U.S. has long been heralded as a land of opportunity, a place where anyone "
        "can succeed regardless of the class they were born into."
    )
    question = "What would you tell the people of the harbour towns who lost their homes?"
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        f"<html><body><article><h1>Vote</h1><h2>{lede}</h2>{paragraphs}"
        f"<h3>{question}</h3><p>{BODY[0]} Again.</p><h3>What next</h3><p>{BODY[1]} Again.</p>"
        "</article></body></html>"
    )
    kinds = {block.text: block.kind.value for block in clean(page).blocks}
    assert kinds[lede] == "paragraph"
    assert kinds[question] == "heading"
    assert kinds["What next"] == "heading"


def test_a_long_subtitle_opening_the_text_is_a_paragraph() -> None:
    """The subtitle under the headline, set in `<h2>` without a full stop, reads as a
    standfirst; the same words further down are a heading."""
    subtitle = (
        "Governor says naming of the exceptional judge is historic, but he called on her "
        "because she is the best person for the job"
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        f"<html><body><article><h1>Vote</h1><h2>{subtitle}</h2>{paragraphs}"
        f"<h2>{subtitle} again</h2><p>{BODY[0]} Again.</p></article></body></html>"
    )
    kinds = [(block.kind.value, block.text) for block in clean(page).blocks]
    assert kinds[0] == ("paragraph", subtitle)
    assert ("heading", f"{subtitle} again") in kinds


def test_an_amp_page_s_ads_and_stand_ins_are_no_text() -> None:
    """AMP components show text in place of what they load; ads are components too."""
    paragraphs = [f"<p>{text}</p>" for text in BODY]
    paragraphs.insert(
        1,
        '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/amp">'
        "<div placeholder>Advertisement</div><div fallback>Ad could not be loaded</div></amp-ad>",
    )
    paragraphs.insert(
        3,
        '<amp-iframe width="600" height="400" src="https://video.example/embed/1">'
        "<div placeholder>Loading video…</div></amp-iframe>",
    )
    for marker in ("amp", "⚡"):
        page = (
            f"<!doctype html><html {marker} lang='en'><head><title>Vote</title></head>"
            f"<body><article><h1>Vote</h1>{''.join(paragraphs)}</article></body></html>"
        )
        assert [block.text for block in clean(page).blocks] == BODY


def test_a_closing_list_of_other_stories_with_their_dates_is_no_text() -> None:
    """A link and its date stamp in one item, glued by markup without spaces: the link is
    most of the line, and the list goes as links to other articles."""
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    items = [
        ("Dredging plan divides the estuary", "Published 12 January"),
        ("Port authority names new director", "Published 3 May 2023"),
    ]
    more = "<h2>More on this story</h2><ul>{}</ul>".format(
        "".join(f'<li><a href="/news/1">{link}</a><span>{date}</span></li>' for link, date in items)
    )
    page = f"<html><body><article><h1>Vote</h1>{paragraphs}{more}</article></body></html>"
    article = clean(page)
    assert [block.text for block in article.blocks] == BODY
    assert any("Dredging plan" in piece.text for piece in article.removed)
