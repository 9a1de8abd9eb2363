"""Who wrote the article: the order of the sources, and what each may not take."""

from __future__ import annotations

import json

import pytest

from retina.clean.byline_names import is_person_name
from retina.clean.html import parse_tree
from retina.clean.metadata import extract_metadata

URL = "https://www.ledger.example/2024/03/harbour-vote"


def _authors(head: str, byline: str) -> list[str]:
    page = (
        '<html lang="en"><head><title>Harbour vote | The Ledger</title>'
        f'<meta property="og:site_name" content="The Ledger">{head}</head><body>'
        '<nav><a href="/authors/all-staff/">Our Writers</a></nav>'
        f"<article><h1>Harbour vote</h1>{byline}"
        "<p>The council voted on the harbour plan on Tuesday after a long debate.</p>"
        "</article></body></html>"
    )
    return extract_metadata(parse_tree(page), URL).authors


def _ld(author: object) -> str:
    article = {"@type": "NewsArticle", "headline": "Harbour vote", "author": author}
    return f'<script type="application/ld+json">{json.dumps(article)}</script>'


@pytest.mark.parametrize(
    ("head", "byline", "authors"),
    [
        # the site credited as the author gives way to the person the byline names
        (
            '<meta name="author" content="The Ledger">',
            '<span class="byline">By Ana Ruiz</span>',
            ["Ana Ruiz"],
        ),
        (
            _ld({"@type": "Organization", "name": "The Ledger"}),
            '<p>By <a rel="author" href="/author/ana">Ana Ruiz</a></p>',
            ["Ana Ruiz"],
        ),
        # and stays when nothing names a person, or only the site again
        ('<meta name="author" content="The Ledger">', "", ["The Ledger"]),
        (
            '<meta name="author" content="The Ledger">',
            '<span class="byline">The Ledger Staff</span>',
            ["The Ledger"],
        ),
        # an address or an account given for a name names no one; the next source does
        (_ld({"@type": "Person", "name": "https://www.ledger.example/author/ana/"}), "", []),
        (
            _ld({"@type": "Person", "name": "admin"}),
            '<span class="byline">By Ana Ruiz</span>',
            ["Ana Ruiz"],
        ),
        # a name written in its parts, or with its workplace in brackets
        (_ld({"@type": "Person", "givenName": "Ana", "familyName": "Ruiz"}), "", ["Ana Ruiz"]),
        (_ld({"@type": "Person", "name": "Ana Ruiz (Reuters)"}), "", ["Ana Ruiz"]),
        # a publishing platform's profile page ("/@handle": Medium, Substack)
        (
            "",
            '<div class="post-meta"><a href="https://substack.com/@anaruiz">Ana Ruiz</a></div>',
            ["Ana Ruiz"],
        ),
        # a teaser card for another article names that article's author
        (
            "",
            '<a href="/other"><h3>Another story</h3><span class="author">Von Bo Chen</span></a>',
            [],
        ),
        # a byline in text whose names are set in markup of their own
        ("", "<p>By <b>Ana Ruiz</b> | March 5, 2024</p>", ["Ana Ruiz"]),
        (
            "",
            "<div>Von <strong>Ana Ruiz</strong> und <strong>Bo Chen</strong></div>",
            ["Ana Ruiz", "Bo Chen"],
        ),
        ("", "<p>Posted 2024-03-05<br>By <em>Ana Ruiz</em></p>", ["Ana Ruiz"]),
        ("", "<p>By <b>the numbers</b>: the harbour in figures</p>", []),
        # links to author pages, on a site whose class names say nothing
        (
            "",
            '<div class="css-1x2y3"><span>By </span><a class="css-9z8" href="/by/ana-ruiz">'
            'Ana Ruiz</a> and <a href="/by/bo-chen">Bo Chen</a></div>',
            ["Ana Ruiz", "Bo Chen"],
        ),
        (
            "",
            '<div class="sc-abc"><a href="https://www.ledger.example/profiles/ana-ruiz">'
            "Ana Ruiz</a>, <span>CNN</span></div>",
            ["Ana Ruiz"],
        ),
        (
            "",
            '<a href="/autor/martin-junker/">Alles von Martin Junker</a>'
            '<a href="/autor/martin-junker/">257 Artikel</a>',
            ["Martin Junker"],
        ),
        # a test attribute naming the byline, where the class names are generated
        ("", '<div data-testid="byline"><span class="css-x1">Ana Ruiz</span></div>', ["Ana Ruiz"]),
    ],
)
def test_authors_from_the_first_source_that_names_a_person(
    head: str, byline: str, authors: list[str]
) -> None:
    assert _authors(head, byline) == authors


def test_links_to_author_pages_in_the_navigation_name_no_one() -> None:
    assert _authors("", "") == []


def test_a_name_holding_the_site_s_does_not_replace_the_site_credit() -> None:
    byline = '<span class="author">The Ledger Publiziert</span>'
    assert _authors('<meta name="author" content="The Ledger">', byline) == ["The Ledger"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz", True),
        ("Jan de Vries", True),
        ("王明", True),
        ("CC BY", False),
        ("257 Artikel", False),
        ("Hamburg", False),
        ("Reporter Radio PLUS", False),
        ("More from Inga Hoeltmann and nine other writers of ours", False),
    ],
)
def test_person_names(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected
