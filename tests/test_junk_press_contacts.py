"""The press contact a release closes with."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina.clean.candidate import Candidate
from retina.clean.junk.press_contacts import find_press_contacts
from retina.model import BlockKind

_PROSE = [Candidate(BlockKind.PARAGRAPH, text) for text in BODY]


def _closing(*lines: str) -> list[Candidate]:
    return [*_PROSE, *(Candidate(BlockKind.PARAGRAPH, line) for line in lines)]


@pytest.mark.parametrize(
    "lines",
    [
        ("Pressekontakt:", "Nordex SE", "Felix Losada", "Tel: +49 (0)40-30030-1000"),
        ("Media Contact: Jane Roe, press@harbour.example, +1 555 123 4567",),
        ("Kontakt:", "Dr. Hendryk Bockelmann, DKRZ, E-Mail: bockelmann@dkrz.example"),
        ("Ansprechpartnerin zum Thema:", "Telefon +49 (0)40 / 49 07 11 05"),
    ],
)
def test_the_closing_press_contact_goes(lines: tuple[str, ...]) -> None:
    candidates = _closing(*lines)
    [finding] = find_press_contacts(candidates, set())
    assert finding.positions == tuple(range(len(_PROSE), len(candidates)))


@pytest.mark.parametrize(
    "candidates",
    [
        # no address or number: a word, not a contact
        _closing("Contact:", "The harbour master's office"),
        # prose after the label: the article goes on
        _closing(
            "Contact: press@harbour.example",
            "The council will meet again next month to decide how the remaining money from"
            " the harbour fund should be spent, and residents are invited to attend and to"
            " speak about the plans for the new ferry terminal.",
        ),
        # the whole text
        [Candidate(BlockKind.PARAGRAPH, "Kontakt: Tel. 040 1234567")],
    ],
)
def test_what_is_no_closing_press_contact(candidates: list[Candidate]) -> None:
    assert find_press_contacts(candidates, set()) == []
