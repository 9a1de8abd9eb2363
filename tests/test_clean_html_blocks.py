"""Blocks of an HTML page: what counts as a block at all."""

from __future__ import annotations

from helpers import BODY
from retina import clean


def test_a_paragraph_of_invisible_characters_is_no_block() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    invisible = "<p>\ufeff</p><p>\u200b </p>"
    page = f"<html><body><article><h1>Vote</h1>{paragraphs}{invisible}</article></body></html>"
    assert [block.text for block in clean(page).blocks] == BODY


def test_text_comes_out_in_composed_unicode() -> None:
    """ "é" written as "e" and a combining accent is stored as the one character "é", in
    the text and the metadata alike, so searching and comparing do not depend on how a
    page happened to encode it."""
    decomposed = "Cafe\u0301 owners in Zu\u0308rich"
    paragraphs = "".join(
        f"<p>{text}</p>" for text in [*BODY[:2], f"{decomposed} agreed.", *BODY[2:]]
    )
    page = (
        f"<html><head><title>{decomposed}</title></head>"
        f"<body><article>{paragraphs}</article></body></html>"
    )
    article = clean(page)
    assert article.title == "Café owners in Zürich"
    assert "Café owners in Zürich agreed." in [block.text for block in article.blocks]
