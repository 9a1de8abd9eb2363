"""The origin of a group of copies of one article, and each copy's chain back to it.

Evidence, strongest first:

1. a canonical link to another member's address (the copy declares whose page it is);
2. an attribution line ("Source: X", "Originally published by X", "This article first
   appeared in X"), already parsed into `Article.origin` by the clean stage: the copy
   comes from the member published by X, or from X itself when X's page is not stored;
3. earliest publication (then the first stored) among the members nothing points above.

The chain of a copy lists publications from the copy to the origin: the seed article is
The Daily Retina ← The Spectator Australia, and ← The Spectator as well once a copy of
The Spectator Australia's page saying "This article first appeared in The Spectator" is
stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from retina.link.urls import host_of

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Posting:
    """A member of a group, as the origin decision sees it. `order` breaks date ties."""

    id: int
    site_name: str | None
    credited: str | None
    url_key: str | None
    canonical_key: str | None
    published: datetime | None
    order: int


@dataclass(frozen=True, slots=True)
class Decision:
    """Where one member came from: its parent member (None for the origin or an external
    credit), the publications of its chain, starting with its own, and why."""

    copied_from: int | None
    chain: tuple[str, ...]
    reason: str

    @property
    def origin(self) -> str | None:
        """The first publication of the chain, when the member is a copy."""
        return self.chain[-1] if len(self.chain) > 1 else None


def publication_key(name: str | None) -> str | None:
    """What publication names are compared by: case, accents, punctuation and "The" ignored."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKD", name).casefold()
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _NON_WORD.sub(" ", folded).strip().removeprefix("the ").removeprefix("www ")
    return folded.replace(" ", "") or None


def decide(members: list[Posting]) -> tuple[int, dict[int, Decision]]:
    """The group's lead (its origin if stored, else its earliest member) and each
    member's decision."""
    # Pages by their own address first; a canonical URL names the earliest page declaring
    # it only where no page is known at that address (pages read from files have none).
    by_address: dict[str, Posting] = {}
    for attribute in ("url_key", "canonical_key"):
        for m in sorted(members, key=_age):
            address = getattr(m, attribute)
            if address:
                by_address.setdefault(address, m)
    parents: dict[int, tuple[int | None, str]] = {}
    external: dict[int, str] = {}
    for m in members:
        parent = _canonical_parent(m, by_address)
        if parent is not None:
            parents[m.id] = (parent.id, "canonical link")
            continue
        if m.credited:
            source = _credited_member(m, members)
            if source is not None:
                parents[m.id] = (source.id, f"credits {m.credited}")
            else:
                external[m.id] = m.credited
    _break_cycles(parents)
    roots = [m for m in members if m.id not in parents]
    lead = min((m for m in roots if m.id not in external), key=_age, default=None)
    if lead is None:
        lead = min(roots, key=_age)
    for m in roots:
        if m.id != lead.id and m.id not in external:
            parents[m.id] = (lead.id, "published later")
    by_id = {m.id: m for m in members}
    names = _names(members, parents)
    decisions = {m.id: _decision(m, by_id, parents, external, names) for m in members}
    return lead.id, decisions


def _names(members: list[Posting], parents: dict[int, tuple[int | None, str]]) -> dict[int, str]:
    """Each member's publication: its site name; for a page that does not name its site,
    the name a copy of it credits; else its host."""
    credited_by_copies: dict[int, str] = {}
    for m in sorted(members, key=_age):
        parent = parents.get(m.id, (None, ""))[0]
        if parent is not None and m.credited:
            credited_by_copies.setdefault(parent, m.credited)
    return {
        m.id: m.site_name
        or credited_by_copies.get(m.id)
        or host_of(m.url_key)
        or host_of(m.canonical_key)
        or f"article {m.id}"
        for m in members
    }


def _age(m: Posting) -> tuple[bool, datetime | float, int]:
    """Sort key: dated before undated, earlier first, then stored first."""
    return (m.published is None, m.published or 0.0, m.order)


def _canonical_parent(m: Posting, by_address: dict[str, Posting]) -> Posting | None:
    if not m.canonical_key or m.canonical_key == m.url_key:
        return None
    target = by_address.get(m.canonical_key)
    return target if target is not None and target.id != m.id else None


def _credited_member(m: Posting, members: list[Posting]) -> Posting | None:
    """The earliest other member published by the publication `m` credits."""
    wanted = publication_key(m.credited)
    own = publication_key(m.site_name)
    if wanted is None or wanted == own:
        return None
    matches = [
        o
        for o in members
        if o.id != m.id
        and (publication_key(o.site_name) == wanted or _host_key(o.url_key) == wanted)
    ]
    return min(matches, key=_age, default=None)


def _host_key(identity: str | None) -> str | None:
    host = host_of(identity)
    return publication_key(host) if host else None


def _break_cycles(parents: dict[int, tuple[int | None, str]]) -> None:
    """Cut the weakest link of any cycle (copies pointing at each other): the last one
    found, so the member reached first keeps its evidence."""
    for start in list(parents):
        seen = [start]
        node = parents.get(start, (None, ""))[0]
        while node is not None and node in parents:
            if node in seen:
                del parents[seen[-1]]
                break
            seen.append(node)
            node = parents[node][0]


def _decision(
    m: Posting,
    by_id: dict[int, Posting],
    parents: dict[int, tuple[int | None, str]],
    external: dict[int, str],
    names: dict[int, str],
) -> Decision:
    chain = [names[m.id]]
    node, seen = m, {m.id}
    while node.id in parents:
        parent_id = parents[node.id][0]
        if parent_id is None or parent_id in seen:
            break
        seen.add(parent_id)
        node = by_id[parent_id]
        if names[node.id] != chain[-1]:
            chain.append(names[node.id])
    if node.id in external and publication_key(external[node.id]) != publication_key(chain[-1]):
        chain.append(external[node.id])
    if m.id in parents:
        parent_id, reason = parents[m.id]
        return Decision(parent_id, tuple(chain), reason)
    if m.id in external:
        return Decision(None, tuple(chain), f"credits {external[m.id]}")
    return Decision(None, tuple(chain), "origin")
