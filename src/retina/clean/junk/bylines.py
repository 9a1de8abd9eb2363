"""Bylines and author biographies left in the text, found by the author's own name.

The page's metadata names the authors (`metadata.py`); the layout often shows the same
name again inside the article: a byline line ("By Cat Lafuente / June 12, 2020 9:49 am",
"Par Jacques Munier", "Ariel Melgar Cabrera 3/5/2022 22:41") or, after the text, the
author's biography ("Mama Robotnik is a video game historian…", "Inga Buller ist Head of
Social & Community bei CHIP…"). A byline is the name with nothing else but a "by" word,
dates and times, a role of a few words or an address; a biography begins with the name
and a verb that describes the person, among the last blocks; a contact line opens with
"Contact"/"Reach" and the name, and gives an address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retina.clean.byline_names import BY, CASELESS_SCRIPT, CJK_REPORTER_BEFORE
from retina.clean.candidate import Candidate, Finding
from retina.clean.dates import strip_dates
from retina.clean.tokens import words
from retina.model import BlockKind, RemovedKind

_ADDRESS = re.compile(r"\S+@\S+|@\w+|https?://\S+", re.IGNORECASE)
_BIO_VERB = re.compile(
    r"^\W*(?:is|was|has|writes|covers|reports|reported|lives|works|ist|war|schreibt|lebt"
    r"|arbeitet|est|était|écrit|vit|es|fue|escribe|vive|è|scrive|jest|pisze)\b",
    re.IGNORECASE,
)
_ADDRESS_BYLINE = re.compile(rf"(?:{BY.pattern})\s*(?:https?://|www\.)\S+$", re.IGNORECASE)
"""A byline whose name is the site's address ("Autor: www.portalspozywczy.pl"): the
metadata takes no address for an author, so the name-based search cannot find it."""
_CONTACT = re.compile(r"^\W*(?:contact|reach|e-?mail|write\s+to|follow)\s+", re.IGNORECASE)
"""How a line giving the author's address opens: "Contact Ana Ruiz at …", "Reach Ana Ruiz
at …"."""
_MAX_CONTACT_WORDS = 40
_MIN_NAME_WORDS = 2
"""A one-word author ("Redaktion", "AFP") is too common a word to find by; a Chinese,
Japanese or Korean name is written as one ("王明", "김민수")."""
_MAX_BYLINE_REST_WORDS = 4
"""Words a byline may add to the name: a role ("Political Editor"), a place."""
_MAX_BYLINE_WORDS = 24
_MAX_BIO_WORDS = 80
_BIO_FROM_END = 3


def find_bylines(
    candidates: list[Candidate], skip: set[int], authors: Sequence[str]
) -> list[Finding]:
    """Find byline lines anywhere and author biographies among the last blocks."""
    kept = [i for i in range(len(candidates)) if i not in skip]
    credits = [
        Finding((i,), RemovedKind.BYLINE, "a byline crediting a web address")
        for i in kept
        if _ADDRESS_BYLINE.match(" ".join(candidates[i].text.split()))
    ]
    names = [name for name in authors if len(words(name)) >= _MIN_NAME_WORDS or _caseless(name)]
    if not names:
        return credits
    credited = {f.positions[0] for f in credits}
    kept = [i for i in kept if i not in credited]
    last = set(kept[-_BIO_FROM_END:])
    findings = []
    for index in kept:
        candidate = candidates[index]
        if candidate.kind in (BlockKind.TABLE, BlockKind.CODE):
            continue
        for name in names:
            if _is_contact(candidate.text, name):
                reason = f"the author's contact details ({name})"
                findings.append(Finding((index,), RemovedKind.BYLINE, reason))
                break
            rest = _after_name(candidate.text, name)
            if rest is None:
                continue
            if _is_byline_rest(rest, candidate.text):
                findings.append(Finding((index,), RemovedKind.BYLINE, f"a byline ({name})"))
            elif index in last and _is_bio(rest, candidate.text):
                reason = f"the author's biography ({name})"
                findings.append(Finding((index,), RemovedKind.BYLINE, reason))
            break
    return credits + findings


def _is_contact(text: str, name: str) -> bool:
    """A line giving the author's address: "Contact Ana Ruiz at aruiz@… or 555-123-4567.
    Follow her on X @anaruiz.", "Reach Ana Ruiz at aruiz@…"."""
    opening = _CONTACT.match(text)
    return (
        opening is not None
        and text[opening.end() :].casefold().startswith(name.casefold())
        and bool(_ADDRESS.search(text))
        and len(words(text)) <= _MAX_CONTACT_WORDS
    )


def _caseless(name: str) -> bool:
    """A name of two or more characters in a script without capitals."""
    return len(name) >= 2 and all(CASELESS_SCRIPT.match(char) for char in name)


def _after_name(text: str, name: str) -> str | None:
    """The text after the author's name, when the block opens with it (after a "by")."""
    text = " ".join(text.split())
    opened = text.lstrip("（(")  # "（记者 李华）"
    start = BY.match(text)
    reporter = None if start else CJK_REPORTER_BEFORE.match(opened)
    if start:
        text = text[start.end() :]
    elif reporter:
        text = opened[reporter.end() :]
    if not text.casefold().startswith(name.casefold()):
        return None
    rest = text[len(name) :]
    return rest if not rest[:1].isalpha() else None  # "Ann Lee" is not "Ann Leeds"


def _is_byline_rest(rest: str, text: str) -> bool:
    if len(words(text)) > _MAX_BYLINE_WORDS:
        return False
    left = [w for w in words(strip_dates(_ADDRESS.sub(" ", rest))) if not w.isdigit()]
    return len(left) <= _MAX_BYLINE_REST_WORDS and not rest.rstrip().endswith((".", "!", "?"))


def _is_bio(rest: str, text: str) -> bool:
    return len(words(text)) <= _MAX_BIO_WORDS and bool(_BIO_VERB.match(rest))
