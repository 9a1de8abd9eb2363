"""Readers' comments: blocks whose text the page shows only inside a comment section.

The parser marks each candidate that a comment section alone holds (`clean/comments.py`
finds the sections by their names); here each run of such blocks becomes one removal,
named after the section, so the reason shows where on the page it came from.
"""

from __future__ import annotations

from retina.clean.candidate import Candidate, Finding
from retina.model import RemovedKind


def find_comments(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """One finding per run of consecutive blocks held by the same comment section."""
    findings: list[Finding] = []
    run: list[int] = []
    section: str | None = None
    for index, candidate in enumerate(candidates):
        here = None if index in skip else candidate.comment_section
        if run and here != section:
            findings.append(_finding(run, section))
            run = []
        if here is not None:
            run.append(index)
        section = here
    if run:
        findings.append(_finding(run, section))
    return findings


def _finding(positions: list[int], section: str | None) -> Finding:
    return Finding(
        tuple(positions),
        RemovedKind.COMMENT,
        f"in the readers' comment section ({section}) and nowhere else on the page",
    )
