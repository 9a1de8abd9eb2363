"""Readability.js's scoring and choice of the article in `_grabArticle`, read-only.

Paragraphs (and the other scored elements) give points — one, one per comma, one per
hundred characters up to three — to their parent, half to their grandparent, and a third
of the level to the ancestors above, up to five levels. Each ancestor starts from a score
for its tag and class names and ends scaled by its link density. The best one is moved up
to an ancestor shared with close runners-up or scoring higher, and joined by its siblings
that score well enough or read like paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from retina.clean.readability_dom import Node, View, normalise
from retina.clean.readability_stats import COMMAS, LENGTH, LINKS, Stats
from retina.clean.readability_walk import WEIGHT_CLASSES, Grab, node_stats

_POSITIVE_WORDS = (
    "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"
).split("|")
_NEGATIVE_WORDS = (
    "-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain"
    "|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget"
).split("|")
"""Readability.js's `negative` pattern (without "foot" and "footnote" since #907)."""
_SENTENCE_END = re.compile(r"\.( |$)")
_TAG_SCORES = {
    "div": 5,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
_TOP_CANDIDATES = 5


@dataclass(slots=True)
class Selection:
    """The article's top-level nodes: the top candidate and the siblings joined to it.

    `view` is the walk's with the renames the joining does (its own copy).
    """

    view: View
    content: list[Node]


@lru_cache(maxsize=4096)
def _name_weight(name: str) -> int:
    """±25 for a class or id matching Readability.js's positive / negative patterns."""
    if not name:
        return 0
    name = name.lower()
    weight = 25 if any(word in name for word in _POSITIVE_WORDS) else 0
    # `^hid$| hid$| hid |^hid `: "hid" as a word of its own
    if any(word in name for word in _NEGATIVE_WORDS) or " hid " in f" {name} ":
        weight -= 25
    return weight


def class_weight(view: View, node: Node, flags: int) -> int:
    """Readability.js's `_getClassWeight` (0 once the class weights are turned off)."""
    if not flags & WEIGHT_CLASSES:
        return 0
    return _name_weight(view.attr(node, "class")) + _name_weight(view.attr(node, "id"))


def _link_density(stats: Stats) -> float:
    return stats[LINKS] / stats[LENGTH] if stats[LENGTH] else 0.0


# --- scoring and selection ---


def select(grab: Grab, flags: int) -> Selection:
    """Score paragraphs into their ancestors, pick the top candidate, join its siblings."""
    view = grab.view.copy()
    scores: dict[Node, float] = {}
    candidates: list[Node] = []
    for node in grab.to_score:
        stats = node_stats(grab, node)
        size = stats[LENGTH]
        if size < 25:
            continue
        points = 2 + stats[COMMAS] + min(size // 100, 3)
        for level, ancestor in enumerate(view.ancestors(node, 5)):
            score = scores.get(ancestor)
            if score is None:
                score = _initial_score(view, ancestor, flags)
                candidates.append(ancestor)
            scores[ancestor] = score + points / (
                1 if level == 0 else 2 if level == 1 else level * 3
            )

    top: list[Node] = []
    for candidate in candidates:
        score = scores[candidate] * (1 - _link_density(node_stats(grab, candidate)))
        scores[candidate] = score
        for index in range(_TOP_CANDIDATES):
            if index == len(top) or score > scores[top[index]]:
                top.insert(index, candidate)
                del top[_TOP_CANDIDATES:]
                break

    if not top or view.tag(top[0]) == "body":
        body = view.body
        view.tags[body] = "div"
        view.bare.add(body)
        return Selection(view, [body])

    best = _better_ancestor(view, top, scores, flags)
    return Selection(view, _join_siblings(grab, view, best, scores))


def _initial_score(view: View, node: Node, flags: int) -> float:
    return _TAG_SCORES.get(view.tag(node), 0) + class_weight(view, node, flags)


def _ratio_at_least(score: float, top: float, ratio: float) -> bool:
    """`score / top >= ratio` with JavaScript's division by zero."""
    if top == 0:
        return score > 0
    return score / top >= ratio


def _better_ancestor(view: View, top: list[Node], scores: dict[Node, float], flags: int) -> Node:
    """Readability.js's moves up from the best candidate: to an ancestor shared by
    several close runners-up, to a parent scoring higher, through only-child parents."""
    best = top[0]
    alternatives = [
        set(view.ancestors(c)) for c in top[1:] if _ratio_at_least(scores[c], scores[best], 0.75)
    ]
    if len(alternatives) >= 3:
        parent = view.parent(best)
        while parent is not None and view.tag(parent) != "body":
            if sum(1 for ancestors in alternatives if parent in ancestors) >= 3:
                best = parent
                break
            parent = view.parent(parent)
    if best not in scores:
        scores[best] = _initial_score(view, best, flags)

    parent = view.parent(best)
    last = scores[best]
    threshold = last / 3
    while parent is not None and view.tag(parent) != "body":
        score = scores.get(parent)
        if score is not None:
            if score < threshold:
                break
            if score > last:
                best = parent
                break
            last = score
        parent = view.parent(parent)

    parent = view.parent(best)
    while parent is not None and view.tag(parent) != "body" and len(view.children(parent)) == 1:
        best = parent
        parent = view.parent(best)
    if best not in scores:
        scores[best] = _initial_score(view, best, flags)
    return best


def _join_siblings(grab: Grab, view: View, best: Node, scores: dict[Node, float]) -> list[Node]:
    """The top candidate with those of its siblings that look like more of the article."""
    parent = view.parent(best)
    if parent is None:
        return [best]
    best_score = scores[best]
    threshold = max(10.0, best_score * 0.2)
    best_class = view.attr(best, "class")
    content: list[Node] = []
    for sibling in view.children(parent):
        if sibling is best:
            append = True
        else:
            bonus = (
                best_score * 0.2 if best_class and view.attr(sibling, "class") == best_class else 0
            )
            score = scores.get(sibling)
            append = score is not None and score + bonus >= threshold
            if not append and view.tag(sibling) == "p":
                stats = node_stats(grab, sibling)
                size, density = stats[LENGTH], _link_density(stats)
                append = (size > 80 and density < 0.25) or (
                    0 < size < 80
                    and density == 0
                    and _SENTENCE_END.search(normalise(view.text(sibling))) is not None
                )
        if append:
            if view.tag(sibling) not in ("div", "article", "section", "p"):
                view.tags[sibling] = "div"
            content.append(sibling)
    return content
