"""Links to other articles injected inside a paragraph: "… the port authority. READ MORE:
Ferry fares to rise Supporters said …". A plugin or a scraper that adds "Also read:" with a
headline puts it between paragraphs as often as inside one; inside, it is no block of its
own for the related-link detector to judge. A paragraph is split around it when a referral
marker ending with a colon ("Read more:", "Lesen Sie auch:") starts a sentence and the
page's link text follows it: the piece becomes a block of its own, which the detector then
removes with its reason. The link text is the proof: prose that happens to say "See also:"
goes on with words no link of the page has.
"""

from __future__ import annotations

import re
from dataclasses import replace

from retina.clean.candidate import Candidate
from retina.clean.junk.related import is_marker
from retina.clean.tokens import ends_like_sentence
from retina.model import BlockKind

_MARKER = re.compile(
    r"(?:^|(?<=[.!?…\"”»])\s+|(?<=[.!?…\"”»]\))\s+)[(\[]?"
    r"(?P<marker>[^\W\d_][^.!?:()\[\]]{1,40}):\s*"
)
"""A short phrase opening the paragraph or a sentence, then a colon: where an injected
marker starts."""
_CLOSING = re.compile(r"\s*[)\]]")
_MIN_LINK_CHARS = 12


def split_injected_links(candidates: list[Candidate], links: set[str]) -> list[Candidate]:
    """The candidates, each paragraph with a marker and a link inside it split in three:
    the text before, the marker with the link's text, the text after."""
    if not links:
        return candidates
    out: list[Candidate] = []
    for candidate in candidates:
        paragraph = candidate.kind is BlockKind.PARAGRAPH
        out.extend(_split(candidate, links) if paragraph else [candidate])
    return out


def _split(candidate: Candidate, links: set[str]) -> list[Candidate]:
    text = candidate.text
    for match in _MARKER.finditer(text):
        if not is_marker(match.group("marker")):
            continue
        # the link's text after the marker, or the marker inside it ("<a>Related: …</a>")
        for link_start in (match.end(), match.start("marker")):
            link = _link_at(text, link_start, links)
            if link:
                break
        else:
            continue
        end = link_start + len(link)
        closing = _CLOSING.match(text, end)
        if closing:
            end = closing.end()
        before, injected, rest = text[: match.start()], text[match.start() : end], text[end:]
        if not before.strip() and not _is_prose(rest):
            return [candidate]  # a marker and its links, one block: the detector's to judge
        pieces = [replace(candidate, text=before.strip())] if before.strip() else []
        pieces.append(
            replace(candidate, text=injected.strip(), link_density=len(link) / len(injected))
        )
        if rest.strip():
            pieces.extend(_split(replace(candidate, text=rest.strip()), links))
        return pieces
    return [candidate]


_MIN_PROSE_WORDS = 8


def _is_prose(text: str) -> bool:
    """Sentences after the link: the paragraph the marker was put in front of."""
    return len(text.split()) >= _MIN_PROSE_WORDS and ends_like_sentence(text)


def _link_at(text: str, start: int, links: set[str]) -> str | None:
    """The longest of the page's link texts that the text continues with at `start`."""
    found = [
        link for link in links if len(link) >= _MIN_LINK_CHARS and text.startswith(link, start)
    ]
    return max(found, key=len) if found else None
