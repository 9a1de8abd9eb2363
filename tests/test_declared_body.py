"""The article text a page declares in JSON-LD: a witness of which blocks are the article."""

from __future__ import annotations

import json

import pytest

from retina.clean import clean, declared_body
from retina.clean.candidate import Candidate
from retina.clean.declared_body import DeclaredBody
from retina.model import BlockKind, RemovedKind

_PARAGRAPHS = [
    f"Paragraph {n}: the council voted on Tuesday to rebuild the harbour wall after a "
    f"winter of storms that flooded the lower town and closed the ferry for weeks."
    for n in range(1, 6)
]
_PROMO = "Our new cookbook is out now, with a hundred recipes from the harbour kitchens."
_BODY = " ".join(_PARAGRAPHS)


def _candidates(*texts: str, kind: BlockKind = BlockKind.PARAGRAPH) -> list[Candidate]:
    return [Candidate(kind, text) for text in texts]


def _marked(candidates: list[Candidate]) -> list[str]:
    return [c.text for c in candidates if c.outside_declared_body]


def test_a_paragraph_the_declared_body_lacks_is_marked() -> None:
    candidates = _candidates(*_PARAGRAPHS[:3], _PROMO, *_PARAGRAPHS[3:])
    DeclaredBody(_BODY, None).mark_outside(candidates)
    assert _marked(candidates) == [_PROMO]


def test_blocks_match_whatever_their_spacing_quotes_and_markup() -> None:
    body = _BODY.replace("harbour wall", "<em>harbour</em>\n wall").replace("'", "&#8217;")
    candidates = _candidates(*(p.upper() for p in _PARAGRAPHS), _PROMO)
    DeclaredBody(body, None).mark_outside(candidates)
    assert _marked(candidates) == [_PROMO]


def test_a_teaser_body_says_nothing() -> None:
    """Only the first paragraphs are declared: the rest is not furniture."""
    candidates = _candidates(*_PARAGRAPHS, _PROMO)
    DeclaredBody(" ".join(_PARAGRAPHS[:2]), None).mark_outside(candidates)
    assert _marked(candidates) == []


def test_a_standfirst_headings_and_a_short_body_stay() -> None:
    standfirst = "A winter of storms has left the town with no choice, the mayor says."
    candidates = _candidates(standfirst, *_PARAGRAPHS)
    candidates.insert(3, Candidate(BlockKind.HEADING, "What happens next"))
    DeclaredBody(_BODY, None).mark_outside(candidates)
    assert _marked(candidates) == []
    candidates = _candidates(*_PARAGRAPHS[:1], _PROMO)
    DeclaredBody(_PARAGRAPHS[0], None).mark_outside(candidates)  # under 200 letters
    assert _marked(candidates) == []


def test_the_declared_description_counts_as_declared() -> None:
    lead = "The harbour wall will be rebuilt before next winter."
    candidates = _candidates(*_PARAGRAPHS[:2], lead, *_PARAGRAPHS[2:])
    DeclaredBody(_BODY, lead).mark_outside(candidates)
    assert _marked(candidates) == []


def test_clean_removes_furniture_with_the_reason() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour", "articleBody": _BODY})
    blocks = [*_PARAGRAPHS[:3], _PROMO, *_PARAGRAPHS[3:]]
    paragraphs = "".join(f"<p>{text}</p>" for text in blocks)
    html = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f"<article><h1>Harbour</h1>{paragraphs}</article></body></html>"
    )
    article = clean(html)
    assert _PROMO not in article.text
    [removed] = [r for r in article.removed if r.text == _PROMO]
    assert removed.kind is RemovedKind.BOILERPLATE
    assert "articleBody" in removed.reason


def test_character_references_escaped_twice_match() -> None:
    """The page shows "400&percnt;" (escaped twice in its HTML), its JSON-LD the same."""
    shown = _PARAGRAPHS[2].replace("weeks", "weeks, a 400&percnt; rise")
    body = " ".join([*_PARAGRAPHS[:2], shown.replace("&", "&amp;"), *_PARAGRAPHS[3:]])
    candidates = _candidates(*_PARAGRAPHS[:2], shown, *_PARAGRAPHS[3:], _PROMO)
    DeclaredBody(body, None).mark_outside(candidates)
    assert _marked(candidates) == [_PROMO]


def test_lists_are_not_judged() -> None:
    """A review's pros and cons, a fact box: often kept out of the declared body."""
    candidates = _candidates(*_PARAGRAPHS)
    candidates += _candidates("Most powerful console ever made", kind=BlockKind.LIST_ITEM)
    DeclaredBody(_BODY, None).mark_outside(candidates)
    assert _marked(candidates) == []


def test_too_large_to_search_block_by_block_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    candidates = _candidates(*_PARAGRAPHS, _PROMO)
    monkeypatch.setattr(declared_body, "_MAX_SEARCHED_CHARS", 1000)
    DeclaredBody(_BODY, None).mark_outside(candidates)
    assert _marked(candidates) == []


def test_a_block_of_another_article_on_the_page_is_removed_with_its_headline() -> None:
    from helpers import BODY
    from retina.clean.junk import remove_junk

    blocks = _candidates(*BODY[:3])
    blocks[2].other_article = "School opens in the north"
    result = remove_junk(blocks)
    assert [b.text for b in result.blocks] == BODY[:2]
    assert [r.reason for r in result.removed] == [
        "part of another article on the page (School opens in the north)"
    ]


def test_the_declared_article_stands_for_what_the_engines_missed() -> None:
    """The page renders only a summary and the author's biography; a script renders the
    article, which the page also declares. The declared article is the text."""
    summary = "The harbour wall will be rebuilt after a winter of storms."
    bio = "Jane Roe has written about the harbour towns for the Ledger since 2008."
    body = "\n".join(_PARAGRAPHS * 2)
    assert DeclaredBody(body, None).paragraphs(_candidates(summary, bio)) == _candidates(
        *_PARAGRAPHS * 2
    )
    # Shorter, or holding what the engines found, it is a summary, not the article.
    assert DeclaredBody(_PARAGRAPHS[0], None).paragraphs(_candidates(summary, bio)) == (
        _candidates(summary, bio)
    )
    found = _candidates(_PARAGRAPHS[0], bio)
    assert DeclaredBody(body, None).paragraphs(found) == found
