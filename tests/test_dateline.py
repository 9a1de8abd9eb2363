"""The news agency a wire story's dateline credits becomes the article's origin."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina import clean
from retina.clean.dateline import credited_agency

_STORY = (
    "<html><head><title>Senate passes spending bill</title>"
    '<meta property="og:site_name" content="{site}"></head><body><article>'
    "<h1>Senate passes spending bill</h1><p>{opening}</p>"
    + "".join(f"<p>{text}</p>" for text in BODY)
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("opening", "origin"),
    [
        ("WASHINGTON (AP) — The Senate passed a stopgap bill late Friday.", "The Associated Press"),
        ("LONDON, Dec 7 (Reuters) - Oil prices rose on Monday.", "Reuters"),
        ("Bogotá (dpa) - Gebrochene Wirbelsäule, gebrochener Oberschenkel.", "dpa"),
        ("WASHINGTON (CNN) — Not everyone subscribes to a resolution.", "CNN"),
        ("MADRID, 7 dic (EFE).- El Gobierno aprobó el martes el plan del puerto.", "EFE"),
        ("(Reuters) - Oil prices rose on Monday as investors weighed supply risks.", "Reuters"),
        # the wires companies' press releases go out on
        (
            "NEW YORK, Nov. 7, 2024 /PRNewswire/ -- Acme Corp today reported record revenue.",
            "PR Newswire",
        ),
        (
            "SAN FRANCISCO--(BUSINESS WIRE)--Globex Corporation today named a new chief.",
            "Business Wire",
        ),
        (
            "LONDON, Dec. 2, 2024 (GLOBE NEWSWIRE) -- Initech plc today announced results.",
            "GlobeNewswire",
        ),
        (
            "TORONTO, Dec. 2, 2024 /CNW/ - Acme Canada today opened a plant in Ontario.",
            "Canada Newswire",
        ),
    ],
)
def test_an_agency_dateline_on_another_site_is_the_origin(opening: str, origin: str) -> None:
    article = clean(_STORY.format(site="The Springfield Daily", opening=opening))
    assert article.origin == origin


@pytest.mark.parametrize(
    ("site", "url"),
    [("AP News", None), ("Springfield", "https://apnews.com/article/x"), ("Reuters UK", None)],
)
def test_the_agency_s_own_page_credits_no_one(site: str, url: str | None) -> None:
    opening = "WASHINGTON (AP) — The Senate passed a stopgap bill late Friday."
    if site == "Reuters UK":
        opening = "LONDON (Reuters) - Oil prices rose on Monday."
    assert credited_agency(opening, site, url) is None


@pytest.mark.parametrize(
    "opening",
    [
        "SAN FRANCISCO (KRON) — A station's own dateline names no agency.",
        "The Senate (AP reported) passed the bill — late on Friday.",
        "Officials said (AP) — a parenthesis deep in a sentence is no dateline.",
    ],
)
def test_what_is_no_agency_dateline(opening: str) -> None:
    assert credited_agency(opening, "The Springfield Daily", None) is None


def test_a_release_wire_s_own_page_credits_no_one() -> None:
    opening = "NEW YORK, Nov. 7, 2024 /PRNewswire/ -- Acme Corp today reported record revenue."
    article = clean(
        _STORY.format(site="PR Newswire", opening=opening),
        url="https://www.prnewswire.com/news-releases/acme-reports-301.html",
    )
    assert article.origin is None
