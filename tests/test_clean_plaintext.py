"""Plain-text dumps: the header lines (title, site, byline, date) and the body's paragraphs."""

from __future__ import annotations

from datetime import datetime

from helpers import BODY
from retina import clean
from retina.clean.plaintext import parse_plaintext

_TITLE = "Harbour expansion approved after two-year fight"


def test_header_lines_without_a_blank_line_between_them() -> None:
    """A title line straight above the site line is two lines, not a wrapped paragraph."""
    draft = parse_plaintext(_TITLE + "\nThe Coastal Ledger\n\n" + "\n\n".join(BODY))
    assert (draft.title, draft.site_name) == (_TITLE, "The Coastal Ledger")
    assert [c.text for c in draft.candidates] == BODY


def test_title_byline_and_date_lines() -> None:
    draft = parse_plaintext(_TITLE + "\nBy Jane Roe\nMarch 3, 2026\n\n" + "\n\n".join(BODY))
    assert (draft.title, draft.authors) == (_TITLE, ["Jane Roe"])
    assert draft.published == datetime(2026, 3, 3)
    assert [c.text for c in draft.candidates] == BODY


def test_a_hard_wrapped_opening_paragraph_is_joined() -> None:
    """Its next line goes on mid-sentence, in lower case: no header line."""
    wrapped = (
        "The city council of Marlow voted on Tuesday to expand the harbour, ending a\n"
        "debate that had divided residents for more than two years and delayed the\n"
        "investment in the port."
    )
    draft = parse_plaintext(wrapped + "\n\n" + "\n\n".join(BODY))
    assert draft.site_name is None
    assert draft.candidates[0].text == " ".join(wrapped.split("\n"))


def test_markdown_marks_leave_the_title_and_the_header_lines() -> None:
    text = "# Harbour vote passes\n\n*By Ana Ruiz*\n\n**The Coastal Ledger**\n\n" + "\n\n".join(
        BODY
    )
    draft = parse_plaintext(text)
    assert (draft.title, draft.authors, draft.site_name) == (
        "Harbour vote passes",
        ["Ana Ruiz"],
        "The Coastal Ledger",
    )
    assert [c.text for c in draft.candidates] == BODY


def test_the_mark_of_a_text_cut_short_is_no_part_of_it() -> None:
    """A news API's "… [+2345 chars]" is set apart, for the page-line detector to remove."""
    text = "Harbour vote passes\n\n" + "\n\n".join(BODY) + " … [+2345 chars]"
    article = clean(text)
    assert [block.text for block in article.blocks] == BODY
    assert [piece.text for piece in article.removed] == ["[+2345 chars]"]
