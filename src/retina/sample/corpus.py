"""The article corpus: which outlets cover which events, and every article page.

Each event is covered by one to five newsrooms in their own words (the first is the
"original"); some coverage is syndicated by another newsroom with small edits and an
attribution line; a few pages are exact re-posts at another URL; the aggregator
republishes some stories as plain-text dumps. Related-link injections borrow
headlines from earlier stories, so they are always unrelated to the article they sit
in.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from retina.sample.article import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    ArticlePage,
    Block,
    Draft,
    Entity,
    Image,
    Injection,
)
from retina.sample.events import Event, make_event
from retina.sample.injections import (
    ad_label,
    attribution,
    edit_copy,
    newsletter_prompt,
    pull_quote,
    related_link,
)
from retina.sample.outlets import Outlet, slugify
from retina.sample.randomness import between, pick, pick_some, rng_for
from retina.sample.writer import Writer

WINDOW_END = datetime(2024, 6, 30, 18, 0, tzinfo=UTC)
"""Every event happens before this moment; the window's length grows with the corpus."""

_COVERAGE_COUNTS = (1, 2, 3, 4, 5)
_COVERAGE_WEIGHTS = (25, 30, 25, 12, 8)
_BODY_ADS = {
    "broadsheet": (0, 1),
    "modern": (0, 1),
    "tabloid": (1, 2),
    "magazine": (0, 1),
    "portal": (1, 1),
}
_NEWSLETTER_ODDS = {"modern": 0.5, "tabloid": 0.6, "magazine": 0.4}
_PICTURE_FAMILIES = {"broadsheet", "modern", "tabloid", "magazine"}
_RELATED_TRACKING = "utm_source=related&utm_medium=web"
_CAPTIONS = ("The scene in {place} on {day}.", "{p1}, {r1}.", "A view of {place}, {country}.")
MEDIA_FILES = 6
"""Images per outlet (media/0.svg ...); article pictures point at one of them."""


def time_span(articles: int) -> timedelta:
    """Length of the window events fall in: about 40 articles a day, 7 to 730 days."""
    return timedelta(days=min(730, max(7, articles // 40)))


def article_location(
    outlet: Outlet, number: int, title: str, section: str, published: datetime
) -> tuple[str, str]:
    """(URL path relative to the outlet's root, file path relative to the output folder).

    Each template family has its own URL scheme. The server answers an extension-less
    URL, and a URL ending in "/", from the matching .html file.
    """
    slug = slugify(title)
    sec = outlet.section_slug(section)
    family = outlet.family
    if family == "broadsheet":
        url = f"{sec}/{published:%Y/%m}/{slug}-{number}"
        file = url + ".html"
    elif family == "modern":
        url = f"{sec}/{slug}-{number}"
        file = url + ".html"
    elif family == "tabloid":
        url = file = f"news/{sec}/{slug}-{number}.html"
    elif family == "wire":
        url = f"{sec}/{slug}-id{number}"
        file = url + ".html"
    elif family == "magazine":
        url = f"{published:%Y/%m}/{slug}-{number}/"
        file = url[:-1] + ".html"
    elif family == "portal":
        url = file = f"{sec}/{published:%Y%m%d}-{number}.htm"
    else:
        url = file = f"{sec}/{number}-{slug}.txt"
    return url, f"{outlet.folder}/{file}"


@dataclass(frozen=True, slots=True)
class StoryPlan:
    """The pages of one story: (role, outlet index, position of the copied page)."""

    story: int
    first: int  # number of the story's first page
    pages: tuple[tuple[str, int, int | None], ...]


def plan_stories(seed: int, outlets: list[Outlet], articles: int) -> list[StoryPlan]:
    """Which outlet publishes which page of which story, and each page's number.

    Cheap (no text is written), so every worker of a parallel build can redo it.
    """
    newsrooms = [o.index for o in outlets if o.kind == "newsroom"]
    aggregator = next(o.index for o in outlets if o.kind == "aggregator")
    plans: list[StoryPlan] = []
    number = 1
    while number <= articles:
        story = len(plans)
        pages = _plan(rng_for(seed, "plan", story), newsrooms, aggregator)
        pages = pages[: articles - number + 1]
        plans.append(StoryPlan(story, number, tuple(pages)))
        number += len(pages)
    return plans


def _plan(
    rng: random.Random, newsrooms: list[int], aggregator: int
) -> list[tuple[str, int, int | None]]:
    count = rng.choices(_COVERAGE_COUNTS, _COVERAGE_WEIGHTS)[0]
    covering = pick_some(rng, newsrooms, count)
    plan: list[tuple[str, int, int | None]] = [("original", covering[0], None)]
    plan += [("coverage", o, None) for o in covering[1:]]
    others = [o for o in newsrooms if o not in covering]
    for source in range(len(covering)):
        if others and rng.random() < 0.25:
            plan.append(("syndicated", others.pop(int(rng.random() * len(others))), source))
    if rng.random() < 0.06:
        source = int(rng.random() * len(covering))
        outlet = covering[source] if rng.random() < 0.5 else pick(rng, newsrooms)
        plan.append(("repost", outlet, source))
    if rng.random() < 0.15:
        plan.append(("syndicated", aggregator, int(rng.random() * len(covering))))
    return plan


class Corpus:
    """The article pages of a sample web, story by story.

    Every page depends only on the seed and its story's plan, never on which stories
    were generated before it in this process: related links and related-stories
    boxes point at earlier stories' original pages, whose title and URL
    (`original_identity`) can be recomputed on their own. So any range of stories
    can be generated separately, in parallel, with the same result.
    """

    def __init__(
        self, seed: int, outlets: list[Outlet], articles: int, plans: list[StoryPlan] | None = None
    ):
        self.seed = seed
        self.outlets = outlets
        self.newsrooms = [o for o in outlets if o.kind == "newsroom"]
        self.span = time_span(articles)
        self.start = WINDOW_END - self.span
        self.plans = plans if plans is not None else plan_stories(seed, outlets, articles)
        self._originals: dict[int, list[int]] = {o.index: [] for o in outlets}
        for plan in self.plans:
            self._originals[plan.pages[0][1]].append(plan.story)
        self._identities: dict[int, tuple[str, str]] = {}

    def __iter__(self) -> Iterator[ArticlePage]:
        return self.pages()

    def pages(self, first_story: int = 0, stop_story: int | None = None) -> Iterator[ArticlePage]:
        """The pages of stories first_story .. stop_story - 1, in page-number order."""
        for plan in self.plans[first_story:stop_story]:
            event = self._event(plan.story)
            entity_slots = event.entities()
            pages: list[ArticlePage] = []
            for offset, (role, outlet_index, source) in enumerate(plan.pages):
                page = self._page(
                    plan.first + offset,
                    role,
                    self.outlets[outlet_index],
                    event,
                    entity_slots,
                    pages[source] if source is not None else None,
                    pages[0] if pages else None,
                    plan.story,
                )
                pages.append(page)
                yield page
            self._identities[plan.story] = (pages[0].draft.title, pages[0].url)

    def _event(self, story: int) -> Event:
        return make_event(rng_for(self.seed, "story", story), story, self.start, self.span)

    def original_identity(self, story: int) -> tuple[str, str]:
        """(title, URL) of a story's original page, without writing the story."""
        known = self._identities.get(story)
        if known is None:
            plan = self.plans[story]
            outlet = self.outlets[plan.pages[0][1]]
            event = self._event(story)
            writer = self._writer(plan.first, event, outlet, event.entities())
            title = writer.headline()[0]  # the first thing `write` draws
            published = self._published(plan.first, event, outlet, None)
            url_path, _ = article_location(outlet, plan.first, title, event.section, published)
            known = self._identities[story] = (title, outlet.url(url_path))
        return known

    def _writer(
        self,
        number: int,
        event: Event,
        outlet: Outlet,
        entity_slots: dict[str, tuple[Entity, ...]],
    ) -> Writer:
        local = event.when.astimezone(outlet.tz)
        return Writer(event, outlet.style, local, rng_for(self.seed, "page", number), entity_slots)

    def _published(
        self, number: int, event: Event, outlet: Outlet, anchor: ArticlePage | None
    ) -> datetime:
        """When page `number` appears: originals soon after the event, the rest later."""
        rng = rng_for(self.seed, "time", number)
        if anchor is None:
            moment = event.when + timedelta(minutes=between(rng, 20, 360))
        else:
            moment = anchor.published + timedelta(minutes=between(rng, 20, 72 * 60))
        return moment.astimezone(outlet.tz)

    def _page(
        self,
        number: int,
        role: str,
        outlet: Outlet,
        event: Event,
        entity_slots: dict[str, tuple[Entity, ...]],
        source: ArticlePage | None,
        first: ArticlePage | None,
        story: int,
    ) -> ArticlePage:
        writer = self._writer(number, event, outlet, entity_slots)
        rng = writer.rng
        exact = False
        if source is None:
            draft = writer.write()
        else:
            if role == "repost" or (outlet.is_text and rng.random() < 0.5):
                draft, exact = source.draft, True
            else:
                blocks, _ = edit_copy(rng, source.draft)
                title, title_entities = source.draft.title, source.draft.title_entities
                if rng.random() < 0.35:
                    title, title_entities = writer.headline()
                draft = Draft(title, title_entities, blocks)
            if outlet.is_text and rng.random() < 0.5:
                draft = _with_scraping_spaces(rng, draft)
        published = self._published(number, event, outlet, source or first)
        updated = (
            published + timedelta(minutes=between(rng, 20, 1200)) if rng.random() < 0.3 else None
        )
        url_path, file_path = article_location(
            outlet, number, draft.title, event.section, published
        )
        page = ArticlePage(
            number=number,
            outlet=outlet,
            event=event,
            role=role,
            url_path=url_path,
            file_path=file_path,
            draft=draft,
            authors=self._authors(rng, outlet, source),
            published=published,
            updated=updated,
            injections=[],
            canonical=None,
            image=self._image(rng, outlet, writer, source),
            related=self._related_box(outlet, story),
            source=source,
            is_exact_repost=exact,
        )
        page.canonical = self._canonical(rng, page)
        page.injections = self._injections(rng, page, story)
        if source is None and not outlet.is_text and rng.random() < 0.05:
            page.aliases.append(f"s/{number}")
        return page

    def _related_box(self, outlet: Outlet, story: int) -> list[tuple[str, str]]:
        """The outlet's three latest original stories before this one, newest first."""
        originals = self._originals[outlet.index]
        at = bisect_left(originals, story)
        links = []
        for earlier in reversed(originals[max(0, at - 3) : at]):
            title, url = self.original_identity(earlier)
            tracked = outlet.family in ("modern", "tabloid")
            links.append((title, f"{url}?{_RELATED_TRACKING}" if tracked else url))
        return links

    def _authors(self, rng: random.Random, outlet: Outlet, source: ArticlePage | None) -> list[str]:
        if outlet.is_text:
            return []
        if source is not None:
            return list(source.authors) if rng.random() < 0.6 else []
        if rng.random() < 0.1:
            return []
        return pick_some(rng, outlet.staff, 2 if rng.random() < 0.15 else 1)

    def _image(
        self, rng: random.Random, outlet: Outlet, writer: Writer, source: ArticlePage | None
    ) -> Image | None:
        if outlet.family not in _PICTURE_FAMILIES:
            return None
        if source is not None:
            return source.image if rng.random() < 0.5 else None
        if rng.random() < 0.3:
            return None
        caption = writer.fill(pick(rng, _CAPTIONS), [])
        credit = f"Photograph: {pick(rng, outlet.staff)}" if rng.random() < 0.5 else outlet.name
        url = outlet.url(f"media/{int(rng.random() * MEDIA_FILES)}.svg")
        return Image(url=url, alt=caption.removesuffix("."), caption=caption, credit=credit)

    def _canonical(self, rng: random.Random, page: ArticlePage) -> str | None:
        if page.outlet.family == "portal":
            return None
        if page.source is not None and rng.random() < (0.3 if page.role == "repost" else 0.4):
            return page.source.url
        return page.url

    def _injections(self, rng: random.Random, page: ArticlePage, story: int) -> list[Injection]:
        blocks = page.draft.blocks
        outlet = page.outlet
        found: list[Injection] = []
        slots = _open_positions(blocks)
        slots = pick_some(rng, slots, len(slots))
        related = between(rng, 1, 3) if outlet.is_text else pick(rng, (0, 0, 1, 1, 2, 3))
        used = {page.draft.title}
        for k in range(min(related, len(slots))):
            headline, url = self._unrelated(rng, story, k)
            if headline not in used:
                used.add(headline)
                link = None if outlet.is_text else url
                found.append(related_link(rng, headline, link, slots.pop()))
        low, high = _BODY_ADS.get(outlet.family, (0, 0))
        for _ in range(min(between(rng, low, high), len(slots))):
            found.append(ad_label(rng, slots.pop()))
        if slots and rng.random() < _NEWSLETTER_ODDS.get(outlet.family, 0.0):
            found.append(newsletter_prompt(rng, outlet.name, slots.pop()))
        if rng.random() < (0.5 if outlet.is_text else 0.35):
            quote = pull_quote(rng, blocks)
            if quote is not None:
                found.append(quote)
        if page.source is not None and page.origin is not None and page.role == "syndicated":
            origin = page.source.outlet
            label = origin.section_labels[page.section]
            found.append(
                attribution(rng, origin.name, label, len(blocks), seed_like=outlet.is_text)
            )
        return found

    def _unrelated(self, rng: random.Random, story: int, k: int) -> tuple[str, str | None]:
        """The original headline and URL of one of the 200 stories before this one.

        The first story has none, so it gets the headline of an invented event.
        """
        if story:
            return self.original_identity(story - 1 - int(rng.random() * min(200, story)))
        phantom_rng = rng_for(self.seed, "phantom", k)
        event = make_event(phantom_rng, 0, self.start, self.span)
        return Writer(event, self.newsrooms[0].style, event.when, phantom_rng).headline()[0], None


def _open_positions(blocks: list[Block]) -> list[int]:
    """Places an injection can go: between blocks, not under a heading or inside a list."""
    return [
        p
        for p in range(2, len(blocks) + 1)
        if blocks[p - 1].kind != HEADING and not (p < len(blocks) and blocks[p].kind == LIST_ITEM)
    ]


def _with_scraping_spaces(rng: random.Random, draft: Draft) -> Draft:
    """Copy `draft` with the no-break spaces scrapers leave after sentences (as in the seed)."""
    blocks = []
    for b in draft.blocks:
        text = b.text
        if b.kind == PARAGRAPH and ". " in text and rng.random() < 0.3:
            cut = text.index(". ") + 1
            text = text[:cut] + "\u00a0" + text[cut:]
        blocks.append(Block(b.kind, text, b.entities, b.level, b.lookalike))
    return Draft(draft.title, draft.title_entities, blocks)
