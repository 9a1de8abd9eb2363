"""Parsing HTML into the tree every engine reads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import html as lxml_html

from retina import clean
from retina.clean.html import parse_tree
from retina.errors import InputError


def test_elements_are_plain_html_elements() -> None:
    tree = parse_tree("<html><body><form><input name='q'></form><p>Text</p></body></html>")
    assert all(type(e) is lxml_html.HtmlElement for e in tree.iter() if isinstance(e.tag, str))
    assert tree.find(".//p").text_content() == "Text"


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Text</p></body></html>',
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><body><p>Text</p></body></html>',
        "<!DOCTYPE html>\n<html/>\n<body><p>Text</p></body>",
        '<html><head><meta charset="utf-8"></head><body><p>Text</p></body></html>',
    ],
)
def test_declarations_and_breakage_are_repaired(text: str) -> None:
    assert parse_tree(text).find(".//p").text_content() == "Text"


def test_a_fragment_that_is_not_html_is_refused() -> None:
    with pytest.raises(InputError, match="not a well-formed document"):
        parse_tree("just some words")


def test_threads_each_parse_their_own_pages() -> None:
    pages = [f"<html><body><p>Page {n}</p></body></html>" for n in range(400)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda page: parse_tree(page).find(".//p").text_content(), pages))
    assert texts == [f"Page {n}" for n in range(400)]


def test_control_characters_written_as_references_do_not_break_the_tree() -> None:
    """A "&#8;" becomes a control character in the tree, which lxml refuses in any text
    built from it (a removed script's tail joined to the text before it)."""
    page = (
        "<html><body><p>The harbour &#8;vote</p><script>var x;</script>&#x1f;after"
        "<p>The council voted on the harbour plan on Tuesday after a long debate.</p>"
        "<p>Text &#xFFFF; and &#1114112; here.</p></body></html>"
    )
    article = clean(page)
    assert "The harbour vote" in article.text
    assert "after" in article.text


def test_a_reference_of_thousands_of_digits_is_no_crash() -> None:
    """Python's `int` refuses to read more than 4,300 digits."""
    page = (
        "<html><body><p>The council voted on the harbour plan on Tuesday after a long"
        f" debate. &#{'9' * 5000};</p></body></html>"
    )
    assert clean(page).text.startswith("The council voted")
