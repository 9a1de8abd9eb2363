"""Events: the facts a story is about, shared by every article that covers it.

An event has a type (which fixes its section), a time, a place in a real country,
invented people with roles, invented organisations, a subject and some numbers.
Articles from different outlets retell the same event in different words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from retina.sample import vocabulary as vocab

SECTIONS = ("world", "politics", "business", "technology", "science", "sport", "culture", "health")

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
COUNTRY = "COUNTRY"

# Number formats: how a raw number becomes text (see writer.format_number).
COUNT = "count"  # 12,500
MONEY_MILLIONS = "money_m"  # $420 million
MONEY = "money"  # $1,299
PERCENT = "pct"  # 12 per cent
PLAIN = "plain"  # 2031, scores
ORDINAL = "ordinal"  # 12th


@dataclass(frozen=True, slots=True)
class EventType:
    """What kind of event, and how to invent its facts.

    `roles` are the three people's roles and may name `{org}`, `{org2}`,
    `{country}` or `{place}`. `numbers` lists (slot, low, high, format).
    """

    name: str
    section: str
    org_kinds: tuple[str, str]
    roles: tuple[str, str, str]
    subjects: tuple[str, ...]
    numbers: tuple[tuple[str, int, int, str], ...]


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "summit",
        "world",
        ("forum", "ministry"),
        (
            "the prime minister of {country}",
            "the secretary-general of the {org}",
            "a senior negotiator for the {org2}",
        ),
        ("water sharing", "fisheries", "border trade", "climate finance", "rail links"),
        (
            ("n1", 6, 40, COUNT),
            ("money", 50, 2000, MONEY_MILLIONS),
            ("pct", 5, 40, PERCENT),
            ("n2", 2, 5, PLAIN),
            ("n3", 2030, 2045, PLAIN),
        ),
    ),
    EventType(
        "storm",
        "world",
        ("emergency", "council"),
        ("the mayor of {place}", "a spokesperson for the {org}", "a shop owner in {place}"),
        ("Storm {first}",),
        (
            ("n1", 200, 25000, COUNT),
            ("n2", 50, 4000, COUNT),
            ("n3", 80, 400, PLAIN),
            ("money", 5, 900, MONEY_MILLIONS),
        ),
    ),
    EventType(
        "election",
        "politics",
        ("party", "party"),
        ("the {org} candidate", "the leader of the {org2}", "the head of the electoral commission"),
        ("mayoral", "regional", "municipal", "provincial"),
        (
            ("pct", 31, 58, PERCENT),
            ("n1", 20, 180, COUNT),
            ("pct2", 41, 82, PERCENT),
            ("n3", 3, 12, PLAIN),
        ),
    ),
    EventType(
        "bill",
        "politics",
        ("party", "party"),
        (
            "the minister responsible for the bill",
            "the {org2} spokesperson on {subject}",
            "the chair of the committee that examined the bill",
        ),
        (
            "housing",
            "data protection",
            "rent controls",
            "river pollution",
            "school meals",
            "public broadcasting",
            "gig work",
        ),
        (("n1", 120, 220, COUNT), ("n2", 20, 110, COUNT), ("money", 20, 5000, MONEY_MILLIONS)),
    ),
    EventType(
        "merger",
        "business",
        ("company", "company"),
        ("the chief executive of {org}", "the chair of {org2}", "a banking analyst in {place}"),
        ("freight", "frozen food", "wind turbine", "payments", "packaging", "regional airline"),
        (
            ("money", 100, 25000, MONEY_MILLIONS),
            ("n1", 800, 60000, COUNT),
            ("pct", 8, 45, PERCENT),
            ("n3", 3, 18, PLAIN),
        ),
    ),
    EventType(
        "layoffs",
        "business",
        ("company", "union"),
        (
            "the chief executive of {org}",
            "the general secretary of the {org2}",
            "the mayor of {place}",
        ),
        ("plant", "distribution centre", "call centre", "headquarters", "assembly line"),
        (
            ("n1", 80, 9000, COUNT),
            ("pct", 3, 25, PERCENT),
            ("money", 10, 800, MONEY_MILLIONS),
            ("n2", 2, 30, PLAIN),
        ),
    ),
    EventType(
        "launch",
        "technology",
        ("company", "regulator"),
        (
            "the chief executive of {org}",
            "a product lead at {org}",
            "an independent technology analyst",
        ),
        ("{syllable} X{digit}", "{syllable} Pro", "{syllable} {digit}", "{syllable} Air"),
        (("money", 199, 2499, MONEY), ("n1", 1000, 500000, COUNT), ("pct", 10, 60, PERCENT)),
    ),
    EventType(
        "breach",
        "technology",
        ("company", "regulator"),
        (
            "the chief technology officer of {org}",
            "the commissioner of the {org2}",
            "a security researcher in {place}",
        ),
        ("customer portal", "payments app", "loyalty programme", "booking system"),
        (("n1", 10000, 9000000, COUNT), ("n2", 3, 300, PLAIN), ("money", 1, 400, MONEY_MILLIONS)),
    ),
    EventType(
        "discovery",
        "science",
        ("institute", "institute"),
        (
            "a professor at the {org}",
            "a co-author of the study at the {org2}",
            "an independent scientist in {place}",
        ),
        (
            "a previously unknown species of tree frog",
            "a link between sleep and memory",
            "traces of ancient river channels",
            "a cheaper way to store solar heat",
            "a soil fungus that breaks down plastic",
        ),
        (("n1", 40, 12000, COUNT), ("pct", 8, 70, PERCENT), ("n2", 2, 25, PLAIN)),
    ),
    EventType(
        "mission",
        "science",
        ("space", "institute"),
        (
            "the mission director at the {org}",
            "the lead scientist at the {org2}",
            "an engineer on the project",
        ),
        (
            "the {syllable}-{digit} probe",
            "the {syllable} ice-shelf survey",
            "the {syllable} deep-sea lander",
        ),
        (("n1", 12, 900, COUNT), ("n2", 3, 14, PLAIN), ("money", 80, 3000, MONEY_MILLIONS)),
    ),
    EventType(
        "match",
        "sport",
        ("club", "club"),
        ("the {org} manager", "the {org2} captain", "the {org} striker"),
        ("the {place} Cup final", "a league fixture", "the cup semi-final"),
        (("n2", 0, 3, PLAIN), ("n1", 1, 3, PLAIN), ("n3", 8000, 80000, COUNT)),
    ),
    EventType(
        "transfer",
        "sport",
        ("club", "club"),
        ("the {org2} {subject}", "the {org} manager", "the {org2} chairman"),
        ("forward", "midfielder", "defender", "goalkeeper"),
        (("money", 2, 150, MONEY_MILLIONS), ("n1", 2, 6, PLAIN), ("n2", 4, 38, PLAIN)),
    ),
    EventType(
        "festival",
        "culture",
        ("venue", "council"),
        ("the festival director", "the mayor of {place}", "a headline performer"),
        (
            "the {place} Light Festival",
            "the {place} Jazz Festival",
            "the {place} Book Festival",
            "the {place} Film Festival",
        ),
        (("n1", 5000, 400000, COUNT), ("n2", 20, 600, COUNT), ("n3", 2, 60, ORDINAL)),
    ),
    EventType(
        "award",
        "culture",
        ("foundation", "venue"),
        ("this year's winner", "the chair of the judging panel", "the director of the {org2}"),
        (
            "the {surname} Prize for Fiction",
            "the {surname} Prize for Architecture",
            "the {surname} Prize for Photography",
            "the {surname} Prize for Poetry",
        ),
        (("money", 5000, 100000, MONEY), ("n1", 80, 3000, COUNT), ("n2", 4, 8, PLAIN)),
    ),
    EventType(
        "outbreak",
        "health",
        ("health", "hospital"),
        ("the director of the {org}", "a consultant at the {org2}", "a parent in {place}"),
        ("measles", "norovirus", "dengue fever", "hepatitis A", "whooping cough"),
        (("n1", 12, 4000, COUNT), ("n2", 2, 300, COUNT), ("pct", 40, 95, PERCENT)),
    ),
    EventType(
        "hospital",
        "health",
        ("hospital", "ministry"),
        (
            "the health minister of {country}",
            "the chief executive of the {org}",
            "a nurse at the {org}",
        ),
        ("cancer centre", "maternity wing", "emergency department", "mental health unit"),
        (
            ("money", 20, 900, MONEY_MILLIONS),
            ("n1", 60, 900, COUNT),
            ("n2", 150, 4000, COUNT),
            ("n3", 2026, 2031, PLAIN),
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str


@dataclass(frozen=True)
class Event:
    """The facts of one story. `when` is in UTC."""

    story_id: str
    type: EventType
    when: datetime
    place: str
    country: str
    subject: str
    people: tuple[Person, Person, Person]
    organisations: tuple[str, str]
    numbers: tuple[tuple[str, int], ...]

    @property
    def section(self) -> str:
        return self.type.section

    def entities(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Named entities each fact slot brings into a text, by slot name."""
        org, org2 = self.organisations
        found: dict[str, tuple[tuple[str, str], ...]] = {
            "place": ((self.place, PLACE),),
            "country": ((self.country, COUNTRY),),
            "org": ((org, ORG),),
            "org2": ((org2, ORG),),
        }
        names = {self.place: PLACE, self.country: COUNTRY, org: ORG, org2: ORG}
        for i, person in enumerate(self.people, start=1):
            found[f"p{i}"] = ((person.name, PERSON),)
            found[f"r{i}"] = _mentioned(names, person.role)
        found["subject"] = _mentioned(names, self.subject)
        return found

    @cached_property
    def facts(self) -> dict[str, Any]:
        """The event as JSON-ready data (computed once: every page of the story has it)."""
        return {
            "story_id": self.story_id,
            "type": self.type.name,
            "section": self.section,
            "date": self.when.isoformat(),
            "place": self.place,
            "country": self.country,
            "subject": self.subject,
            "people": [{"name": p.name, "role": p.role} for p in self.people],
            "organisations": list(self.organisations),
            "numbers": dict(self.numbers),
        }


def _mentioned(names: dict[str, str], text: str) -> tuple[tuple[str, str], ...]:
    """Entities named in `text`, leaving out those only inside a longer one ("Chile" in
    "Chile Public Health Agency")."""
    hits = [name for name in names if name in text]
    return tuple(
        (name, names[name]) for name in hits if not any(name != o and name in o for o in hits)
    )


def invent_place(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(vocab.PLACE_PREFIXES) + rng.choice(vocab.PLACE_SUFFIXES)
    return rng.choice(vocab.SYLLABLES_A) + rng.choice(vocab.SYLLABLES_B)


def invent_person(rng: random.Random) -> str:
    return f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.SURNAMES)}"


def invent_organisation(rng: random.Random, kind: str, place: str, country: str) -> str:
    """An invented organisation of `kind`, often named after the event's place or country."""
    c = rng.choice
    if kind == "company":
        first = c(vocab.SURNAMES) if rng.random() < 0.5 else c(vocab.ADJECTIVES)
        return f"{first} {c(vocab.COMPANY_SUFFIXES)}"
    if kind == "ministry":
        return f"Ministry of {c(vocab.AGENCY_TOPICS)}"
    if kind == "forum":
        return c(vocab.FORUM_NAMES)
    if kind == "emergency":
        return f"{place} Emergency Management {c(('Agency', 'Office', 'Service'))}"
    if kind == "council":
        return f"{place} City Council"
    if kind == "party":
        return f"{c(vocab.PARTY_NAMES)} Party"
    if kind == "union":
        return f"{c(vocab.ADJECTIVES)} Workers' Union"
    if kind == "regulator":
        return f"{country} {c(('Data Protection', 'Digital Markets', 'Consumer'))} Authority"
    if kind == "institute":
        if rng.random() < 0.5:
            return f"{invent_place(rng)} {c(vocab.INSTITUTE_KINDS)}"
        return f"{c(vocab.SURNAMES)} Institute"
    if kind == "space":
        return f"{c(vocab.ADJECTIVES)} Space Agency"
    if kind == "club":
        return f"{invent_place(rng)} {c(vocab.CLUB_SUFFIXES)}"
    if kind == "venue":
        return f"{place} {c(vocab.VENUE_KINDS)}"
    if kind == "foundation":
        return f"{c(vocab.SURNAMES)} Foundation"
    if kind == "health":
        return f"{country} Public Health {c(('Agency', 'Service', 'Institute'))}"
    if kind == "hospital":
        return f"{place} {c(vocab.HOSPITAL_KINDS)}"
    raise ValueError(f"unknown organisation kind {kind!r}")


def make_event(rng: random.Random, number: int, start: datetime, span: timedelta) -> Event:
    """Invent event `number`, happening at a random moment in [start, start + span)."""
    etype = rng.choice(EVENT_TYPES)
    place = invent_place(rng)
    country = rng.choice(vocab.COUNTRIES)
    orgs: list[str] = []
    for kind in etype.org_kinds:
        org = invent_organisation(rng, kind, place, country)
        while org in orgs:
            org = invent_organisation(rng, kind, place, country)
        orgs.append(org)
    fill = {
        "place": place,
        "country": country,
        "org": orgs[0],
        "org2": orgs[1],
        "first": rng.choice(vocab.FIRST_NAMES),
        "surname": rng.choice(vocab.SURNAMES),
        "syllable": rng.choice(vocab.SYLLABLES_A) + rng.choice(("ra", "lix", "ion", "ova", "en")),
        "digit": str(rng.randint(2, 9)),
    }
    subject = rng.choice(etype.subjects).format_map(fill)
    fill["subject"] = subject
    names: list[str] = []
    while len(names) < 3:
        name = invent_person(rng)
        if name not in names:
            names.append(name)
    people = tuple(Person(n, r.format_map(fill)) for n, r in zip(names, etype.roles, strict=True))
    numbers: dict[str, int] = {}
    for slot, low, high, _ in etype.numbers:
        numbers[slot] = rng.randint(low, high)
    if etype.name == "match":  # the home side wins: n1 goals to n2
        numbers["n1"] += numbers["n2"]
    when = start + timedelta(seconds=rng.randrange(int(span.total_seconds())))
    return Event(
        story_id=f"s{number:06d}",
        type=etype,
        when=when.replace(microsecond=0),
        place=place,
        country=country,
        subject=subject,
        people=people,  # type: ignore[arg-type]
        organisations=(orgs[0], orgs[1]),
        numbers=tuple(numbers.items()),
    )
