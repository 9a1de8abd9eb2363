"""The origin of a group of copies and each copy's chain, from the evidence alone."""

from __future__ import annotations

from datetime import UTC, datetime

from retina.link.origin import Posting, decide, publication_key


def posting(
    id: int,
    site: str | None,
    *,
    credited: str | None = None,
    url: str | None = None,
    canonical: str | None = None,
    day: int | None = None,
) -> Posting:
    published = datetime(2024, 6, day, tzinfo=UTC) if day else None
    return Posting(id, site, credited, url, canonical, published, order=id)


def test_publication_names_compare_loosely() -> None:
    assert publication_key("The Spectator Australia") == publication_key("spectator  australia")
    assert publication_key("Le Monde") == publication_key("LE MONDÉ")
    assert publication_key("The Spectator") != publication_key("The Spectator Australia")
    assert publication_key(None) is None


def test_attribution_lines_make_the_chain() -> None:
    members = [
        posting(1, "The Daily Retina", credited="The Spectator Australia"),
        posting(2, "The Spectator Australia", credited="The Spectator", day=3),
        posting(3, "The Spectator", day=2),
    ]
    lead, decisions = decide(members)
    assert lead == 3
    assert decisions[1].chain == ("The Daily Retina", "The Spectator Australia", "The Spectator")
    assert (
        decisions[1].copied_from == 2 and decisions[1].reason == "credits The Spectator Australia"
    )
    assert decisions[2].copied_from == 3
    assert decisions[3].copied_from is None and decisions[3].origin is None


def test_a_credit_to_an_unstored_publication_ends_the_chain_there() -> None:
    lead, decisions = decide([posting(1, "The Daily Retina", credited="The Spectator Australia")])
    assert lead == 1
    assert decisions[1].chain == ("The Daily Retina", "The Spectator Australia")
    assert decisions[1].origin == "The Spectator Australia"


def test_a_canonical_link_beats_dates_and_credits_name_hosts() -> None:
    members = [
        posting(1, "Copycat", url="copy.example/a", canonical="orig.example/a", day=1),
        posting(2, "Original Times", url="orig.example/a", day=5),
        posting(3, "Aggregator", credited="orig.example", day=2),
    ]
    lead, decisions = decide(members)
    assert lead == 2
    assert decisions[1].copied_from == 2 and decisions[1].reason == "canonical link"
    assert decisions[3].copied_from == 2


def test_without_evidence_the_earliest_is_the_origin() -> None:
    members = [posting(1, "A", day=9), posting(2, "B", day=4), posting(3, "C")]
    lead, decisions = decide(members)
    assert lead == 2
    assert decisions[1].copied_from == 2 and decisions[1].reason == "published later"
    assert decisions[3].chain == ("C", "B")


def test_copies_pointing_at_each_other_do_not_loop() -> None:
    members = [
        posting(1, "A", url="a.example/x", canonical="b.example/x", day=1),
        posting(2, "B", url="b.example/x", canonical="a.example/x", day=2),
    ]
    lead, decisions = decide(members)
    assert lead in (1, 2)
    assert {d.copied_from for d in decisions.values()} == {None, lead}


def test_a_page_that_does_not_name_its_site_is_named_by_its_copies_credit() -> None:
    members = [
        posting(1, None, url="portal.example/a", day=1),
        posting(2, "Copier", credited="Portal Weekly", canonical="portal.example/a", day=2),
        posting(3, "Reposter", url="re.example/a", canonical="portal.example/a", day=3),
    ]
    lead, decisions = decide(members)
    assert lead == 1
    assert decisions[1].chain == ("Portal Weekly",)
    assert decisions[3].chain == ("Reposter", "Portal Weekly")
    assert decide([posting(7, None, url="portal.example/b")])[1][7].chain == ("portal.example",)
