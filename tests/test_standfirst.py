"""The standfirst a page shows above its article opens the text; other descriptions do not."""

from __future__ import annotations

from lxml import html as lxml_html

from retina.clean import clean
from retina.clean.candidate import Candidate
from retina.clean.standfirst import shown_standfirst
from retina.model import BlockKind

DESCRIPTION = "The council voted to close the old bridge after engineers found deep cracks."
BODY = [
    "Engineers inspected the bridge on Monday and reported cracks in two of its piers, "
    "the city's transport office said in a statement released in the afternoon.",
    "The bridge, built in 1931, carries about twelve thousand vehicles a day across the "
    "river and had been due for a full renovation in the coming spring season.",
    "Drivers are being diverted over the northern crossing, which the police said would "
    "add up to twenty minutes to journeys during the morning and evening rush hours.",
    "A spokesperson for the council said repairs would be tendered within weeks and that "
    "residents would be consulted on the design of a replacement if one was needed.",
]


def page(header: str = "", after: str = "", description: str = DESCRIPTION) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    return f"""<!doctype html><html><head><title>Old bridge closed</title>
<meta name="description" content="{description}"></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><header><h1>Old bridge closed</h1>{header}</header>
<div class="article-body">{paragraphs}</div></article>{after}
<footer><p>Copyright The Example Gazette</p></footer></body></html>"""


def test_a_shown_standfirst_opens_the_text() -> None:
    article = clean(page(header=f'<p class="dek">{DESCRIPTION}</p>'))
    assert article.blocks[0].text == DESCRIPTION
    assert article.blocks[1].text == BODY[0]
    assert article.text.count(DESCRIPTION) == 1


def test_a_description_the_page_does_not_show_stays_metadata() -> None:
    article = clean(page())
    assert article.lead == DESCRIPTION
    assert article.blocks[0].text == BODY[0]


def test_a_description_shown_after_the_article_began_is_not_a_standfirst() -> None:
    article = clean(page(after=f'<div class="about"><p>{DESCRIPTION}</p></div>'))
    assert DESCRIPTION not in article.text


def test_a_description_shown_as_a_link_or_in_an_aside_is_not_a_standfirst() -> None:
    link = f'<p><a href="/bridge">{DESCRIPTION}</a></p>'
    aside = f"<aside><p>{DESCRIPTION}</p></aside>"
    for header in (link, aside):
        assert DESCRIPTION not in clean(page(header=header)).text


def test_blocks_that_hold_the_description_already_get_nothing_added() -> None:
    tree = lxml_html.fromstring(page(header=f"<p>{DESCRIPTION}</p>"))
    blocks = [Candidate(BlockKind.PARAGRAPH, DESCRIPTION + " More words follow here.")]
    assert shown_standfirst(tree, DESCRIPTION, blocks) is None
    truncated = DESCRIPTION[:50] + "…"
    assert shown_standfirst(tree, truncated, blocks) is None


def test_short_or_missing_descriptions_are_ignored() -> None:
    tree = lxml_html.fromstring(page(header="<p>Bridge closed.</p>"))
    blocks = [Candidate(BlockKind.PARAGRAPH, BODY[0])]
    assert shown_standfirst(tree, "Bridge closed.", blocks) is None
    assert shown_standfirst(tree, None, blocks) is None


def test_the_element_may_hold_a_little_more_than_the_description() -> None:
    shown = f'<p class="teaser"><span class="place">BERLIN.</span> {DESCRIPTION}</p>'
    tree = lxml_html.fromstring(page(header=shown))
    blocks = [Candidate(BlockKind.PARAGRAPH, BODY[0])]
    assert shown_standfirst(tree, DESCRIPTION, blocks) == f"BERLIN. {DESCRIPTION}"
    shown = f'<p class="teaser">{DESCRIPTION} <span class="time">2 min read</span></p>'
    tree = lxml_html.fromstring(page(header=shown))
    assert shown_standfirst(tree, DESCRIPTION, blocks) == f"{DESCRIPTION} 2 min read"


def test_a_description_cut_short_finds_the_standfirst_it_was_cut_from() -> None:
    """og:description is often the standfirst's first 150 characters and "…": the longer
    paragraph shown above the article is the standfirst."""
    standfirst = (
        f"{DESCRIPTION} The repairs, the transport office said, could take the whole of next "
        "year, and the council will decide in March whether to rebuild the crossing instead "
        "of restoring the piers that were found to be damaged beyond the usual wear."
    )
    cut = standfirst[:110].rsplit(" ", 1)[0] + "…"
    article = clean(page(header=f'<p class="dek">{standfirst}</p>', description=cut))
    assert article.blocks[0].text == standfirst
    assert article.blocks[1].text == BODY[0]


SUBTITLE = "Engineers found deep cracks in two piers, and repairs may take the whole of next year."


def test_the_subtitle_under_the_headline_opens_the_text() -> None:
    """No shown description, but a sentence under the `<h1>`: the page's subtitle."""
    hidden = "Read about the bridge closure on the Example Gazette website today."
    article = clean(page(header=f"<h2>{SUBTITLE}</h2>", description=hidden))
    assert article.blocks[0].text == SUBTITLE
    assert article.blocks[1].text == BODY[0]


def test_bylines_credits_and_the_headline_again_are_no_subtitle() -> None:
    hidden = "Read about the bridge closure on the Example Gazette website today."
    for header in (
        '<p class="byline">By Jane Doe, transport correspondent</p>',
        "<p>Old bridge closed</p>",
        f'<div><img src="/bridge.jpg"><p>{SUBTITLE}</p></div>',
        f"<p>© Example Gazette photo desk. {SUBTITLE}</p>",
    ):
        article = clean(page(header=header, description=hidden))
        assert article.blocks[0].text == BODY[0], header
