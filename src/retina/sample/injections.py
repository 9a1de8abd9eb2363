"""What scrapers and republishers add to an article body, and how copies get edited.

Related-link lines ("Also Read: <unrelated headline>" in many forms), pull quotes
(a body sentence repeated with small edits), attribution lines on copies, in-body ad
labels and newsletter prompts. `edit_copy` makes the small edits a syndicated copy
carries relative to its original.
"""

from __future__ import annotations

import random
import re

from retina.sample.article import (
    AD,
    ATTRIBUTION,
    NEWSLETTER_PROMPT,
    PARAGRAPH,
    PULL_QUOTE,
    RELATED_LINK,
    Block,
    Draft,
    Injection,
)
from retina.sample.randomness import between, pick, pick_some

# (marker, separator). A "\n" separator puts the marker on its own line.
RELATED_FORMS: tuple[tuple[str, str], ...] = (
    ("Also Read", ": \u00a0 "),  # exactly as in the seed article
    ("Also Read", ": "),
    ("ALSO READ", " | "),
    ("Read more", ": "),
    ("READ MORE", ": "),
    ("Related", ": "),
    ("See also", ": "),
    ("Don't miss", ": "),
    ("Don’t miss", ": "),
    ("Recommended", ": "),
    ("You may also like", ": "),
    ("Also read", " - "),
    ("Read more", " » "),
    ("READ MORE", "\n"),
    ("You may also like", "\n"),
)

ATTRIBUTION_FORMS = (
    "Source: {section} – {origin}",  # as in the seed article
    "Source: {section} - {origin}",
    "Source: {section} | {origin}",
    "This article first appeared in {origin}.",
    "This article was originally published by {origin}.",
    "Originally published by {origin}",
    "Via {origin}",
    "Republished with permission from {origin}.",
    "(Source: {origin})",
)
# Forms that read naturally above the article as well as below it.
_LEADING_ATTRIBUTIONS = {"Originally published by {origin}", "Via {origin}"}

AD_LABELS = ("Advertisement", "ADVERTISEMENT", "Advertisement - Scroll to continue", "Sponsored")
NEWSLETTER_PROMPTS = (
    "Sign up for {name}'s morning briefing: the day's top stories in your inbox.",
    "Get our free newsletter – the best of {name}, every weekday.",
    "Enjoying this article? Subscribe to {name} newsletters.",
)

# Word swaps used for the small edits of copies and pull quotes.
_SWAPS = (
    (" said ", " stated "),
    (" told reporters ", " said "),
    (" about ", " around "),
    (" around ", " about "),
    (" more than ", " over "),
    (" many ", " several "),
    (" expected ", " likely "),
    (" warned ", " cautioned "),
    (" sharply ", " steeply "),
    (" also ", " "),
    (" the whole ", " the entire "),
    (" before ", " ahead of "),
)
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_CLAUSE = re.compile(r", [^,.;:“”\"]{3,40},")


def related_link(rng: random.Random, headline: str, url: str | None, position: int) -> Injection:
    """A related-link injection pointing at an unrelated headline."""
    marker, separator = pick(rng, RELATED_FORMS)
    return Injection(
        RELATED_LINK,
        f"{marker}{separator}{headline}",
        position,
        {
            "marker": marker,
            "separator": separator,
            "headline": headline,
            "link": url if url and rng.random() < 0.6 else None,
            "bold": rng.random() < 0.5,
        },
    )


def attribution(
    rng: random.Random, origin: str, section_label: str, position_at_end: int, *, seed_like: bool
) -> Injection:
    """An attribution crediting `origin`; `seed_like` prefers the seed's "Source:" form."""
    form = (
        ATTRIBUTION_FORMS[0] if seed_like and rng.random() < 0.6 else pick(rng, ATTRIBUTION_FORMS)
    )
    leading = form in _LEADING_ATTRIBUTIONS and rng.random() < 0.3
    text = form.format(section=section_label, origin=origin)
    return Injection(
        ATTRIBUTION, text, 0 if leading else position_at_end, {"form": form, "origin": origin}
    )


def ad_label(rng: random.Random, position: int) -> Injection:
    return Injection(AD, pick(rng, AD_LABELS), position)


def newsletter_prompt(rng: random.Random, outlet_name: str, position: int) -> Injection:
    return Injection(
        NEWSLETTER_PROMPT, pick(rng, NEWSLETTER_PROMPTS).format(name=outlet_name), position
    )


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def pull_quote(rng: random.Random, blocks: list[Block]) -> Injection | None:
    """A sentence of a body paragraph, repeated with a small edit or cut, a little later.

    Returns None when no paragraph is long enough to quote.
    """
    candidates = [
        i
        for i, b in enumerate(blocks)
        if b.kind == PARAGRAPH and b.lookalike is None and len(b.text) > 90 and i + 1 < len(blocks)
    ]
    if not candidates:
        return None
    index = pick(rng, candidates)
    source = max(sentences(blocks[index].text), key=len)
    if len(source.split()) < 10:
        source = blocks[index].text
    text, edits = source, []
    clause = _CLAUSE.search(text)
    if clause and rng.random() < 0.5:
        text = text[: clause.start()] + "," + text[clause.end() :]
        edits.append("dropped a clause")
    for old, new in pick_some(rng, _SWAPS, len(_SWAPS)):
        if old in text and rng.random() < 0.5:
            text = text.replace(old, new, 1)
            edits.append(f"{old.strip()} -> {new.strip() or '(nothing)'}")
            break
    if not edits or rng.random() < 0.5:
        words = text.split(" ")
        text = " ".join(words[: len(words) - between(rng, 2, min(6, len(words) // 3))])
        text = text.rstrip(",;:")
        edits.append("cut the end")
    position = min(len(blocks), index + between(rng, 1, 3))
    return Injection(
        PULL_QUOTE, text, position, {"source_block": index, "source_text": source, "edits": edits}
    )


def edit_copy(rng: random.Random, draft: Draft) -> tuple[list[Block], list[str]]:
    """The blocks of a syndicated copy: the original's with one to three small edits."""
    blocks = [Block(b.kind, b.text, b.entities, b.level, b.lookalike) for b in draft.blocks]
    edits: list[str] = []
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == PARAGRAPH]
    edited: set[int] = set()  # a second swap in the same block could undo the first
    for _ in range(between(rng, 1, 2)):
        for i in pick_some(rng, paragraphs, len(paragraphs)):
            swap = (
                None if i in edited else next((s for s in _SWAPS if s[0] in blocks[i].text), None)
            )
            if swap:
                _set_text(blocks[i], blocks[i].text.replace(*swap, 1))
                edited.add(i)
                edits.append(f"block {i}: {swap[0].strip()} -> {swap[1].strip() or '(nothing)'}")
                break
    long_ones = [i for i in paragraphs if len(sentences(blocks[i].text)) > 1]
    if long_ones and (not edits or rng.random() < 0.3):
        i = pick(rng, long_ones)
        _set_text(blocks[i], " ".join(sentences(blocks[i].text)[:-1]))
        edits.append(f"block {i}: dropped the last sentence")
    if len(blocks) > 2 and (not edits or (blocks[-1].kind == PARAGRAPH and rng.random() < 0.3)):
        blocks.pop()
        edits.append("dropped the last block")
    return blocks, edits


def _set_text(block: Block, text: str) -> None:
    """Change a block's text, keeping only the entities it still mentions on their own."""
    block.text = text
    kept = []
    for name, kind in block.entities:
        rest = text
        for other, _ in block.entities:
            if name != other and name in other:
                rest = rest.replace(other, "")
        if name in rest:
            kept.append((name, kind))
    block.entities = tuple(kept)
