"""Parse plain-text article dumps, the form scraping aggregators and archives produce.

Layout understood: an optional title line, then optional header lines (the site that
published the dump, a byline, a date) in any order, then the body as paragraphs
separated by blank lines. Hard-wrapped paragraphs are re-joined; Markdown-style
headings, list items and block quotes keep their kind.
"""

from __future__ import annotations

import re
from datetime import datetime

from retina.clean.candidate import Candidate, Draft
from retina.clean.dates import parse_datetime
from retina.clean.tokens import (
    ends_like_sentence,
    sentence_count_at_least_two,
    starts_like_title,
    words,
)
from retina.model import BlockKind

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|author:?|authors:?)\s+(?P<names>.+)$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
_DATE_PREFIX = re.compile(
    r"^(?:published|updated|posted|first\s+published|last\s+updated|date)(?:\s+on)?\s*:?\s*", re.I
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_LIST_ITEM = re.compile(r"^(?:[-*•·–]|\d{1,3}[.)])\s+(.+)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_EMPHASIS = re.compile(r"^([*_]{1,3})(\S.*?\S|\S)\1$")
"""A header line set in Markdown emphasis: "*By Ana Ruiz*", "**The Coastal Ledger**"."""
_CUT_SHORT = re.compile(r"\s*(?:…|\.\.\.)?\s*(\[\+\d+ chars\])$")
"""The mark a news API leaves where it cut the text short: "… [+2345 chars]"."""

_MAX_TITLE_WORDS = 30
_MAX_SITE_WORDS = 6
_MAX_HEADING_WORDS = 10
_HEADER_LINES = 4
_WRAP_MIN, _WRAP_MAX = 40, 100


def parse_plaintext(text: str) -> Draft:
    """Split a plain-text dump into header fields and candidate body blocks."""
    chunks = _paragraphs(text)
    draft = Draft()
    if chunks and _is_title(chunks[0]):
        title = chunks.pop(0)
        heading = _MARKDOWN_HEADING.match(title)
        draft.title = heading.group(2) if heading else _plain(title)
    _take_header_lines(chunks, draft)
    cut = _CUT_SHORT.search(chunks[-1]) if chunks else None
    if cut and cut.start():
        chunks[-1:] = [chunks[-1][: cut.start()], cut.group(1)]
    draft.candidates = _classify(chunks)
    return draft


def _plain(line: str) -> str:
    """The line without the Markdown emphasis around it."""
    emphasis = _EMPHASIS.match(line)
    return emphasis.group(2) if emphasis else line


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    paragraphs: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if not paragraphs and _header_lines(lines):
            paragraphs.extend(lines)
        elif _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _header_lines(lines: list[str]) -> bool:
    """The dump's first lines, not separated by a blank line: a title, then a site line, a
    byline or a date, each on its own line ("Harbour vote passes" / "The Coastal Ledger").
    A wrapped paragraph's next line goes on mid-sentence: in lower case, or ending it."""
    return (
        1 < len(lines) <= _HEADER_LINES + 1
        and _is_title(lines[0])
        and not ends_like_sentence(lines[0])
        and not lines[0].rstrip().endswith((",", ";", ":", "-"))
        and all(
            _BYLINE.match(line) or _parse_date_line(line) or _is_site_line(line)
            for line in lines[1:]
        )
    )


def _hard_wrapped(lines: list[str]) -> bool:
    """True when the lines of a chunk are one paragraph wrapped at a fixed width."""
    if len(lines) < 2:
        return True
    if any(_MARKDOWN_HEADING.match(x) or _LIST_ITEM.match(x) or _QUOTE.match(x) for x in lines):
        return False
    body = lines[:-1]
    wrapped = [x for x in body if _WRAP_MIN <= len(x) <= _WRAP_MAX and not ends_like_sentence(x)]
    return len(wrapped) >= 0.6 * len(body) and max(len(x) for x in lines) <= _WRAP_MAX


def _is_title(line: str) -> bool:
    n = len(words(line))
    return 0 < n <= _MAX_TITLE_WORDS and len(line) <= 300 and not sentence_count_at_least_two(line)


def _take_header_lines(chunks: list[str], draft: Draft) -> None:
    """Consume site, byline and date lines from the top of the body."""
    for _ in range(_HEADER_LINES):
        if len(chunks) < 2:
            return
        line = _plain(chunks[0])
        byline = _BYLINE.match(line)
        date = _parse_date_line(line)
        if byline and not draft.authors and len(words(line)) <= 12 and not ends_like_sentence(line):
            draft.authors = [n for n in _NAME_SPLIT.split(byline.group("names")) if n]
        elif date and draft.published is None:
            draft.published = date
        elif draft.site_name is None and _is_site_line(line):
            draft.site_name = line
        else:
            return
        chunks.pop(0)


def _is_site_line(line: str) -> bool:
    n = len(words(line))
    return (
        0 < n <= _MAX_SITE_WORDS
        and len(line) <= 60
        and starts_like_title(line)
        and not ends_like_sentence(line)
        and not line.rstrip().endswith((":", ",", ";"))
    )


def _parse_date_line(line: str) -> datetime | None:
    candidate = _DATE_PREFIX.sub("", line).strip()
    if len(words(candidate)) > 8 or not _HAS_YEAR.search(candidate):
        return None
    return parse_datetime(candidate)


def _classify(chunks: list[str]) -> list[Candidate]:
    candidates: list[Candidate] = []
    for i, chunk in enumerate(chunks):
        heading = _MARKDOWN_HEADING.match(chunk)
        item = _LIST_ITEM.match(chunk)
        quote = _QUOTE.match(chunk)
        if heading:
            candidates.append(Candidate(BlockKind.HEADING, heading.group(2), len(heading.group(1))))
        elif item:
            candidates.append(Candidate(BlockKind.LIST_ITEM, item.group(1)))
        elif quote:
            candidates.append(Candidate(BlockKind.QUOTE, quote.group(1)))
        elif _is_heading(chunk, chunks[i + 1] if i + 1 < len(chunks) else None):
            candidates.append(Candidate(BlockKind.HEADING, chunk, 2))
        else:
            candidates.append(Candidate(BlockKind.PARAGRAPH, chunk))
    return candidates


def _is_heading(line: str, following: str | None) -> bool:
    """A short unpunctuated line introducing a longer paragraph."""
    if following is None:
        return False
    n = len(words(line))
    return (
        0 < n <= _MAX_HEADING_WORDS
        and starts_like_title(line)
        and not ends_like_sentence(line)
        and not line.rstrip().endswith((":", ",", ";"))
        and len(words(following)) >= 2 * n + 10
    )
