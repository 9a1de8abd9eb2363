"""The news agency a wire story's dateline credits becomes the article's origin."""

from __future__ import annotations

import pytest

from helpers import BODY
from retina import clean
from retina.clean.dateline import (
    agency_author,
    closing_agency,
    copyright_agency,
    credited_agency,
)

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


@pytest.mark.parametrize(
    ("notice", "agency"),
    [
        (
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be"
            " published, broadcast, rewritten or redistributed.",
            "The Associated Press",
        ),
        ("© 2024 Reuters", "Reuters"),
        ("© Reuters 2024", "Reuters"),
        ("(c) 2023 The Canadian Press", "The Canadian Press"),
        # the site's own notice, or a holder that is no agency
        ("Copyright © 2024 The Daily Ledger. All rights reserved.", None),
        ("© 2024 Harbour Holdings Inc.", None),
    ],
)
def test_an_agency_s_copyright_notice_names_it(notice: str, agency: str | None) -> None:
    assert copyright_agency(notice, "The Daily Ledger", "https://dailyledger.example/a") == agency


@pytest.mark.parametrize(
    ("authors", "url", "agency"),
    [
        (["The Associated Press"], "https://dailyledger.example/a", "The Associated Press"),
        (["AFP"], "https://dailyledger.example/a", "AFP"),
        (["Reuters"], "https://www.reuters.com/world/a", None),  # the agency's own page
        (["Ana Ruiz", "The Associated Press"], "https://dailyledger.example/a", None),
    ],
)
def test_an_agency_as_the_only_author_is_the_origin(
    authors: list[str], url: str, agency: str | None
) -> None:
    assert agency_author(authors, "The Daily Ledger", url) == agency


def test_a_wire_copy_credited_only_by_its_closing_notice_names_its_origin() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    notice = "<p>Copyright 2024 The Associated Press. All rights reserved.</p>"
    page = f"<html><body><article><h1>Vote</h1>{paragraphs}{notice}</article></body></html>"
    article = clean(page, url="https://dailyledger.example/news/vote")
    assert article.origin == "The Associated Press"
    assert [block.text for block in article.blocks] == BODY


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("【ワシントン共同】米政府は５日、港湾予算を発表した。", "Kyodo News"),
        ("(서울=연합뉴스) 김철수 기자 = 시의회는 화요일 예산을 통과시켰다.", "Yonhap"),
        ("新华社北京12月6日电 市议会周二通过了港区预算。", "Xinhua"),
        ("据新华社报道，市议会周二通过了港区预算。", None),  # a report citing the agency
    ],
)
def test_japanese_korean_and_chinese_datelines(opening: str, agency: str | None) -> None:
    assert credited_agency(opening, None, "https://harbour.example/a") == agency


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("With files from The Canadian Press", "The Canadian Press"),
        ("(With inputs from PTI)", "PTI"),
        ("Le Monde avec AFP", "AFP"),
        ("Mit Material von dpa", "dpa"),
        ("With agencies", None),  # no agency named
        ("The council met with the Associated Press on Tuesday to discuss the plan.", None),
    ],
)
def test_a_closing_credit_of_part_of_the_text_names_the_agency(
    line: str, agency: str | None
) -> None:
    assert closing_agency(line, "The Daily Ledger", "https://dailyledger.example/a") == agency


def test_the_closing_credit_names_the_origin_and_stays_in_the_text() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        f"<html><body><article><h1>Vote</h1>{paragraphs}"
        "<p>With files from The Canadian Press</p></article></body></html>"
    )
    article = clean(page, url="https://dailyledger.example/news/vote")
    assert article.origin == "The Canadian Press"
    assert article.blocks[-1].text == "With files from The Canadian Press"
