"""Bylines and author biographies left in the text, found by the author's own name."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina.clean.candidate import Candidate
from retina.clean.junk import remove_junk
from retina.clean.junk.bylines import find_bylines
from retina.model import BlockKind, RemovedKind

_PROSE = list(BODY)


def _found(line: str, author: str, at_end: bool = True) -> list[str]:
    texts = [*_PROSE, line] if at_end else [line, *_PROSE]
    candidates = [Candidate(BlockKind.PARAGRAPH, text) for text in texts]
    return [f.reason for f in find_bylines(candidates, set(), [author])]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020", "Cat Lafuente"),
        ("Par Jacques Munier", "Jacques Munier"),
        ("Ariel Melgar Cabrera 3/5/2022 22:41", "Ariel Melgar Cabrera"),
        ("Johnny Castro johnnycastro@example.net | Viernes 22 abril, 2022", "Johnny Castro"),
        ("김민수 기자 minsu@hanbit.example", "김민수"),  # one word: a Korean name
        ("王明 2024-12-06", "王明"),
        ("(By Ana Ruiz)", "Ana Ruiz"),
        ("（记者 李华）", "李华"),
    ],
)
def test_bylines_found_anywhere(line: str, author: str) -> None:
    assert _found(line, author, at_end=False)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Mama Robotnik is a video game historian living in the British Empire.", "Mama Robotnik"),
        ("Inga Buller ist Head of Social & Community bei CHIP.", "Inga Buller"),
        ("Ben Silverman is on Twitter at ben_silverman.", "Ben Silverman"),
        ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR", "Laurie Oakes"),
    ],
)
def test_biographies_found_at_the_end(line: str, author: str) -> None:
    assert _found(line, author) == [f"the author's biography ({author})"]
    assert _found(line, author, at_end=False) == []  # the article may be about its author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Jane Roe, the harbour master, said the wall would hold.", "Jane Roe"),
        ("Jane Roeland is the new harbour master.", "Jane Roe"),  # another name
        ("Council votes to rebuild the harbour wall", "Jane Roe"),
        ("Redaktion is a word that names the newsroom.", "Redaktion"),  # one-word author
        ("김민수 씨는 이날 회의에서 계획에 반대했다.", "김민수"),  # a sentence about him
        ("王明表示，计划将在明年实施。", "王明"),  # "Wang Ming said …"
        ("Contact Jane Roe, the harbour master, to book a mooring.", "Jane Roe"),  # no address
    ],
)
def test_text_that_only_mentions_or_resembles_the_author_stays(line: str, author: str) -> None:
    assert _found(line, author) == []
    assert _found(line, author, at_end=False) == []


def test_remove_junk_takes_the_authors() -> None:
    candidates = [Candidate(BlockKind.PARAGRAPH, t) for t in ["By Jane Roe", *_PROSE]]
    result = remove_junk(candidates, ["Jane Roe"])
    [removed] = result.removed
    assert removed.kind is RemovedKind.BYLINE and removed.text == "By Jane Roe"
    assert remove_junk(candidates).removed == []


@pytest.mark.parametrize(
    "line",
    [
        "Contact Ana Ruiz at aruiz@ledger.example or 555-123-4567. Follow her on X @anaruiz.",
        "Reach Ana Ruiz at aruiz@ledger.example",
    ],
)
def test_the_author_s_contact_line_goes_anywhere(line: str) -> None:
    assert _found(line, "Ana Ruiz") == ["the author's contact details (Ana Ruiz)"]
    assert _found(line, "Ana Ruiz", at_end=False) == ["the author's contact details (Ana Ruiz)"]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Autor: www.portalspozywczy.pl", True),
        ("By https://ledger.example", True),
        ("Visit www.ledger.example for the full report", False),
    ],
)
def test_a_byline_crediting_a_web_address_goes_without_an_author(line: str, found: bool) -> None:
    """The metadata takes no address for an author, so no name finds the line."""
    candidates = [Candidate(BlockKind.PARAGRAPH, BODY[0]), Candidate(BlockKind.PARAGRAPH, line)]
    assert bool(find_bylines(candidates, set(), [])) is found
