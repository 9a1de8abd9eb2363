"""An article's table of contents: a list whose items are the headings further down.

Long reads, explainers and guides open with one ("1. Was ist Montessori-Spielzeug?",
"3.1 #1 Spielebogen"); in the text it only repeats the headings, and its links jump to
them. It is found by what it lists, not by its markup: a run of list items, most of which
are, numbering aside, the text of a heading below the run, with the "Contents" heading
above it if there is one.
"""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import letters_and_digits
from retina.model import BlockKind, RemovedKind

_NUMBERING = re.compile(r"^\s*(?:[\d.]+\s*(?:[#.)]\s*\d*)?|#\s*\d+|[ivx]+[.)])\s*", re.IGNORECASE)
"""The numbering an item or heading may carry: "3.", "3.1", "3.1#1", "#1", "iv)"."""
_MIN_ITEMS = 3
_MIN_HEADING_SHARE = 0.6
"""Share of the run's items that must name a heading below it."""
_MAX_TITLE_WORDS = 4
"""The heading over the list ("Contents", "Inhaltsverzeichnis", "In this article")."""


def find_table_of_contents(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """Find runs of list items that list the headings below them."""
    headings = {
        _key(c.text): i
        for i, c in reversed(list(enumerate(candidates)))
        if c.kind is BlockKind.HEADING and i not in skip
    }  # each heading's first position
    headings.pop("", None)
    findings = []
    for run in _item_runs(candidates, skip):
        below = sum(1 for i in run if headings.get(_key(candidates[i].text), -1) > run[-1])
        if len(run) < _MIN_ITEMS or below < _MIN_HEADING_SHARE * len(run):
            continue
        reason = f"a table of contents: {below} of its {len(run)} lines are headings below it"
        title = run[0] - 1
        if (
            title >= 0
            and title not in skip
            and candidates[title].kind is BlockKind.HEADING
            and len(candidates[title].text.split()) <= _MAX_TITLE_WORDS
        ):
            run = [title, *run]
        findings.append(Finding(tuple(run), RemovedKind.BOILERPLATE, reason))
    return findings


def _item_runs(candidates: list[Candidate], skip: set[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for index, candidate in enumerate(candidates):
        if index not in skip and candidate.kind is BlockKind.LIST_ITEM:
            current.append(index)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _key(text: str) -> str:
    return letters_and_digits(_NUMBERING.sub("", text))
