"""The press contact a release closes with ("Pressekontakt:", "Media Contact:", then a
name, a telephone number, an e-mail address): how to reach the issuer, not the news."""

from __future__ import annotations

import re

from retina.clean.candidate import Candidate, Finding
from retina.clean.tokens import words
from retina.model import RemovedKind

_LABEL = re.compile(
    r"^\W*(?:(?:media|press|presse|pr)[\s-]*(?:contacts?|kontakt|inquiries|enquiries)"
    r"|pressekontakt|medienkontakt|kontakt|contacts?|contacto(?:\s+de\s+prensa)?"
    r"|contact\s+presse|contatto\s+stampa|ansprechpartner(?:in)?)\s*:?(?:\s|$)",
    re.IGNORECASE,
)
_DETAIL = re.compile(r"\S@\S|\+?\d[\d ()/.-]{5,}\d|\b(?:tel|phone|fax|e-?mail|mobil)\b", re.I)
"""An e-mail address, a telephone number, or the word that introduces one."""
_MAX_LABEL_WORDS = 60
_MAX_DETAIL_WORDS = 30
_REASON = "the press contact closing a release"


def find_press_contacts(candidates: list[Candidate], skip: set[int]) -> list[Finding]:
    """The closing run of blocks that opens with a contact label and gives an address or
    a number, each block after the label a short line, after the text's own prose."""
    kept = [i for i in range(len(candidates)) if i not in skip]
    for start, index in enumerate(kept[1:], start=1):
        label = candidates[index].text
        if not _LABEL.match(label) or len(words(label)) > _MAX_LABEL_WORDS:
            continue
        run = kept[start:]
        texts = [candidates[i].text for i in run]
        if all(len(words(text)) <= _MAX_DETAIL_WORDS for text in texts[1:]) and any(
            _DETAIL.search(text) for text in texts
        ):
            return [Finding(tuple(run), RemovedKind.BOILERPLATE, _REASON)]
    return []
