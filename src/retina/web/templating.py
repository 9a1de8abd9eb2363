"""The Jinja environment the pages are rendered with: filters and URL helpers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.datastructures import URL

from retina.clean.tokens import letters_and_digits, words
from retina.model import Article

TEMPLATES_DIR = Path(__file__).with_name("templates")


def format_date(value: datetime) -> str:
    """`12 March 2024`."""
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: datetime) -> str:
    """`12 March 2024, 14:05 UTC+01:00`; just the date when no time of day is known."""
    text = format_date(value)
    if (value.hour, value.minute, value.second) != (0, 0, 0):
        text += f", {value:%H:%M}"
        if value.tzinfo is not None:
            text += f" {value:%Z}"
    return text


def http_url(value: str | None) -> str | None:
    """`value` if it is an http(s) URL, else None: never link to `javascript:` and the like."""
    if value and value.lower().startswith(("http://", "https://")):
        return value
    return None


def count_articles(count: int) -> str:
    """`1 article`, `12 articles`."""
    return f"{count} article" if count == 1 else f"{count} articles"


_OPENING_BLOCKS = 5
"""Blocks the text may open with before the standfirst: a menu line, a kicker, a byline."""
_LEAD_WORDS_COMPARED = 10
_EXCERPT_WORDS = 8
"""Words of a block's opening that, found in the lead, make it an excerpt of the text."""
_EXCERPT_PREFIX_WORDS = 12
"""Words an excerpt may put before the text's opening: a byline and a dateline."""


def standfirst(article: Article) -> str | None:
    """The lead to show under the headline, or None when the text says it already: the
    text opens with it within its first blocks (after a menu, a kicker or a byline the page
    left), or it is an excerpt of the text's opening, cut short mid-word and perhaps with a
    byline or dateline the other lacks ("By Leigh Ann Caldwell CNN WASHINGTON (CNN) — Not
    everyone … drone prohibiti")."""
    if not article.lead:
        return None
    lead = words(article.lead)
    if not lead:
        return None
    compared = min(max(len(lead) - 1, 1), _LEAD_WORDS_COMPARED)  # the last word may be cut
    for block in article.blocks[:_OPENING_BLOCKS]:
        opening = words(block.text)
        if opening[:compared] == lead[:compared]:
            return None
        if _opens_near_start(opening, lead) or _opens_near_start(lead, opening):
            return None
    return article.lead


def _opens_near_start(first: list[str], second: list[str]) -> bool:
    """Whether `second` holds the opening words of `first`, a few words from its start."""
    if len(first) < _EXCERPT_WORDS:
        return False
    head = first[:_EXCERPT_WORDS]
    last_start = min(_EXCERPT_PREFIX_WORDS, len(second) - _EXCERPT_WORDS)
    return any(second[i : i + _EXCERPT_WORDS] == head for i in range(last_start + 1))


def byline(article: Article) -> list[str]:
    """The authors the article page credits: the outlet's own name, which the kicker above
    shows already, is no byline ("By SPIEGEL ONLINE" under "SPIEGEL ONLINE")."""
    site = letters_and_digits(article.site_name) if article.site_name else None
    return [name for name in article.authors if letters_and_digits(name) != site]


def section_label(name: str) -> str:
    """A section's name as the reader shows it: as the site wrote it, with a capital first
    letter when it wrote none ("ciencia", "politics"); "iPhone" and "DER SPIEGEL" stay."""
    return name[:1].upper() + name[1:] if name.islower() else name


def section_url(request: Request, name: str | None) -> URL:
    """The page of section `name`, or of the articles without a section if it is blank."""
    if not name or not name.strip():
        return request.url_for("unsectioned")
    return request.url_for("section", name=_path_segment(name))


def site_url(request: Request, name: str) -> URL:
    """The page of the outlet named `name`."""
    return request.url_for("site", name=_path_segment(name))


def _path_segment(name: str) -> str:
    # Starlette puts path parameters into URLs as they are; names may contain "/", "?", "#".
    return quote(name, safe="")


@jinja2.pass_context
def _section_url(context: jinja2.runtime.Context, name: str | None) -> URL:
    return section_url(context["request"], name)


@jinja2.pass_context
def _site_url(context: jinja2.runtime.Context, name: str) -> URL:
    return site_url(context["request"], name)


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.filters.update(
    date=format_date,
    datetime=format_datetime,
    http_url=http_url,
    articles=count_articles,
    standfirst=standfirst,
    section=section_label,
    byline=byline,
)
templates.env.globals.update(section_url=_section_url, site_url=_site_url)
