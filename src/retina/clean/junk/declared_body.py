"""Blocks the page's own structure puts outside its article: text of another article on
the page (`clean/other_articles.py`), and text the article text the page declares does not
hold (`clean/declared_body.py`).

Runs after every other detector, so a block they recognise keeps their more specific
reason."""

from __future__ import annotations

from retina.clean.candidate import Candidate, Finding
from retina.model import RemovedKind

_REASON = "not in the article text the page declares (JSON-LD articleBody), which holds the rest"


def find_outside_body(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    findings = []
    for i, candidate in enumerate(candidates):
        if i in skip:
            continue
        if candidate.other_article:
            reason = f"part of another article on the page ({candidate.other_article})"
            findings.append(Finding((i,), RemovedKind.BOILERPLATE, reason))
        elif candidate.outside_declared_body:
            findings.append(Finding((i,), RemovedKind.BOILERPLATE, _REASON))
    return findings
