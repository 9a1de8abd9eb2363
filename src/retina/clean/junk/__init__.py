"""Junk detectors: find what in the candidate blocks is not the article's main text.

Each detector is a plain function over the candidate list returning `Finding`s; they run
in a fixed order and later ones skip what earlier ones removed. `remove_junk` applies
them all and returns the kept blocks, the `Removed` records and any attribution found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retina.clean.candidate import Candidate, Finding
from retina.clean.junk.attribution import Attribution, find_attribution
from retina.clean.junk.bylines import find_bylines
from retina.clean.junk.captions import find_captions
from retina.clean.junk.comments import find_comments
from retina.clean.junk.contents import find_table_of_contents
from retina.clean.junk.declared_body import find_outside_body
from retina.clean.junk.page_lines import (
    find_emptied_headings,
    find_page_lines,
    find_trailing_headings,
)
from retina.clean.junk.press_contacts import find_press_contacts
from retina.clean.junk.prompts import find_prompts
from retina.clean.junk.related import find_related_links
from retina.clean.junk.repeats import find_repeats
from retina.model import Block, Removed


@dataclass(slots=True)
class JunkResult:
    """Kept main-text blocks (and the candidates they come from), what was removed and why,
    and the credited origin if any."""

    blocks: list[Block]
    kept: list[Candidate]
    removed: list[Removed]
    attribution: Attribution | None


def remove_junk(candidates: list[Candidate], authors: Sequence[str] = ()) -> JunkResult:
    """Run every detector over the candidates, in order, and split kept from removed.
    `authors` are the names the page's metadata gives, for bylines left in the text."""
    findings: list[Finding] = []
    taken: set[int] = set()

    def accept(new: list[Finding]) -> None:
        findings.extend(new)
        for finding in new:
            taken.update(finding.positions)

    accept(find_comments(candidates, taken))
    accept(find_prompts(candidates, taken))
    attributed = find_attribution(candidates, taken)
    attribution = None
    if attributed:
        finding, attribution = attributed
        accept([finding])
    accept(find_bylines(candidates, taken, authors))
    accept(find_captions(candidates, taken))
    accept(find_page_lines(candidates, taken))
    accept(find_table_of_contents(candidates, taken))
    accept(find_related_links(candidates, taken))
    accept(find_press_contacts(candidates, taken))
    accept(find_repeats(candidates, taken))
    accept(find_trailing_headings(candidates, taken))
    accept(find_outside_body(candidates, taken))
    accept(find_emptied_headings(candidates, taken))

    removed = [
        Removed(
            kind=f.kind,
            text="\n".join(candidates[p].text for p in f.positions),
            reason=f.reason,
            position=f.positions[0],
        )
        for f in findings
    ]
    removed.sort(key=lambda r: r.position)
    kept = [c for i, c in enumerate(candidates) if i not in taken]
    blocks = [c.to_block(opening=not i) for i, c in enumerate(kept)]
    return JunkResult(blocks=blocks, kept=kept, removed=removed, attribution=attribution)
