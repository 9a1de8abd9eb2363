"""Links to other articles injected inside a paragraph are split out for the related-link
detector, and only where the page's own link text proves the injection."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina import clean
from retina.clean.candidate import Candidate
from retina.clean.inline_links import split_injected_links
from retina.model import BlockKind

_LINK = "Ferry fares to rise by 10 percent"


def _page(paragraph: str) -> str:
    rest = "".join(f"<p>{text}</p>" for text in BODY[1:])
    return f"<html><body><article><h1>Vote</h1><p>{paragraph}</p>{rest}</article></body></html>"


@pytest.mark.parametrize(
    "injected",
    [
        f'READ MORE: <a href="/ferry">{_LINK}</a>',
        f'(Also read: <a href="/ferry">{_LINK}</a>)',
        f'(<a href="/ferry">Related: {_LINK}</a>)',
        f'Lesen Sie auch: <a href="/ferry">{_LINK}</a>',
    ],
)
def test_an_injection_inside_a_paragraph_is_removed(injected: str) -> None:
    first, second = BODY[0], "Opponents said the plan would cost the small shops most."
    article = clean(_page(f"{first} {injected} {second}"))
    assert [block.text for block in article.blocks] == [first, second, *BODY[1:]]
    assert _LINK in article.removed[0].text


def test_a_colon_in_prose_with_no_link_after_it_stays_whole() -> None:
    text = f"{BODY[0]} See also: the council's own report, which came out in May."
    candidates = [Candidate(BlockKind.PARAGRAPH, text)]
    assert split_injected_links(candidates, {_LINK}) == candidates


def test_a_marker_opening_a_block_of_links_is_left_for_the_detector() -> None:
    """ "Mehr zum Thema: <link> <link> <link>" stays one block, to go as one."""
    text = f"Mehr zum Thema: {_LINK} Storm damage costs city millions"
    candidates = [Candidate(BlockKind.PARAGRAPH, text)]
    assert split_injected_links(candidates, {_LINK}) == candidates
