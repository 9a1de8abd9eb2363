"""Blocks of an HTML page: what counts as a block at all."""

from __future__ import annotations

from helpers import BODY
from retina import clean


def test_a_paragraph_of_invisible_characters_is_no_block() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    invisible = "<p>\ufeff</p><p>\u200b </p>"
    page = f"<html><body><article><h1>Vote</h1>{paragraphs}{invisible}</article></body></html>"
    assert [block.text for block in clean(page).blocks] == BODY
