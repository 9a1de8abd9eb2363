"""HTML metadata: JSON-LD first, then meta tags, then markup."""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from retina.clean.byline_names import names_in_byline
from retina.clean.html import parse_tree
from retina.clean.metadata import extract_metadata


def _page(head: str, body: str = "<p>Text.</p>", lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def test_json_ld_in_graph_wins_over_meta() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "headline": "LD headline",
                "datePublished": "2026-01-02T03:04:05Z",
                "dateModified": "2026-01-03T00:00:00Z",
                "author": [{"@type": "Person", "name": "Ana Lee"}, {"name": "Bo Chen"}],
                "publisher": {"@type": "Organization", "name": "The Ledger"},
                "articleSection": ["Business", "Markets"],
                "isBasedOn": {"name": "Wire Service"},
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="og:title" content="OG title">'
        '<meta name="author" content="Someone Else">'
    )
    meta = extract_metadata(parse_tree(_page(head)), "https://example.com/x")
    assert meta.title == "LD headline"
    assert meta.authors == ["Ana Lee", "Bo Chen"]
    assert meta.published == datetime.fromisoformat("2026-01-02T03:04:05+00:00")
    assert meta.updated == datetime.fromisoformat("2026-01-03T00:00:00+00:00")
    assert meta.site_name == "The Ledger"
    assert meta.section == "Business"
    assert meta.origin == "Wire Service"


def test_meta_tags_and_title_suffix() -> None:
    head = (
        "<title>Harbour vote passes | Coastal Ledger</title>"
        '<meta property="og:site_name" content="Coastal Ledger">'
        '<meta name="author" content="Ana Lee, Bo Chen">'
        '<meta property="article:published_time" content="2026-02-01T10:00:00+01:00">'
        '<meta property="article:section" content="Local">'
        '<link rel="canonical" href="/local/harbour">'
        '<meta property="og:image" content="/img/a.jpg">'
    )
    meta = extract_metadata(parse_tree(_page(head, lang="en-GB")), "https://ledger.example/x?y=1")
    assert meta.title == "Harbour vote passes"
    assert meta.authors == ["Ana Lee", "Bo Chen"]
    assert meta.published is not None and meta.published.isoformat() == "2026-02-01T10:00:00+01:00"
    assert meta.section == "Local"
    assert meta.language == "en"
    assert meta.canonical_url == "https://ledger.example/local/harbour"
    assert [i.url for i in meta.images] == ["https://ledger.example/img/a.jpg"]


def test_broken_json_ld_and_no_metadata_do_not_fail() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
    meta = extract_metadata(parse_tree(_page(head, body="<h1>Only a heading</h1>")), None)
    assert meta.title == "Only a heading"
    assert meta.authors == []
    assert meta.canonical_url is None


def test_updated_not_after_published_is_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2026-02-01T10:00:00Z">'
        '<meta property="article:modified_time" content="2026-02-01T10:00:00Z">'
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.published is not None and meta.updated is None


def test_site_name_segment_known_from_the_home_link() -> None:
    """No declared site name: the logo link to the front page names the site."""
    body = (
        '<a href="http://news.example/westbury/"><b>Westbury Examiner</b></a>'
        '<a href="http://news.example/westbury/tech/">Tech</a><p>Text.</p>'
    )
    head = "<title>Westbury Examiner :: Lantern Industries hack affects 5,000</title>"
    url = "http://news.example/westbury/tech/20240623-138.htm"
    meta = extract_metadata(parse_tree(_page(head, body)), url)
    assert meta.title == "Lantern Industries hack affects 5,000"


def test_a_link_to_a_place_on_the_same_page_does_not_name_the_site() -> None:
    """A table of contents links the headline to itself ("#top"): that is no front-page
    link, so the headline is not taken for the site's name and dropped from the title."""
    title = "Evolve: Shared Mutable History — evolve extension for Mercurial"
    body = (
        "<h1>evolve extension for Mercurial</h1>"
        '<h1><a href="#id4">Evolve: Shared Mutable History</a></h1><p>Text.</p>'
    )
    meta = extract_metadata(parse_tree(_page(f"<title>{title}</title>", body)), None)
    assert meta.title == title


def test_site_name_segment_known_from_the_host_name() -> None:
    head = "<title>Harbour vote passes - The Guardian</title>"
    meta = extract_metadata(parse_tree(_page(head)), "https://www.theguardian.com/a/b")
    assert meta.title == "Harbour vote passes"


def test_the_title_segment_naming_the_host_is_the_site_name() -> None:
    """As the site writes it, when the page declares no name and links nowhere home; from
    <title> too when the headline came from JSON-LD."""
    url = "https://www.springfield-daily.example/2026/03/05/mayor-resigns/"
    head = "<title>Mayor resigns amid probe | Springfield Daily</title>"
    meta = extract_metadata(parse_tree(_page(head)), url)
    assert (meta.title, meta.site_name) == ("Mayor resigns amid probe", "Springfield Daily")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Mayor resigns"}
    head = (
        "<title>Mayor resigns - Springfield Daily</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    meta = extract_metadata(parse_tree(_page(head)), url)
    assert (meta.title, meta.site_name) == ("Mayor resigns", "Springfield Daily")


def test_a_home_link_segment_is_no_site_name() -> None:
    """A front-page link's text strips a title segment, but may be "Übersicht" or the
    page's own name: only the host name makes it the site's."""
    body = '<a href="/">Übersicht</a><p>Text.</p>'
    head = "<title>Werbung auf Jodel - Übersicht</title>"
    meta = extract_metadata(parse_tree(_page(head, body)), "https://jodel.example/werbung")
    assert (meta.title, meta.site_name) == ("Werbung auf Jodel", None)


def test_title_with_a_separator_but_no_site_name_is_kept() -> None:
    head = "<title>Brexit: what happens next - a guide</title>"
    meta = extract_metadata(parse_tree(_page(head)), "https://news.example/a")
    assert meta.title == "Brexit: what happens next - a guide"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
            "Māori tribes fearful over whale strandings",
        ),
        ("Interview | Eleanor Ainge Roy", "Interview | Eleanor Ainge Roy"),
        ("Whale strandings | Roy Ellis", "Whale strandings | Roy Ellis"),
    ],
)
def test_the_author_named_after_the_headline_is_no_part_of_it(title: str, expected: str) -> None:
    head = (
        f'<meta property="og:title" content="{title}">'
        '<meta name="author" content="Eleanor Ainge Roy">'
    )
    meta = extract_metadata(parse_tree(_page(head)), "https://news.example/a")
    assert meta.authors == ["Eleanor Ainge Roy"]
    assert meta.title == expected


def test_json_ld_wrapped_in_cdata() -> None:
    head = (
        '<script type="application/ld+json">//<![CDATA[\n{"@type": "NewsArticle", '
        '"headline": "Harbour vote passes", "datePublished": "2020-07-10T14:15:42+00:00"}\n//]]>'
        "</script>"
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.title == "Harbour vote passes"
    assert meta.published is not None and meta.published.year == 2020


def test_svg_title_in_the_body_is_not_the_document_title() -> None:
    body = "<svg><title>Logo</title></svg><h1>Harbour vote passes</h1><p>Text.</p>"
    meta = extract_metadata(parse_tree(_page("<title>Harbour vote passes</title>", body)), None)
    assert meta.title == "Harbour vote passes"


def test_declared_title_that_agrees_with_the_page_wins() -> None:
    """A JSON-LD headline holding a description, a site-wide og:title: the declared title
    that agrees with <title> or a heading is taken instead."""
    head = (
        "<title>List of films featuring time loops - Wikipedia</title>"
        '<script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list '
        'article", "name": "List of films featuring time loops"}</script>'
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.title == "List of films featuring time loops"
    head = (
        "<title>Space ship breaks up over Siberia</title>"
        '<meta property="og:title" content="Yahoo News - Latest News &amp; Headlines">'
    )
    body = "<h1>Space ship breaks up over Siberia</h1><p>Text.</p>"
    meta = extract_metadata(parse_tree(_page(head, body)), None)
    assert meta.title == "Space ship breaks up over Siberia"


def test_more_site_name_forms() -> None:
    head = (
        "<title>x</title><meta property='og:site_name' content='Sott.net'>"
        "<meta property='og:title' content='Court files expose the team -- Sott.net'>"
    )
    assert extract_metadata(parse_tree(_page(head)), None).title == "Court files expose the team"
    head = (
        "<meta property='og:site_name' content='新华网'>"
        "<meta property='og:title' content='短缺药品保供稳价-新华网'>"
    )
    assert extract_metadata(parse_tree(_page(head)), None).title == "短缺药品保供稳价"
    head = "<title>Lorem ipsum dolor sit amet – My website</title>"
    assert extract_metadata(parse_tree(_page(head)), None).title == "Lorem ipsum dolor sit amet"


def test_an_h1_repeated_word_for_word_still_names_the_title() -> None:
    """A site name glued on without spaces ("标题-新华网"): the page's <h1>, shown twice
    (a sticky header), is the title without it."""
    headline = "港口扩建方案获得通过"
    body = f"<header><h1>{headline}</h1></header><h1>{headline}</h1><p>Text.</p>"
    meta = extract_metadata(parse_tree(_page(f"<title>{headline}-新华网</title>", body)), None)
    assert meta.title == headline


def test_a_site_that_declares_no_name_is_named_by_its_front_page_link() -> None:
    url = "https://www.harbourgazette.example/city/2024/vote"
    body = (
        '<a href="#main">Skip to content</a><a href="/">Home</a>'
        '<a href="https://www.harbourgazette.example/">The Harbour Gazette</a>'
        '<a href="/city/">City</a><h1>Harbour vote passes</h1><p>Text.</p>'
    )
    meta = extract_metadata(parse_tree(_page("<title>Harbour vote passes</title>", body)), url)
    assert meta.site_name == "The Harbour Gazette"


def test_a_logo_link_names_the_site_by_its_alt_text_and_declared_names_win() -> None:
    body = '<a href="/"><img src="/logo.svg" alt="Harbour Gazette"></a><p>Text.</p>'
    meta = extract_metadata(parse_tree(_page("<title>Vote</title>", body)), None)
    assert meta.site_name == "Harbour Gazette"
    declared = '<meta property="og:site_name" content="The Gazette"><title>Vote</title>'
    assert extract_metadata(parse_tree(_page(declared, body)), None).site_name == "The Gazette"


def test_a_site_under_a_path_prefix_is_named_by_the_link_to_its_prefix() -> None:
    url = "http://127.0.0.1:8765/greenhollow/sport/match-report"
    body = (
        '<a href="http://127.0.0.1:8765/greenhollow/">The Greenhollow Chronicle</a>'
        '<a href="http://127.0.0.1:8765/greenhollow/sport/">Sport</a><p>Text.</p>'
    )
    meta = extract_metadata(parse_tree(_page("<title>Match report</title>", body)), url)
    assert meta.site_name == "The Greenhollow Chronicle"


def test_links_that_name_no_site_give_no_site_name() -> None:
    bodies = [
        '<a href="/">Home</a><a href="/">Startseite</a><a href="#top">Back to top</a>',
        '<a href="https://other.example/">Other Site</a>',  # another site, page URL unknown
        '<a href="/world/">World</a>',  # a section, page URL unknown
        '<a href="/"><svg><style>.a{fill:#fff}</style></svg></a>',
        '<a href="javascript:void(0)">Menu</a><a href="mailto:desk@example.org">Desk</a>',
    ]
    for body in bodies:
        meta = extract_metadata(parse_tree(_page("<title>Vote</title>", body)), None)
        assert meta.site_name is None, body


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Ben Silverman Games Editor", ["Ben Silverman"]),
        ("Sarah Jones - Senior Political Correspondent", ["Sarah Jones"]),
        ("Anna Editor", ["Anna Editor"]),  # a surname, not a job title
        ("Mark Writer Smith", ["Mark Writer Smith"]),
    ],
)
def test_a_job_title_after_the_byline_name_is_dropped(byline: str, authors: list[str]) -> None:
    body = f'<div class="byline">{byline}</div><p>Text.</p>'
    meta = extract_metadata(parse_tree(_page("<title>Vote</title>", body)), None)
    assert meta.authors == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # the date shown beside the name (quantamagazine.org, news.yahoo.com)
        ('<em>By</em> <a href="/a/js">Joshua Sokol</a> <p>May 20, 2019</p>', ["Joshua Sokol"]),
        ("By GILLIAN MOHNEY <abbr>March 11, 2015 3:46 PM</abbr>", ["Gillian Mohney"]),
        ("Jo Lin | Updated Mon, 12.03.2024 17:13", ["Jo Lin"]),
        ("Door Jan de Vries, 20. März 2019", ["Jan de Vries"]),
        ("Autor: Hans Müller", ["Hans Müller"]),
        ("NBC 4 New York", ["NBC 4 New York"]),  # a number is not a date
        ("Di Maria", ["Di Maria"]),  # a surname, not Italian "by"
        ("di Mario Rossi", ["Mario Rossi"]),
        ("Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),
        ("Michael Humpa | CHIP Software-Redaktion", ["Michael Humpa"]),
        ("Loshaun Dixon -", ["Loshaun Dixon"]),
        ("Williams Perdomo @wperdomod -", ["Williams Perdomo"]),
    ],
)
def test_the_byline_gives_names_without_its_by_word_and_date(
    byline: str, authors: list[str]
) -> None:
    body = f'<div class="post__author-date">{byline}</div><p>Text.</p>'
    meta = extract_metadata(parse_tree(_page("<title>Vote</title>", body)), None)
    assert meta.authors == authors


@pytest.mark.parametrize("href", ["http://example.com:99999/x", "//[::1/x", "http://[::1"])
def test_a_canonical_link_that_does_not_parse_is_none(href: str) -> None:
    """It used to crash cleaning (a relative one) or storing (a bad port) the page."""
    head = f'<title>Vote</title><link rel="canonical" href="{href}">'
    assert extract_metadata(parse_tree(_page(head)), "https://news.example/a").canonical_url is None


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        # a commenter's name is no byline, in a comment section or named as a comment part
        ('<div id="comments"><span class="author">Alcalino</span></div>', []),
        ('<p>Text.</p><span class="sf_comment_author">Alcalino</span>', []),
        (
            '<div class="byline">Jane Roe</div><div class="comment-list">'
            '<span class="author">Alcalino</span></div>',
            ["Jane Roe"],
        ),
        (
            '<div id="comments"><span class="author">Alcalino</span></div>'
            '<span class="author">Jane Roe</span>',
            ["Jane Roe"],
        ),
    ],
)
def test_commenters_are_not_the_authors(body: str, authors: list[str]) -> None:
    meta = extract_metadata(parse_tree(_page("<title>Vote</title>", body)), None)
    assert meta.authors == authors


def test_author_from_microdata_listing_several_properties() -> None:
    """`itemprop` holds a list of properties: "author creator" names the author too."""
    body = (
        '<p class="author">Staff</p>'
        '<span itemprop="author creator" itemscope><span itemprop="name">Ana Ruiz</span></span>'
        "<p>Text.</p>"
    )
    meta = extract_metadata(parse_tree(_page("<title>Harbour vote</title>", body)), None)
    assert meta.authors == ["Ana Ruiz"]


def test_the_site_credited_beside_people_is_no_author() -> None:
    head = (
        '<meta property="og:site_name" content="CNN">'
        '<meta name="author" content="Dana A. Ford, and Tom Watkins, CNN">'
    )
    assert extract_metadata(parse_tree(_page(head)), None).authors == [
        "Dana A. Ford",
        "Tom Watkins",
    ]
    alone = '<meta property="og:site_name" content="CNN"><meta name="author" content="CNN">'
    assert extract_metadata(parse_tree(_page(alone)), None).authors == ["CNN"]


def test_a_section_that_is_the_headline_is_no_section() -> None:
    head = (
        "<title>Why we need humility now</title>"
        '<meta property="article:section" content="Why we need humility now">'
    )
    assert extract_metadata(parse_tree(_page(head)), None).section is None
    head = (
        '<title>Why we need humility now</title><meta property="article:section" content="Faith">'
    )
    assert extract_metadata(parse_tree(_page(head)), None).section == "Faith"


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        ("<font>Posted: 29/06/2024 17:47<br>By Leona Stanhope</font>", ["Leona Stanhope"]),
        ("<p>By Teodor Castellane, Odile Jessop</p>", ["Teodor Castellane", "Odile Jessop"]),
        ("<div>Von Jan de Vries und Ana Ruiz, 12.03.2024</div>", ["Jan de Vries", "Ana Ruiz"]),
        ("<p>By the numbers</p>", []),
        ("<h2>By Land And Sea</h2>", []),  # a headline, and not names
        ("<p>Icons by The Noun Project</p><p>By The Noun Project</p>", []),
        ('<p><a href="/a">By Leona Stanhope</a></p>', []),  # a link to another story
        ('<div id="comments"><p>By Leona Stanhope</p></div>', []),
    ],
)
def test_a_byline_written_as_plain_text_names_the_authors(body: str, authors: list[str]) -> None:
    """Pages that mark no byline up still show one: a line of text that is a "by" word
    and names, and nothing else."""
    page = _page("<title>Vote</title>", f"{body}<p>The council voted on Tuesday.</p>")
    assert extract_metadata(parse_tree(page), None).authors == authors


def test_one_meta_tag_per_author_names_them_all() -> None:
    head = '<meta name="author" content="Suvi Mabbott"><meta name="author" content="Kofi Pellinor">'
    assert extract_metadata(parse_tree(_page(head)), None).authors == [
        "Suvi Mabbott",
        "Kofi Pellinor",
    ]


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        (  # Dublin Core writes each creator surname first, one tag each
            '<meta name="DC.Creator" content="Kooman, F.">'
            '<meta name="DC.Creator" content="Jong, Michiel de">',
            ["F. Kooman", "Michiel de Jong"],
        ),
        ('<meta name="DC.Creator" content="van der Berg, Jan">', ["Jan van der Berg"]),
        ('<meta name="author" content="Smith, J. R.">', ["J. R. Smith"]),
        # a list of people stays a list, in any tag
        ('<meta name="author" content="Alice, Bob">', ["Alice", "Bob"]),
        ('<meta name="DC.Creator" content="John Smith, Jane Doe">', ["John Smith", "Jane Doe"]),
        ('<meta name="author" content="Reuters, AP">', ["Reuters", "AP"]),
    ],
)
def test_a_name_written_surname_first_is_turned_round(head: str, authors: list[str]) -> None:
    assert extract_metadata(parse_tree(_page(head)), None).authors == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
        ),
        ("By Ana Ruiz, Jan de Vries and Li Wei Chen", ["Ana Ruiz", "Jan de Vries", "Li Wei Chen"]),
        ("María del Carmen García López", ["María del Carmen García López"]),
        ("Lars Fischer und Alina Schadwinkel", ["Lars Fischer", "Alina Schadwinkel"]),
        ("geschrieben von Meike Neitz", ["Meike Neitz"]),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk"]),
        ("By Ana Ruiz, with additional reporting by Jo Lin", ["Ana Ruiz"]),
        # longer than a name and not a list of names: no author
        ("Our reporters in the field sent this story from the harbour", []),
    ],
)
def test_a_byline_listing_several_people_names_each(byline: str, authors: list[str]) -> None:
    body = f'<p class="byline">{byline}</p><p>Text.</p>'
    assert extract_metadata(parse_tree(_page("", body)), None).authors == authors


@pytest.mark.parametrize(
    ("head", "url", "origin"),
    [
        # Google's tags hold the original's address: the page's own marks it the original
        (
            '<meta name="original-source" content="https://www.ledger.example/news/1.html">',
            "https://ledger.example/news/1.html",
            None,
        ),
        (  # no address of its own: the canonical link tells the site
            '<link rel="canonical" href="https://ledger.example/news/1.html">'
            '<meta name="original-source" content="https://ledger.example/news/1.html">',
            None,
            None,
        ),
        (
            '<meta name="syndication-source" content="https://www.wire.example/story/9">',
            "https://ledger.example/news/1.html",
            "wire.example",
        ),
        ('<meta name="original-source" content="Wire Service">', None, "Wire Service"),
    ],
)
def test_the_source_a_page_credits(head: str, url: str | None, origin: str | None) -> None:
    assert extract_metadata(parse_tree(_page(head)), url).origin == origin


def test_a_date_found_in_the_text_leaves_the_page_as_it_was() -> None:
    """htmldate prunes the page when it searches its text for a date; later stages read
    the same tree, so the pruning must fall on a copy (htmldate's own, from 1.11)."""
    from lxml import etree

    body = (
        "<label for='q'>Search</label><input id='q'><iframe src='/ad'></iframe>"
        "<div class='post-date'>Posted on 2021-03-12</div>"
        "<p>Text of the post.</p>"
    )
    tree = parse_tree(_page("<title>Post</title>", body))
    before = etree.tostring(tree)
    meta = extract_metadata(tree, "https://example.com/post")
    assert meta.published == datetime(2021, 3, 12)
    assert etree.tostring(tree) == before


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ('<meta property="article:section" content="Climate">', "Climate"),
        ('<meta property="article:section" content="tags">', "Business"),
        ('<meta property="article:section" content="Allgemein">', "Business"),
        ('<meta property="article:section" content="front-page">', "Business"),
        ('<meta property="article:section" content="/world/middle_east">', "World"),
        ('<meta property="article:section" content="/local-news/">', "Local News"),
        ('<meta property="article:section" content="/tags/">', "Business"),
        ('<meta property="article:section" content="Schauspieler/innen">', "Schauspieler/innen"),
        ('<meta property="article:section" content="Politik, Eindrücke, Inland">', "Politik"),
        ('<meta property="article:section" content="Articles,Legal,National">', "Legal"),
        (
            '<meta property="article:section" content="Café, Dialekt, Wien, Pop, Podcast">',
            "Business",
        ),
        ('<meta property="article:section" content="nil">', "Business"),
        # a sentence a template wrote in the section's place
        (
            '<meta property="article:section" content="Der dreimalige Olympiasieger Eric'
            ' Frenzel ist positiv auf das Coronavirus getestet worden.">',
            "Business",
        ),
    ],
)
def test_a_placeholder_or_keyword_list_is_no_section(declared: str, expected: str) -> None:
    """The first source naming a real section wins: a template's placeholder ("tags",
    a blog's default category) or a list of keywords gives way to the next source."""
    ld = {"@type": "NewsArticle", "headline": "Rates rise", "articleSection": "Business"}
    head = f'{declared}<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert extract_metadata(parse_tree(_page(head)), None).section == expected


@pytest.mark.parametrize(
    ("names", "authors"),
    [
        (["Jessica Holly", "Gail Levy", "7 News WSVN"], ["Jessica Holly", "Gail Levy"]),
        (["Marek Świerczyński", "Polityka Insight"], ["Marek Świerczyński"]),
        (["Michael Rädel", "Redaktion"], ["Michael Rädel"]),
        (["Redaktion"], ["Redaktion"]),  # alone, the newsroom is the author
        (["Emily Post", "Jo Lin"], ["Emily Post", "Jo Lin"]),
    ],
)
def test_a_newsroom_credited_beside_people_is_no_author(
    names: list[str], authors: list[str]
) -> None:
    ld = {"@type": "NewsArticle", "headline": "Vote", "author": [{"name": n} for n in names]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert extract_metadata(parse_tree(_page(head)), None).authors == authors


def test_a_title_cut_short_takes_the_headline_it_begins() -> None:
    ld = {"@type": "NewsArticle", "headline": "Tsai's playbook should be essential reading for..."}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = "<h1>Tsai's playbook should be essential reading for Carrie Lam</h1><p>Text.</p>"
    meta = extract_metadata(parse_tree(_page(head, body)), None)
    assert meta.title == "Tsai's playbook should be essential reading for Carrie Lam"


def test_a_title_ending_with_its_own_ellipsis_keeps_it() -> None:
    head = (
        '<meta property="og:title" content="Screenshot: «6 Days», «Alphonse Président»…">'
        "<title>Screenshot: «6 Days», «Alphonse Président»… - Culture / Next</title>"
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.title == "Screenshot: «6 Days», «Alphonse Président»…"


def test_a_description_that_is_the_headline_or_a_piece_of_it_is_no_lead() -> None:
    ld = {"@type": "NewsArticle", "headline": "Rates rise again", "description": "Rates rise"}
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="og:description" content="The bank raised rates for the fifth time.">'
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.lead == "The bank raised rates for the fifth time."


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By JANE ROE and JOHN DOE Associated Press", ["Jane Roe", "John Doe"]),
        ("By JANE ROE, Associated Press Writer", ["Jane Roe"]),
        ("By Jane Roe and the Associated Press", ["Jane Roe"]),
        ("Jo Lin, Reuters", ["Jo Lin"]),
        ("Jane Roe and John Doe, CNN", ["Jane Roe", "John Doe"]),
        ("By Jane Roe, The Springfield Daily", ["Jane Roe"]),
        ("Markus M. Haefliger, London, Beat Bumbacher", ["Markus M. Haefliger", "Beat Bumbacher"]),
        ("By Jane Roe, Published 3 hours ago", ["Jane Roe"]),
        ("Erstellt von Andri Bryner", ["Andri Bryner"]),
        ("By Jo Lin - [email protected]", ["Jo Lin"]),
        ("Jo Lin jo.lin@example.com", ["Jo Lin"]),
        # capitals that are no person's name stay as written
        ("BDZV", ["BDZV"]),
        ("NATURSTROM AG", ["NATURSTROM AG"]),
        # a part that is neither a name nor a workplace keeps the byline whole
        ("Bruno (Henrique Zecchin) Rodrigues", ["Bruno (Henrique Zecchin) Rodrigues"]),
        ("Bildung und Forschung WBF", ["Bildung und Forschung WBF"]),
    ],
)
def test_names_in_a_byline(byline: str, names: list[str]) -> None:
    assert names_in_byline(byline) == names


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        # the section between the headline and the site, or before the headline
        ("Harbour vote passes | Politics | Coastal Ledger", "Harbour vote passes"),
        ("Harbour vote passes - Local News - Coastal Ledger", "Harbour vote passes"),
        ("Opinion | Harbour vote passes", "Harbour vote passes"),
        ("Harbour vote passes « Coastal Ledger", "Harbour vote passes"),
        # a colon sets apart no last section: "Harbour vote: Analysis" is a headline
        ("Harbour vote passes : Analysis", "Harbour vote passes : Analysis"),
        # the site's name, then its tagline or the date
        (
            "Harbour vote passes after two-year fight | Coastal Ledger | Local News, Weather",
            "Harbour vote passes after two-year fight",
        ),
        (
            "Berlin confronts its colonial past anew | Coastal Ledger | 19.01.2020",
            "Berlin confronts its colonial past anew",
        ),
    ],
)
def test_the_site_s_breadcrumb_and_tagline_leave_the_title(title: str, clean: str) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="Coastal Ledger">'
    assert extract_metadata(parse_tree(_page(head)), None).title == clean


def test_a_navigation_link_s_text_in_the_middle_of_the_title_is_no_site_name() -> None:
    """ "Forum" links to the forum's front page; the site is named last."""
    body = '<a href="/">Forum</a><p>Text.</p>'
    head = "<title>Kein App Store mehr über Mobile Daten | iPhone | Forum | MacNews.de</title>"
    meta = extract_metadata(parse_tree(_page(head, body)), "https://www.macnews.de/forum/x")
    assert meta.title == "Kein App Store mehr über Mobile Daten | iPhone | Forum"


def test_an_h1_that_is_the_site_s_name_is_no_headline() -> None:
    """A theme sets the site's name in the `<h1>` (a link home) and the post's in an `<h2>`;
    the title ends with the site's name. An `<h1>` ending the title as a long headline
    ("Bundespolizei - Aktuelles - <headline>") is the headline."""
    body = (
        '<h1 class="site-title"><a href="/">Marlow Musings</a></h1>'
        '<h2 class="entry-title">Harbour vote passes after long fight</h2><p>Text.</p>'
    )
    head = "<title>Harbour vote passes after long fight – Marlow Musings</title>"
    meta = extract_metadata(parse_tree(_page(head, body)), None)
    assert meta.title == "Harbour vote passes after long fight"
    headline = "Illegale Migration über Polen: Bereits 9.087 Feststellungen im laufenden Jahr"
    head = f"<title>Bundespolizei - Aktuelles - {headline}</title>"
    meta = extract_metadata(parse_tree(_page(head, f"<h1>{headline}</h1><p>Text.</p>")), None)
    assert meta.title == headline


def test_a_heading_s_link_that_does_not_parse_is_no_link_home() -> None:
    """Read to tell a site's name from a headline in the `<h1>`; a broken address there
    (hostile input) is no link to the front page, and no error."""
    name = "The Marlow Musings Weekly Harbour Blog"
    head = f"<title>Harbour vote passes – {name}</title>"
    body = f'<h1><a href="http://[::1">{name}</a></h1><p>Text.</p>'
    assert extract_metadata(parse_tree(_page(head, body)), None).title == name


def test_hatom_dates_in_an_abbr_title_are_read() -> None:
    """Blogger and older WordPress themes mark the date up with microformats' hAtom: the
    ISO date, with its time and zone, is the `<abbr>`'s title."""
    body = (
        '<div class="post hentry"><h3 class="post-title entry-title">Cliff path</h3>'
        "<div class='post-body entry-content'>The path is four miles long.</div>"
        '<span class="post-timestamp">at <abbr class="published" itemprop="datePublished" '
        'title="2024-10-12T09:30:00+01:00">9:30 AM</abbr></span>'
        '<abbr class="updated" title="2024-10-13T08:00:00+01:00">8:00 AM</abbr></div>'
    )
    meta = extract_metadata(parse_tree(_page("<title>Cliff path</title>", body)), None)
    assert meta.published == datetime.fromisoformat("2024-10-12T09:30:00+01:00")
    assert meta.updated == datetime.fromisoformat("2024-10-13T08:00:00+01:00")


def test_a_hatom_title_that_is_no_iso_date_is_not_read() -> None:
    """ "06-08-2009T14:12:32+0200" is a theme's own order (6 August, as the page shows);
    read month first it would be 8 June."""
    body = (
        '<p>Veröffentlicht am: <abbr class="published" title="06-08-2009T14:12:32+0200">'
        "6. August 2009</abbr></p><p>Text.</p>"
    )
    meta = extract_metadata(parse_tree(_page("<title>Krimi</title>", body)), None)
    assert meta.published is None or (meta.published.month, meta.published.day) == (8, 6)


def test_a_platform_and_its_publication_both_leave_the_title() -> None:
    """Medium's headline names the publication and the platform: both are declared (the
    publisher in JSON-LD, the platform as `og:site_name`)."""
    ld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "headline": "Why our team stopped writing microservices - Better Engineering - Medium",
        "publisher": {"@type": "Organization", "name": "Better Engineering"},
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="og:site_name" content="Medium">'
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.title == "Why our team stopped writing microservices"
    assert meta.site_name == "Medium"


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("김민수 기자", "김민수"),
        ("(서울=연합뉴스) 김민수 기자", "김민수"),
        ("김민수 기자 입력 2024.12.06 09:30 수정 2024.12.06 11:02", "김민수"),
        ("本报记者 李华", "李华"),
        ("文/王明", "王明"),
        ("（ワシントン＝山田太郎）", "山田太郎"),
        ("山田太郎", "山田太郎"),
        ("بقلم: أحمد علي", "أحمد علي"),  # Arabic has no capitals either
        ("Автор: Иван Петров", "Иван Петров"),
        ("Oleh Budi Santoso", "Budi Santoso"),
    ],
)
def test_bylines_in_scripts_without_capitals_and_other_languages(byline: str, name: str) -> None:
    """No capital tells these names from words: "reporter" (기자, 记者), the agency's
    dateline and the time stamp are cut around them."""
    assert names_in_byline(byline) == [name]
    body = f'<div class="byline">{byline}</div><p>Text.</p>'
    assert extract_metadata(parse_tree(_page("<title>T</title>", body)), None).authors == [name]


def test_a_menu_item_named_for_bylines_is_no_byline() -> None:
    """Yahoo! Japan's navigation has `li#gnPriBylines`, "個人": a word, not a name."""
    body = '<ul><li id="gnPriBylines"><a href="/byline">個人</a></li></ul><p>Text.</p>'
    assert extract_metadata(parse_tree(_page("<title>T</title>", body)), None).authors == []


def test_a_hostile_author_name_is_read_in_linear_time() -> None:
    """A JSON-LD "author" of 50,000 characters took 8 s in the byline patterns, whose
    time grows with the square of the length: text that long is no byline."""
    ld = {"@type": "NewsArticle", "headline": "Harbour vote", "author": {"name": "a" * 50_000}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    start = time.perf_counter()
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.authors == [] and time.perf_counter() - start < 1.0


def _yoast_graph(person: str, **article: object) -> str:
    """An SEO plugin's JSON-LD graph: the article refers to its author and publisher."""
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": "https://example.com/a/#article",
                "headline": "Harbour vote passes",
                "author": {"@id": "https://example.com/#/schema/person/1"},
                "publisher": {"@id": "https://example.com/#organization"},
                **article,
            },
            {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Ledger"},
            {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": person},
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


def test_json_ld_author_and_publisher_given_by_reference() -> None:
    body = '<footer class="site-info">Theme: Colormag by <a rel="author">ThemeGrill</a></footer>'
    meta = extract_metadata(parse_tree(_page(_yoast_graph("Andreas Kalt"), body)), None)
    assert meta.authors == ["Andreas Kalt"]
    assert meta.site_name == "Ledger"


def test_referenced_author_yields_to_the_author_link_and_names_no_account() -> None:
    byline = '<p>By <a rel="author" href="/author/ana-ruiz/">Ana Ruiz</a></p>'
    meta = extract_metadata(parse_tree(_page(_yoast_graph("webproducer7"), byline)), None)
    assert meta.authors == ["Ana Ruiz"]  # the graph names the account that posted it
    plain = '<span class="author">Ana Ruiz</span>'
    meta = extract_metadata(parse_tree(_page(_yoast_graph("admin"), plain)), None)
    assert meta.authors == ["Ana Ruiz"]


def test_theme_credit_is_no_author() -> None:
    body = (
        "<article><p>Text of the article.</p></article>"
        '<div class="copyright">Theme: ColorMag by <a href="https://themegrill.com" '
        'rel="author">ThemeGrill</a>. Powered by WordPress.</div>'
    )
    assert extract_metadata(parse_tree(_page("", body)), None).authors == []
    byline = '<p class="byline">By <a rel="author">Ana Ruiz</a>, Theme Park Correspondent</p>'
    assert extract_metadata(parse_tree(_page("", byline)), None).authors == ["Ana Ruiz"]


def test_json_ld_text_escaped_for_html_is_read_as_written() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "Arnault&#8217;s LVMH &amp; the Louvre",
        "author": {"@type": "Person", "name": "Lindsey O&#039;Donnell"},
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.title == "Arnault\u2019s LVMH & the Louvre"
    assert meta.authors == ["Lindsey O'Donnell"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # a hidden label glued to the name by the markup
        (
            '<span class="byline"><span class="screen-reader-text">Veröffentlicht von</span>'
            '<span class="author vcard"><a href="/author/cj/">Chris Jung</a></span></span>',
            ["Chris Jung"],
        ),
        # a date and a comment count glued to the name
        (
            '<p class="byline"><span>by</span> <a class="byauthor">Lucas Nolan</a><span>22 Dec'
            ' 2016</span><a class="bycount">651</a></p>',
            ["Lucas Nolan"],
        ),
        # an author link's label
        (
            '<a rel="author" href="/author/dl/"> View all posts by Daniel Lemire </a>',
            ["Daniel Lemire"],
        ),
        (
            '<a rel="author" href="/author/pr/">Zeige alle Beiträge von Petra Ruland →</a>',
            ["Petra Ruland"],
        ),
        # a date whose month a comma follows; a label's colon left before the name
        ('<div class="byline">Von Christian Thiele, 07 Dezember, 2022</div>', ["Christian Thiele"]),
        ('<span class="author">: Joe Sanders</span>', ["Joe Sanders"]),
    ],
)
def test_byline_markup_and_labels(byline: str, authors: list[str]) -> None:
    meta = extract_metadata(parse_tree(_page("", byline + "<p>Text.</p>")), None)
    assert meta.authors == authors


def test_credentials_after_a_name_are_no_author() -> None:
    head = '<meta name="author" content="Grant Tinsley, PhD">'
    assert extract_metadata(parse_tree(_page(head)), None).authors == ["Grant Tinsley"]
    head = '<meta name="author" content="Jo Lin, MS, RDN and Ana Ruiz">'
    assert extract_metadata(parse_tree(_page(head)), None).authors == ["Jo Lin", "Ana Ruiz"]


@pytest.mark.parametrize(
    ("url", "title", "headline", "site"),
    [
        (
            "https://www.heizung.de/waermepumpe/altbau.html",
            "Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de",
            "Wärmepumpe im Altbau - Wann es sich lohnt",
            "heizung.de",
        ),
        (
            "https://schweizerjaeger.ch/aktuell/vogel.html",
            "Der Steinkauz ist der Vogel des Jahres | Schweizer Jäger Online",
            "Der Steinkauz ist der Vogel des Jahres",
            "Schweizer Jäger Online",
        ),
        (
            "https://www.martinruetter.com/winter",
            "Mit dem Hund durch den Winter - Martin Rütter DOGS",
            "Mit dem Hund durch den Winter",
            "Martin Rütter DOGS",
        ),
        # a short host label begins too many words; the label among others is no site name
        (
            "https://news.example.com/a",
            "Newsom signs the budget - Newsroom Live",
            "Newsom signs the budget - Newsroom Live",
            None,
        ),
        # (the section before the headline goes: "Opinion" names no site)
        ("https://apple.example/a", "Opinion | Why Apple wins", "Why Apple wins", None),
        # the site's name with an article its host leaves out, first or last
        (
            "https://harbourtimes.example/a",
            "The Harbour Times - Council approves budget",
            "Council approves budget",
            "The Harbour Times",
        ),
        (
            "https://zeit.example/a",
            "Rat beschließt den Haushalt : Die Zeit",
            "Rat beschließt den Haushalt",
            "Die Zeit",
        ),
    ],
)
def test_a_title_segment_spelling_the_host_names_the_site(
    url: str, title: str, headline: str, site: str | None
) -> None:
    meta = extract_metadata(parse_tree(_page(f"<title>{title}</title>")), url)
    assert (meta.title, meta.site_name) == (headline, site)


def test_a_list_of_thousands_of_authors_is_cut() -> None:
    people = [
        {"@type": "Person", "@id": f"#p{i}", "name": f"Person Number{i}"} for i in range(3000)
    ]
    article = {
        "@type": "NewsArticle",
        "headline": "Vote",
        "author": [{"@id": p["@id"]} for p in people],
    }
    ld = {"@context": "https://schema.org", "@graph": [article, *people]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    started = time.perf_counter()
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert len(meta.authors) == 50 and meta.authors[0] == "Person Number0"
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("declared", "site"),
    [
        ("Achtsam durch die Krise | Die FURCHE", "Die FURCHE"),  # the headline written in
        ("Achtsam durch die Krise", None),  # the headline itself names no site
        ("Die FURCHE", "Die FURCHE"),
    ],
)
def test_the_headline_is_no_part_of_the_site_name(declared: str, site: str | None) -> None:
    head = f'<meta property="og:site_name" content="{declared}">'
    body = "<h1>Achtsam durch die Krise</h1><p>Text.</p>"
    page = _page(f"<title>Achtsam durch die Krise</title>{head}", body)
    assert extract_metadata(parse_tree(page), None).site_name == site


@pytest.mark.parametrize(
    ("link", "site"),
    [
        (
            '<a href="/"><img alt="Logo: Klub Jagielloński Logo: Klub Jagielloński"></a>',
            "Klub Jagielloński",
        ),
        ('<a href="/"><img alt="Anwalt Niemeyer (Logo)"></a>', "Anwalt Niemeyer"),
        (
            '<a href="/"><img alt="Abbildung der Wort-Bild-Marke Berliner Feuerwehr"></a>',
            "Berliner Feuerwehr",
        ),
        ('<a href="/">Go to MSN Home</a>', "MSN"),
        ('<a href="/">Willkommen</a>', None),
    ],
)
def test_a_home_link_s_label_or_logo_names_the_site(link: str, site: str | None) -> None:
    page = _page("<title>Harbour vote</title>", f"{link}<h1>Harbour vote</h1><p>Text.</p>")
    assert extract_metadata(parse_tree(page), "https://www.example.com/a/b").site_name == site


def test_a_meta_value_escaped_twice_is_read_as_written() -> None:
    head = (
        "<title>Millennials</title>"
        '<meta name="description" content="The narrative of the lazy &amp;#8220;Millennials'
        '&amp;#8221; has gone well beyond &amp;#8220;get off my lawn&amp;#8221;.">'
    )
    meta = extract_metadata(parse_tree(_page(head)), None)
    assert meta.lead == (
        "The narrative of the lazy \u201cMillennials\u201d has gone well beyond"
        " \u201cget off my lawn\u201d."
    )


def test_the_json_ld_article_at_the_page_s_address_is_the_page_s() -> None:
    """A page may describe another article before its own (a teaser's story)."""
    other = {
        "@type": "NewsArticle",
        "headline": "Storm closes the ferry",
        "url": "https://ledger.example/2024/03/storm",
        "author": {"@type": "Person", "name": "Bo Chen"},
        "datePublished": "2024-03-01",
    }
    own = {
        "@type": "NewsArticle",
        "headline": "Council approves harbour budget",
        "mainEntityOfPage": {"@id": "https://www.ledger.example/2024/03/harbour/"},
        "author": {"@type": "Person", "name": "Ana Ruiz"},
        "datePublished": "2024-03-03",
    }
    head = "".join(
        f'<script type="application/ld+json">{json.dumps(item)}</script>' for item in (other, own)
    )
    meta = extract_metadata(parse_tree(_page(head)), "https://ledger.example/2024/03/harbour")
    assert (meta.title, meta.authors) == ("Council approves harbour budget", ["Ana Ruiz"])
    assert meta.published == datetime(2024, 3, 3)


@pytest.mark.parametrize(
    ("title", "heading", "expected"),
    [
        # a <title> that is only the site's name gives way to the page's headline
        (
            "Coastal Ledger",
            "Council approves the harbour budget",
            "Council approves the harbour budget",
        ),
        # but not to a home page's greeting
        ("Coastal Ledger", "Welcome!", "Coastal Ledger"),
    ],
)
def test_a_title_naming_only_the_site_takes_the_headline(
    title: str, heading: str, expected: str
) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="Coastal Ledger">'
    page = f"<html><head>{head}</head><body><h1>{heading}</h1><p>Text.</p></body></html>"
    assert extract_metadata(parse_tree(page), None).title == expected


@pytest.mark.parametrize(
    ("page", "link", "canonical"),
    [
        (
            "https://ledger.example/news/vote?ref=home",
            "https://LEDGER.example:443/news/vote?utm_source=x#comments",
            "https://ledger.example/news/vote",
        ),
        # a template's front page declared for an article is no canonical address
        ("https://ledger.example/news/vote", "https://ledger.example/", None),
        ("https://ledger.example/index.php", "https://ledger.example/", "https://ledger.example/"),
        (
            "https://ledger.example/spip.php?article8532",
            "/spip.php?article8532",
            "https://ledger.example/spip.php?article8532",
        ),
    ],
)
def test_the_canonical_address_is_normalised(page: str, link: str, canonical: str | None) -> None:
    head = f'<title>Vote</title><link rel="canonical" href="{link}">'
    assert extract_metadata(parse_tree(_page(head)), page).canonical_url == canonical


def _crumbs(*items: tuple[str, str]) -> str:
    trail = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": address}
            for i, (name, address) in enumerate(items, 1)
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(trail)}</script>'


@pytest.mark.parametrize(
    ("trail", "section"),
    [
        # the front page (by its address or its name) and the page itself are no section
        (
            _crumbs(
                ("Home", "https://www.ledger.example/"),
                ("Politics", "https://www.ledger.example/politics/"),
                ("Harbour vote passes", "https://www.ledger.example/politics/harbour-vote"),
            ),
            "Politics",
        ),
        (
            _crumbs(
                ("Coastal Ledger", "https://www.ledger.example/aktuell/"),
                ("Lokales", "https://www.ledger.example/aktuell/lokales/"),
                ("Harbour vote passes", "https://www.ledger.example/aktuell/lokales/vote"),
            ),
            "Lokales",
        ),
        (_crumbs(("Startseite", "/"), ("Harbour vote passes", "/politics/harbour-vote")), None),
    ],
)
def test_the_section_from_the_breadcrumb_trail(trail: str, section: str | None) -> None:
    site = '<meta property="og:site_name" content="Coastal Ledger">'
    head = f"<title>Harbour vote passes</title>{site}{trail}"
    meta = extract_metadata(
        parse_tree(_page(head)), "https://www.ledger.example/politics/harbour-vote"
    )
    assert meta.section == section


def test_a_declared_section_comes_before_the_breadcrumb_trail() -> None:
    trail = _crumbs(("Politics", "https://www.ledger.example/politics/"))
    head = f'<title>Vote</title><meta property="article:section" content="World">{trail}'
    assert extract_metadata(parse_tree(_page(head)), None).section == "World"


def test_the_section_from_a_breadcrumb_trail_in_microdata() -> None:
    crumb = (
        '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
        '<a itemprop="item" href="{href}"><span itemprop="name">{name}</span></a>'
        '<meta itemprop="position" content="{position}"></li>'
    )
    trail = "".join(
        crumb.format(href=href, name=name, position=i)
        for i, (name, href) in enumerate([("Home", "/"), ("Medizin", "/medizin/")], 1)
    )
    body = f'<ol itemscope itemtype="https://schema.org/BreadcrumbList">{trail}</ol>'
    page = f"<html><head><title>Vote</title></head><body>{body}<p>Text.</p></body></html>"
    assert extract_metadata(parse_tree(page), "https://ledger.example/medizin/a").section == (
        "Medizin"
    )
