"""An article's table of contents: list items that are the headings below them."""

from __future__ import annotations

from retina.clean.candidate import Candidate
from retina.clean.junk.contents import find_table_of_contents
from retina.model import BlockKind, RemovedKind

_PROSE = "The council voted on Tuesday to rebuild the harbour wall after a winter of storms."


def _c(kind: BlockKind, text: str) -> Candidate:
    return Candidate(kind, text)


def _article(*contents: str) -> list[Candidate]:
    return [
        _c(BlockKind.PARAGRAPH, _PROSE),
        _c(BlockKind.HEADING, "Contents"),
        *(_c(BlockKind.LIST_ITEM, item) for item in contents),
        _c(BlockKind.HEADING, "1. The vote"),
        _c(BlockKind.PARAGRAPH, _PROSE),
        _c(BlockKind.HEADING, "2. The storms"),
        _c(BlockKind.PARAGRAPH, _PROSE),
        _c(BlockKind.HEADING, "#1 The old wall"),
        _c(BlockKind.PARAGRAPH, _PROSE),
        _c(BlockKind.HEADING, "3. What comes next"),
        _c(BlockKind.PARAGRAPH, _PROSE),
    ]


def test_a_list_of_the_headings_below_goes_with_its_title() -> None:
    candidates = _article("1 The vote", "2 The storms", "2.1#1 The old wall", "3 What comes next")
    [finding] = find_table_of_contents(candidates, set())
    assert finding.positions == (1, 2, 3, 4, 5)
    assert finding.kind is RemovedKind.BOILERPLATE
    assert "4 of its 4 lines are headings below it" in finding.reason


def test_a_list_that_is_not_the_headings_stays() -> None:
    """A list of facts that happens to share one line with a heading is no contents."""
    candidates = _article("The vote", "Sandbags at the town hall", "Shelter at the school")
    assert find_table_of_contents(candidates, set()) == []


def test_a_summary_list_after_the_sections_stays() -> None:
    """The headings must come after the list: a recap at the end lists what was above."""
    candidates = _article()
    candidates += [
        _c(BlockKind.LIST_ITEM, "The vote"),
        _c(BlockKind.LIST_ITEM, "The storms"),
        _c(BlockKind.LIST_ITEM, "What comes next"),
    ]
    assert find_table_of_contents(candidates, set()) == []
