"""A canonical link to another site's page makes the page a copy of that site's."""

from __future__ import annotations

import pytest

from retina import clean
from retina.clean.syndication import canonical_elsewhere


@pytest.mark.parametrize(
    ("url", "canonical", "origin"),
    [
        (
            "https://www.msn.com/en-gb/news/a1",
            "https://www.theguardian.com/uk/a",
            "theguardian.com",
        ),
        (
            "https://www.welt.de/regional/a.html",
            "https://www.sat1regional.de/a/",
            "sat1regional.de",
        ),
        # the same site at another address
        ("https://edition.cnn.com/2024/a", "https://www.cnn.com/2024/a", None),
        ("https://www.linkedin.com/pulse/a", "https://de.linkedin.com/pulse/a", None),
        ("https://news.bbc.co.uk/a", "https://www.bbc.co.uk/news/a", None),
        ("https://pinup-fashion.de/a", "https://pinup-fashion.com/a", None),
        ("https://seglerblog.stössenseer.de/a", "https://seglerblog.xn--stssenseer-fcb.de/a", None),
        # a publishing platform's host is the site's back office
        ("https://fox13now.com/a", "https://localtvkstu.wordpress.com/a", None),
        ("https://www.ledger.example/a", None, None),
        (None, "https://www.theguardian.com/uk/a", None),
    ],
)
def test_canonical_elsewhere(url: str | None, canonical: str | None, origin: str | None) -> None:
    assert canonical_elsewhere(url, canonical) == origin


def _page(canonical: str, closing: str = "") -> str:
    body = "".join(
        f"<p>Paragraph {i} of the university funding story, with enough words to be prose.</p>"
        for i in range(5)
    )
    return (
        f'<html lang="en"><head><title>Universities warn of cuts</title>'
        f'<link rel="canonical" href="{canonical}"></head>'
        f"<body><article><h1>Universities warn of cuts</h1>{body}{closing}</article></body></html>"
    )


def test_a_copy_credits_the_site_its_canonical_link_names() -> None:
    page = _page("https://www.theguardian.com/education/cuts")
    assert clean(page, url="https://www.msn.com/en-gb/news/cuts").origin == "theguardian.com"
    # an original names itself
    assert clean(page, url="https://www.theguardian.com/education/cuts").origin is None


def test_an_attribution_line_names_the_origin_before_the_canonical_link() -> None:
    page = _page(
        "https://www.theguardian.com/education/cuts",
        "<p>This article first appeared in The Guardian.</p>",
    )
    assert clean(page, url="https://www.msn.com/en-gb/news/cuts").origin == "The Guardian"
