"""Attribution lines: parsed into origin and section, removed from the text."""

from __future__ import annotations

import pytest

from helpers import BODY, dump
from retina import clean
from retina.clean.junk.attribution import parse_attribution
from retina.model import RemovedKind


@pytest.mark.parametrize(
    ("line", "origin", "section"),
    [
        ("Source: World – The Spectator Australia", "The Spectator Australia", "World"),
        ("Source: World - The Spectator Australia", "The Spectator Australia", "World"),
        ("Source: Politics | The Northgate Herald", "The Northgate Herald", "Politics"),
        ("Source: The Northgate Herald | Politics", "The Northgate Herald", "Politics"),
        ("Source: Reuters", "Reuters", None),
        ("Via Reuters", "Reuters", None),
        ("Via: The Coastal Ledger", "The Coastal Ledger", None),
        ("Originally published by The Northgate Herald", "The Northgate Herald", None),
        (
            "Originally published at https://www.northgate-herald.example/a/b",
            "northgate-herald.example",
            None,
        ),
        ("This article first appeared in The Conversation.", "The Conversation", None),
        ("This article first appeared on The Conversation", "The Conversation", None),
        ("This story was originally published by ProPublica.", "ProPublica", None),
        ("Republished with permission from The Coastal Ledger", "The Coastal Ledger", None),
    ],
)
def test_parse_forms(line: str, origin: str, section: str | None) -> None:
    found = parse_attribution(line)
    assert found is not None
    assert (found.origin, found.section) == (origin, section)


@pytest.mark.parametrize(
    "line",
    [
        "Sources say the deal is off.",
        "Source code for the app was published on Tuesday by the developers of the tool.",
        "via email",
        "Via the new pipeline, gas will flow from the coast to the capital within a year.",
        "Source: http://[::1",  # a URL that does not parse credits nobody (and no crash)
    ],
)
def test_not_attribution(line: str) -> None:
    assert parse_attribution(line) is None


def test_trailing_attribution_sets_origin_and_is_removed() -> None:
    article = clean(dump(*BODY, "Originally published by The Northgate Herald"))
    assert article.origin == "The Northgate Herald"
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.ATTRIBUTION]


def test_source_line_in_the_middle_is_text() -> None:
    body = list(BODY)
    body.insert(1, "Source: Reuters")
    article = clean(dump(*body))
    assert article.origin is None
    assert "Source: Reuters" in [b.text for b in article.blocks]


def test_self_credit_is_not_an_origin() -> None:
    article = clean(dump(*BODY, "Source: Coastal Ledger"))
    assert article.origin is None


def test_short_leading_attribution_sets_origin() -> None:
    article = clean(dump("Via The Northgate Herald", *BODY))
    assert article.origin == "The Northgate Herald"
    assert [b.text for b in article.blocks] == BODY


def test_lead_paragraph_opening_with_via_is_text() -> None:
    lead = "Via Appia Antica reopened to walkers on Sunday after a year of repairs to its stones."
    article = clean(dump(lead, *BODY))
    assert article.origin is None
    assert [b.text for b in article.blocks] == [lead, *BODY]
