"""Blocks the article text the page declares does not hold (`clean/declared_body.py`).

Runs after every other detector, so a block they recognise keeps their more specific
reason."""

from __future__ import annotations

from retina.clean.candidate import Candidate, Finding
from retina.model import RemovedKind

_REASON = "not in the article text the page declares (JSON-LD articleBody), which holds the rest"


def find_outside_body(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    return [
        Finding((i,), RemovedKind.BOILERPLATE, _REASON)
        for i, candidate in enumerate(candidates)
        if i not in skip and candidate.outside_declared_body
    ]
