"""Text generation: one outlet's article about one event, in the outlet's house style.

Templates from `phrasebook` are filled with `str.format_map`: fact slots resolve
directly, synonym slots pick a word at each use. The slots of a template that can
bring named entities are found once and cached, so every block knows which entities
it mentions without searching its text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import datetime

from retina.sample import events as ev
from retina.sample.article import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Draft, Entity
from retina.sample.events import Event
from retina.sample.outlets import Style
from retina.sample.phrasebook import (
    GENERIC,
    LIST_INTROS,
    LOOKALIKES,
    PHRASES,
    QUOTE_FORMS,
    QUOTE_LEAD_INS,
    SYNONYMS,
)
from retina.sample.randomness import between, pick, pick_some
from retina.sample.vocabulary import MONTHS, WEEKDAYS

_SLOT = re.compile(r"\{(\w+)\}")
_ENTITY_SLOTS = frozenset("place country org org2 p1 p2 p3 r1 r2 r3 subject".split())
_ENTITY_SLOT_NAMES: dict[str, tuple[str, ...]] = {}
_GROUP_SIZES = (1, 2, 2, 3)  # sentences per paragraph
_SMALL_WORDS = frozenset("a an the of in on at to for and by with as from or but".split())


def _entity_slot_names(template: str) -> tuple[str, ...]:
    """The slots of `template` that can bring named entities, in order (cached)."""
    names = _ENTITY_SLOT_NAMES.get(template)
    if names is None:
        names = _ENTITY_SLOT_NAMES[template] = tuple(
            n for n in _SLOT.findall(template) if n in _ENTITY_SLOTS
        )
    return names


class _Slots(dict[str, str]):
    """Fact values by slot name; a synonym slot picks one of its words at each use."""

    def __init__(
        self, facts: dict[str, str], choices: dict[str, tuple[str, ...]], draw: Callable[[], float]
    ):
        super().__init__(facts)
        self.choices = choices
        self.draw = draw

    def __missing__(self, key: str) -> str:
        options = self.choices[key]
        return options[int(self.draw() * len(options))]


def format_number(value: int, fmt: str, style: Style) -> str:
    """A number as the outlet writes it (see the formats in `events`)."""
    if fmt == ev.PERCENT:
        return style.percent.format(value)
    if fmt == ev.ORDINAL:
        suffix = (
            "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        )
        return f"{value}{suffix}"
    if fmt == ev.PLAIN:
        return str(value)
    if fmt == ev.MONEY_MILLIONS:
        if value >= 1000:
            amount, short, long = f"{value / 1000:.1f}".removesuffix(".0"), "bn", "billion"
        else:
            amount, short, long = str(value), "m", "million"
        if style.money == "short":
            return f"${amount}{short}"
        if style.money == "long":
            return f"${amount} {long}"
        return f"{amount} {long} dollars"
    text = f"{value:,}".replace(",", style.thousands)
    if fmt == ev.MONEY:
        return f"{text} dollars" if style.money == "words" else f"${text}"
    return text


def title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        w if (i and w in _SMALL_WORDS) or not w[:1].islower() else w[0].upper() + w[1:]
        for i, w in enumerate(words)
    )


def date_text(when: datetime, style: Style) -> str:
    month = MONTHS[when.month - 1]
    return f"{when.day} {month}" if style.day_first else f"{month} {when.day}"


class Writer:
    """Writes articles about `event` for an outlet with house `style`.

    `local_when` is the event time in the outlet's time zone, so "on Tuesday" is the
    weekday the outlet's readers lived through.
    """

    def __init__(
        self,
        event: Event,
        style: Style,
        local_when: datetime,
        rng: random.Random,
        entity_slots: dict[str, tuple[Entity, ...]] | None = None,
    ):
        self.event = event
        self.style = style
        self.rng = rng
        self.phrases = PHRASES[event.type.name]
        self.entity_slots = entity_slots if entity_slots is not None else event.entities()
        day = WEEKDAYS[local_when.weekday()]
        date = date_text(local_when, style)
        org, org2 = event.organisations
        facts = {
            "place": event.place,
            "country": event.country,
            "org": org,
            "org2": org2,
            "subject": event.subject,
            "day": day,
            "date": date,
            "oq": "“" if style.curly_quotes else '"',
            "cq": "”" if style.curly_quotes else '"',
        }
        for i, person in enumerate(event.people, start=1):
            facts[f"p{i}"] = person.name
            facts[f"r{i}"] = person.role
        formats = {slot: fmt for slot, _, _, fmt in event.type.numbers}
        for slot, value in event.numbers:
            facts[slot] = format_number(value, formats[slot], style)
        choices = {**SYNONYMS, "when": (f"on {day}", f"on {date}", f"on {day}")}
        self.slots = _Slots(facts, choices, rng.random)

    def fill(self, template: str, found: list[Entity], extra: dict[str, str] | None = None) -> str:
        """Fill `template`, adding the entities of the slots used to `found`."""
        if extra:
            self.slots.update(extra)
        text = template.format_map(self.slots)
        entity_slots = self.entity_slots
        for name in _entity_slot_names(template):
            found.extend(entity_slots.get(name, ()))
        return text[:1].upper() + text[1:]

    def headline(self) -> tuple[str, tuple[Entity, ...]]:
        found: list[Entity] = []
        title = self.fill(pick(self.rng, self.phrases.headlines), found)
        if self.style.title_case:
            title = title_case(title)
        return title, _unique(found)

    def write(self) -> Draft:
        """A complete article: headline, lead, body paragraphs and optional extras."""
        rng = self.rng
        ph = self.phrases
        title, title_entities = self.headline()
        blocks = [self._paragraph([ph.leads[int(rng.random() * len(ph.leads))]])]
        sentences: list[tuple[str, list[Entity]]] = []
        chosen = (
            pick_some(rng, ph.facts, between(rng, 5, len(ph.facts)))
            + pick_some(rng, ph.context, between(rng, 1, len(ph.context)))
            + pick_some(rng, GENERIC, between(rng, 1, 3))
        )
        for template in chosen:
            found: list[Entity] = []
            sentences.append((self.fill(template, found), found))
        quotes = pick_some(rng, ph.quotes, between(rng, 2, 3))
        block_quote = quotes.pop() if rng.random() < 0.3 else None
        for speaker, text in quotes:
            sentences.append(self._quote_sentence(speaker, text))
        sentences = pick_some(rng, sentences, len(sentences))
        i = 0
        while i < len(sentences):
            size = _GROUP_SIZES[int(rng.random() * 4)]
            group = sentences[i : i + size]
            i += size
            blocks.append(
                Block(
                    PARAGRAPH,
                    " ".join(text for text, _ in group),
                    _unique([e for _, found in group for e in found]),
                )
            )
        if block_quote is not None:
            at = between(rng, 2, len(blocks))
            blocks[at:at] = self._block_quote(*block_quote)
        if rng.random() < 0.2:
            found = []
            lookalike = self.fill(pick(rng, LOOKALIKES), found)
            blocks.insert(
                between(rng, 2, len(blocks)),
                Block(PARAGRAPH, lookalike, _unique(found), lookalike="referral-like prose"),
            )
        if rng.random() < 0.45:
            found = []
            heading = self.fill(pick(rng, ph.headings), found)
            at = between(rng, len(blocks) // 2, len(blocks) - 1)
            if blocks[at - 1].kind == PARAGRAPH and blocks[at].kind == PARAGRAPH:
                blocks.insert(at, Block(HEADING, heading, _unique(found), level=2))
        if rng.random() < 0.2:
            blocks.extend(self._key_points())
        return Draft(title, title_entities, blocks)

    def _paragraph(self, templates: list[str]) -> Block:
        found: list[Entity] = []
        text = " ".join(self.fill(t, found) for t in templates)
        return Block(PARAGRAPH, text, _unique(found))

    def _quote_sentence(self, speaker: str, template: str) -> tuple[str, list[Entity]]:
        found: list[Entity] = []
        quote = self.fill(template, found)
        form = pick(self.rng, QUOTE_FORMS).replace("{speaker}", "{" + speaker + "}")
        form = form.replace("{role}", "{r" + speaker[1:] + "}")
        extra = {"quote": quote, "quote_comma": quote.removesuffix(".") + ","}
        return self.fill(form, found, extra), found

    def _block_quote(self, speaker: str, template: str) -> list[Block]:
        """A real quotation in its own block, introduced by a short paragraph."""
        found: list[Entity] = []
        quote = self.fill(template, found)
        lead_in = pick(self.rng, QUOTE_LEAD_INS).replace("{speaker}", "{" + speaker + "}")
        lead_in = lead_in.replace("{role}", "{r" + speaker[1:] + "}")
        intro_found: list[Entity] = []
        intro = self.fill(lead_in, intro_found)
        marks = self.slots["oq"], self.slots["cq"]
        return [
            Block(PARAGRAPH, intro, _unique(intro_found)),
            Block(QUOTE, f"{marks[0]}{quote}{marks[1]}", _unique(found)),
        ]

    def _key_points(self) -> list[Block]:
        points = pick_some(
            self.rng, self.phrases.points, between(self.rng, 3, len(self.phrases.points))
        )
        blocks = [Block(HEADING, pick(self.rng, LIST_INTROS), (), level=3)]
        for template in points:
            found: list[Entity] = []
            blocks.append(Block(LIST_ITEM, self.fill(template, found), _unique(found)))
        return blocks


def _unique(entities: list[Entity]) -> tuple[Entity, ...]:
    return tuple(dict.fromkeys(entities))
