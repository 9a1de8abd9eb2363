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
        # The Conversation's own republishing notice, and the sentences after a credit.
        (
            "This article is republished from The Conversation under a Creative Commons"
            " license. Read the original article.",
            "The Conversation",
            None,
        ),
        (
            "This article was originally published on The Conversation. Read the original article.",
            "The Conversation",
            None,
        ),
        (
            "This story first appeared on Inside Climate News. Sign up for their newsletter.",
            "Inside Climate News",
            None,
        ),
        ("Source: St. Louis Post-Dispatch", "St. Louis Post-Dispatch", None),
        (
            "This article was first published by U.S. News & World Report.",
            "U.S. News & World Report",
            None,
        ),
        (
            "This story was produced by KFF Health News, a national newsroom that produces"
            " in-depth journalism about health issues.",
            "KFF Health News",
            None,
        ),
        (
            "This story was produced in partnership with The Marshall Project.",
            "The Marshall Project",
            None,
        ),
        (
            "A version of this article first appeared in the Financial Times.",
            "Financial Times",
            None,
        ),
        ("This article appeared first on Grist.", "Grist", None),
        ("Reprinted from Yale Environment 360 with permission.", "Yale Environment 360", None),
        (
            "This article originally ran in The Northgate Herald on March 3, 2020.",
            "The Northgate Herald",
            None,
        ),
        ("Originally published on Medium.com. Read more.", "medium.com", None),
        # The same notices in German, French, Spanish, Portuguese and Italian.
        ("Dieser Artikel erschien zuerst bei Zeit Online.", "Zeit Online", None),
        ("Dieser Beitrag ist zuerst bei Zeit Online erschienen.", "Zeit Online", None),
        ("Dieser Artikel erschien zuerst in der EMOTION 10/22.", "EMOTION", None),
        (
            "Cet article est republié à partir de The Conversation sous licence Creative"
            " Commons. Lire l’article original.",
            "The Conversation",
            None,
        ),
        ("Cet article a été publié initialement sur Le Monde.", "Le Monde", None),
        (
            "Este artículo fue publicado originalmente en The Conversation. Lea el original.",
            "The Conversation",
            None,
        ),
        ("Este artículo se publicó originalmente en El País.", "El País", None),
        ("Este texto foi publicado originalmente no The Conversation.", "The Conversation", None),
        (
            "Questo articolo è stato pubblicato originariamente su The Conversation.",
            "The Conversation",
            None,
        ),
        # WordPress's feed footer.
        ("The post Why sleep matters appeared first on Health News Now.", "Health News Now", None),
        ("المصدر: وكالة الأنباء الرسمية", "وكالة الأنباء الرسمية", None),
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
        # A copy elsewhere is not where the text came from.
        "This article was reprinted on Wired.com.",
        # A date or a year is not a publication.
        "This article was originally published on March 3, 2020.",
        "This article was originally published in 2019 and has been updated.",
        "This interview has been edited for length and clarity.",
        # German pages close press releases and studies with "Quelle:" too.
        "Quelle: Science, Rice University, Princeton University",
        "Este artículo fue publicado en 2019.",
        # a paper the article cites is no publication it was copied from
        "Quelle: Hilimire, Matthew R. et al.(2015): Fermented foods, neuroticism, and social"
        " anxiety: An interaction model, abgerufen am 21.09.22:",
        "Source: Smith, J. (2019). Sleep and memory in adolescents.",
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


def test_republishing_notice_with_call_to_action_sets_origin() -> None:
    notice = (
        "This article is republished from The Conversation under a Creative Commons license."
        " Read the original article."
    )
    article = clean(dump(*BODY, notice))
    assert article.origin == "The Conversation"
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.ATTRIBUTION]


@pytest.mark.parametrize(
    ("credited", "site", "url"),
    [
        ("The Coastal Ledger", "Coastal Ledger", None),
        ("Coastal Ledger", None, "https://www.coastal-ledger.example/2026/harbour"),
        ("The Conversation", None, "https://theconversation.com/harbour-123"),
        ("coastal-ledger.example", "Coastal Ledger", "https://coastal-ledger.example/a"),
    ],
)
def test_a_credit_to_the_site_itself_however_written_is_no_origin(
    credited: str, site: str | None, url: str | None
) -> None:
    named = f'<meta property="og:site_name" content="{site}">' if site else ""
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    page = (
        f"<html><head><title>Harbour</title>{named}</head><body><article>{paragraphs}"
        f"<p>Originally published by {credited}</p></article></body></html>"
    )
    article = clean(page, url=url)
    assert article.origin is None
    assert [r.kind for r in article.removed] == [RemovedKind.ATTRIBUTION]


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("来源：新华社", "新华社"),
        ("本文来源：人民日报", "人民日报"),
        ("来源：新华网 作者：李华", "新华网"),
    ],
)
def test_a_chinese_source_line_credits_the_publication(line: str, origin: str) -> None:
    attribution = parse_attribution(line)
    assert attribution is not None and attribution.origin == origin
