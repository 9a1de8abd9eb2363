"""The article text a page declares in its JSON-LD (`articleBody`), as a witness.

Publishers that fill schema.org's `articleBody` put there the article's own text, without
the page around it: no related links, captions, author boxes or promotions. It has no
structure (no headings, often no paragraph breaks) and is sometimes only the first
paragraphs, so it is not used as the text; it tells which extracted blocks are the
article's. When it holds most of the extracted text, it is the whole article, and a
paragraph or quote it does not hold is page furniture the engines took for text.
Headings, lists and tables are often left out of it and stay; so do the paragraphs above
the first one it holds (a standfirst, which pages declare apart or not at all).

Restoring the blocks it holds that the engines' blend drops was measured too: on
trafilatura-eval it brought back no snippet and let two unwanted ones in, so it is not
done.

Blocks are compared by their letters and digits only (case, spacing, punctuation and
markup aside), so quotes, dashes and the spacing between inline elements do not matter.
"""

from __future__ import annotations

import html
import re

from retina.clean.candidate import Candidate
from retina.clean.tokens import letters_and_digits
from retina.model import BlockKind

_MARKUP = re.compile(r"<[^>]{0,500}>")
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote)\s*>", re.IGNORECASE)
"""Markup that ends a paragraph in a declared body that holds HTML."""
_MIN_BODY_CHARS = 200
"""A shorter declared body is a summary."""
_MAX_SEARCHED_CHARS = 200_000_000
"""Declared characters times blocks: each block is searched in the declared text."""
_MIN_HELD_SHARE = 0.6
_MIN_MISSED_CHARS = 1_000
_MISSED_RATIO = 3
_MAX_HELD_IF_MISSED = 0.2
"""A declared article of at least `_MIN_MISSED_CHARS` letters, `_MISSED_RATIO` times the
candidates' and holding under this share of them, is the article the engines missed."""
"""Share of the extracted text the declared body must hold to be the whole article."""
_JUDGED = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE})
"""Headings, lists and tables are often kept out of a declared body (a review's pros and
cons, a fact box) though they are the article's: only paragraphs and quotes are judged."""


class DeclaredBody:
    """The page's declared article text (and its description), ready for comparisons."""

    def __init__(self, body: str | None, lead: str | None) -> None:
        self._body = body or ""
        self._declared = _key(_MARKUP.sub(" ", self._body))
        long_enough = len(self._declared) >= _MIN_BODY_CHARS
        self._key = f"{_key(lead or '')} {self._declared}" if long_enough else ""
        self._block_keys: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._key)

    def mark_outside(self, candidates: list[Candidate]) -> None:
        """Sets `outside_declared_body` on the paragraphs and quotes it does not hold, below
        the first one it holds, when it holds most of the candidates' text."""
        if not self or len(self._key) * len(candidates) > _MAX_SEARCHED_CHARS:
            return  # none, or too large to search once per block (a hostile page)
        keys = [self._block_key(c.text) for c in candidates]
        held = [bool(key) and key in self._key for key in keys]
        total = sum(map(len, keys))
        inside = sum(len(key) for key, h in zip(keys, held, strict=True) if h)
        if not total or inside < _MIN_HELD_SHARE * total:
            return  # a teaser or the first paragraphs only: it says nothing of the rest
        start = next(
            (i for i, c in enumerate(candidates) if held[i] and c.kind in _JUDGED), len(keys)
        )
        for candidate, h in zip(candidates[start:], held[start:], strict=True):
            if not h and candidate.kind in _JUDGED:
                candidate.outside_declared_body = True

    def paragraphs(self, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates, or the declared body's paragraphs when the only candidate is the
        declared body run together: a page whose HTML shows no text (a script renders it)
        is read from its JSON-LD, and only the declared text has the paragraph breaks.
        Also when the engines missed the article: a page that renders only its summary and
        the author's biography, the article itself by script."""
        if not self:
            return candidates
        run_together = (
            len(candidates) == 1
            and candidates[0].kind is BlockKind.PARAGRAPH
            and self._block_key(candidates[0].text) == self._declared
        )
        if run_together:
            paragraphs = self._paragraphs()
            return paragraphs if len(paragraphs) > 1 else candidates
        if self._missed_by(candidates):
            return self._paragraphs()
        return candidates

    def _missed_by(self, candidates: list[Candidate]) -> bool:
        """Whether the declared article is long, several times the candidates' text, and
        holds next to none of it: the engines found something else on the page (the
        description, which the page may show as its summary, does not count as held)."""
        if len(self._declared) < _MIN_MISSED_CHARS:
            return False
        if len(self._declared) * len(candidates) > _MAX_SEARCHED_CHARS:
            return False
        keys = [self._block_key(c.text) for c in candidates]
        total = sum(map(len, keys))
        if total * _MISSED_RATIO > len(self._declared):
            return False  # most pages: the engines found about as much as is declared
        held = sum(len(key) for key in keys if key and key in self._declared)
        return held < _MAX_HELD_IF_MISSED * total

    def _block_key(self, text: str) -> str:
        """A block's key, made once: `paragraphs` and `mark_outside` both read it, and it
        costs about 20 µs a paragraph."""
        key = self._block_keys.get(text)
        if key is None:
            key = self._block_keys[text] = _key(text)
        return key

    def _paragraphs(self) -> list[Candidate]:
        """The declared body's paragraphs, by its line breaks or its paragraph markup."""
        text = _BREAK.sub("\n", self._body)
        if "<" in text:
            text = _MARKUP.sub(" ", text)
        if "&" in text:
            text = html.unescape(text)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        return [Candidate(BlockKind.PARAGRAPH, line) for line in lines if line]


def _key(text: str) -> str:
    """Letters and digits, character references decoded on both sides, twice over: a page
    that escaped "%" twice shows "400&percnt;" in its text where its JSON-LD says
    "400&percnt;" too."""
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return letters_and_digits(text)
