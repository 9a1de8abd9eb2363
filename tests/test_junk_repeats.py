"""Pull quotes and duplicate blocks."""

from __future__ import annotations

from helpers import BODY, dump
from retina import clean
from retina.model import RemovedKind


def _article_with(extra: str, at: int = 3):
    body = list(BODY)
    body.insert(at, extra)
    return clean(dump(*body))


def test_exact_sentence_pull_quote() -> None:
    quote = "Supporters of the plan said the expansion would bring hundreds of jobs to the town"
    article = _article_with(quote)
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.PULL_QUOTE
    assert "block 1" in removed.reason


def test_pull_quote_with_small_edits_and_quotes() -> None:
    quote = (
        "“Supporters said the expansion would bring hundreds of new jobs to the town, "
        "while opponents warned that dredging would damage the estuary”"
    )
    article = _article_with(quote)
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]


def test_truncated_pull_quote_before_its_paragraph() -> None:
    quote = (
        "Environmental groups said they would challenge the decision in court, "
        "arguing that the council had ignored"
    )
    article = _article_with(quote, at=1)
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]


def test_duplicate_paragraph_keeps_first() -> None:
    article = _article_with(BODY[0], at=4)
    assert [b.text for b in article.blocks] == BODY
    (removed,) = article.removed
    assert removed.kind is RemovedKind.DUPLICATE_BLOCK
    assert removed.position == 4


def test_paragraphs_sharing_some_words_stay() -> None:
    related = (
        "Supporters of the plan met again on Wednesday to discuss how the jobs would be shared "
        "between the town and the neighbouring villages along the estuary."
    )
    article = _article_with(related)
    assert related in [b.text for b in article.blocks]
    assert article.removed == []


def test_short_repeated_phrase_is_not_a_pull_quote() -> None:
    article = _article_with("The harbour authority expects")
    assert "The harbour authority expects" in [b.text for b in article.blocks]


def test_pull_quote_with_attribution_moved() -> None:
    quote = "“Dredging would damage the estuary and its bird colonies,” opponents warned"
    article = _article_with(quote)
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]
