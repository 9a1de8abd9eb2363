"""Blending trafilatura's and the Readability engine's blocks."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from helpers import BODY
from retina.clean.blend import FEATURES, blend, features, merge, split_like
from retina.clean.candidate import Candidate
from retina.clean.html import choose_blocks
from retina.model import BlockKind


def _blocks(*texts: str) -> list[Candidate]:
    return [Candidate(BlockKind.PARAGRAPH, text) for text in texts]


def test_merge_keeps_document_order_and_each_block_once() -> None:
    """A block only the Readability engine found follows the last block both found."""
    trafilatura = _blocks("Menu", BODY[0], BODY[2], "Comments (3)")
    readability = _blocks(BODY[0], BODY[1], BODY[2], BODY[3])
    merged = merge(trafilatura, readability)
    assert [b.candidate.text for b in merged] == [
        "Menu",
        BODY[0],
        BODY[1],
        BODY[2],
        BODY[3],
        "Comments (3)",
    ]
    assert [(b.from_trafilatura, b.from_readability) for b in merged] == [
        (True, False),
        (True, True),
        (False, True),
        (True, True),
        (False, True),
        (True, False),
    ]


def test_a_paragraph_the_page_repeats_is_kept_in_both_places() -> None:
    """trafilatura keeps a repeated paragraph once; the second copy is Readability's own,
    and what follows it is not moved back to the first copy."""
    trafilatura = _blocks(BODY[0], BODY[1], BODY[2])
    readability = _blocks(BODY[0], BODY[1], BODY[2], BODY[0], BODY[3])
    merged = merge(trafilatura, readability)
    assert [b.candidate.text for b in merged] == [BODY[0], BODY[1], BODY[2], BODY[0], BODY[3]]
    assert [b.from_trafilatura for b in merged] == [True, True, True, False, False]


def test_a_paragraph_whose_words_the_engines_split_differently_is_one_block() -> None:
    """An inline element inside a word ("import<em>ing</em>") is a space in trafilatura's
    text: the paragraph is one block both engines found, as the Readability engine spaced it."""
    spaced = "Our importer kept modules import ing cleanly, and the port went on."
    joined = "Our importer kept modules importing cleanly, and the port went on."
    merged = merge(_blocks(BODY[0], spaced, BODY[2]), _blocks(BODY[0], joined, BODY[2]))
    assert [b.candidate.text for b in merged] == [BODY[0], joined, BODY[2]]
    assert all(b.from_trafilatura and b.from_readability for b in merged)


def test_text_inside_an_earlier_block_does_not_move_the_insertion_point_back() -> None:
    """trafilatura ran two paragraphs into one block; Readability has them apart."""
    trafilatura = _blocks(f"{BODY[0]} {BODY[1]}", BODY[2], "Comments (3)")
    readability = _blocks(BODY[0], BODY[2], BODY[1], BODY[3])
    merged = merge(trafilatura, readability)
    assert [b.candidate.text for b in merged] == [
        f"{BODY[0]} {BODY[1]}",
        BODY[2],
        BODY[3],
        "Comments (3)",
    ]


def test_features_have_one_value_per_named_feature() -> None:
    merged = merge(_blocks(*BODY), _blocks(*BODY[:2]))
    rows = features(merged, set())
    assert len(rows) == len(BODY)
    assert all(len(row) == len(FEATURES) for row in rows)


def test_shipped_weights_match_the_features() -> None:
    raw = json.loads(resources.files("retina.clean").joinpath("blend_weights.json").read_text())
    assert raw["features"] == list(FEATURES)
    assert len(raw["coefficients"]) == len(FEATURES)
    assert raw["trained_on"]["split"].startswith("tune")


def test_blend_keeps_what_both_engines_found_and_drops_link_junk() -> None:
    links = ["Most popular", "Privacy policy | Terms of use | Contact"]
    trafilatura = _blocks(*BODY, *links)
    readability = _blocks(*BODY)
    kept = [c.text for c in blend(trafilatura, readability, set(links))]
    assert kept[: len(BODY)] == BODY
    assert links[1] not in kept


def test_a_section_heading_between_kept_paragraphs_is_kept() -> None:
    """A subheading only the Readability engine found, between paragraphs the blend keeps
    and above one of prose, is part of the article; a heading above links is not."""
    first, second = BODY[0], BODY[1]
    more = "Read more stories from our newsroom today"
    trafilatura = _blocks(first, second, more)
    readability = [
        Candidate(BlockKind.PARAGRAPH, first),
        Candidate(BlockKind.HEADING, "Why it matters", 2),
        Candidate(BlockKind.PARAGRAPH, second),
        Candidate(BlockKind.HEADING, "More from the newsroom", 2),
        Candidate(BlockKind.PARAGRAPH, more),
    ]
    kept = [c.text for c in blend(trafilatura, readability, {more})]
    assert kept[:3] == [first, "Why it matters", second]
    assert "More from the newsroom" not in kept


def test_a_live_blog_entry_heading_under_its_time_is_kept() -> None:
    """A dropped time ("10:00") between the text before and the next entry's heading does
    not part the heading from the article."""
    trafilatura = _blocks(BODY[0], BODY[1], BODY[2])
    readability = [
        Candidate(BlockKind.PARAGRAPH, BODY[0]),
        Candidate(BlockKind.PARAGRAPH, "10:00"),
        Candidate(BlockKind.HEADING, "Second vote called", 3),
        Candidate(BlockKind.PARAGRAPH, BODY[1]),
        Candidate(BlockKind.PARAGRAPH, "11:00"),
        Candidate(BlockKind.HEADING, "Council adjourns", 3),
        Candidate(BlockKind.PARAGRAPH, BODY[2]),
    ]
    kept = [c.text for c in blend(trafilatura, readability, set())]
    assert kept == [BODY[0], "Second vote called", BODY[1], "Council adjourns", BODY[2]]


def test_a_block_only_the_readability_engine_found_needs_a_higher_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every block scored at probability 0.55: enough for what trafilatura found, not for
    what only the Readability engine found."""
    import math

    from retina.clean import blend as blend_module

    monkeypatch.setattr(
        blend_module, "_weights", lambda: (math.log(0.55 / 0.45), (0.0,) * len(FEATURES))
    )
    extra = "A teaser for another story that only one engine kept on the page."
    kept = [c.text for c in blend(_blocks(*BODY), _blocks(*BODY, extra), set())]
    assert kept == BODY


def test_a_dump_of_the_whole_page_gives_way_to_the_article_paragraphs() -> None:
    """trafilatura's last resort, the page's text as one block: menus, the article and the
    footer run together. The Readability engine's paragraphs inside it are the article."""
    menu = " ".join(f"Section {i} Latest Popular Video Podcasts Newsletters" for i in range(12))
    footer = " ".join(f"About Contact Careers Advertise Terms Privacy {i}" for i in range(12))
    dump = _blocks(" ".join([menu, *BODY[:2], footer]))
    readable = _blocks(*BODY[:2])
    assert choose_blocks(dump, readable, set()) == readable


def test_one_long_paragraph_of_prose_is_no_dump() -> None:
    """A block made mostly of the Readability engine's paragraphs is blended as usual."""
    joined = _blocks(" ".join([*BODY[:3], "The vote was close."]))
    readable = _blocks(*BODY[:3])
    assert choose_blocks(joined, readable, set()) == joined


def test_a_block_of_several_readability_paragraphs_is_split_like_them() -> None:
    """trafilatura keeps `<br><br>`-parted paragraphs and a quote's paragraphs in one
    block; the Readability engine's paragraphs are how a reader sees them."""
    quote = Candidate(BlockKind.QUOTE, "Mind the gap, she wrote. — Ana Ruiz (@ana) 2 May 2018")
    trafilatura = [*_blocks("Menu", f"{BODY[0]} {BODY[1]}", BODY[2]), quote]
    readability = _blocks(BODY[0], BODY[1], BODY[2], "Mind the gap, she wrote.")
    readability.append(Candidate(BlockKind.PARAGRAPH, "— Ana Ruiz (@ana) 2 May 2018"))
    split = split_like(trafilatura, readability)
    assert [(c.kind, c.text) for c in split] == [
        (BlockKind.PARAGRAPH, "Menu"),
        (BlockKind.PARAGRAPH, BODY[0]),
        (BlockKind.PARAGRAPH, BODY[1]),
        (BlockKind.PARAGRAPH, BODY[2]),
        (BlockKind.QUOTE, "Mind the gap, she wrote."),
        (BlockKind.QUOTE, "— Ana Ruiz (@ana) 2 May 2018"),
    ]


def test_a_block_only_partly_made_of_readability_paragraphs_stays_whole() -> None:
    trafilatura = _blocks(f"{BODY[0]} {BODY[1]} And one more line.")
    assert split_like(trafilatura, _blocks(BODY[0], BODY[1])) == trafilatura


def test_splitting_a_page_of_one_repeated_line_stays_linear() -> None:
    """20,000 copies of one line: each block tries a few starts, not all of them."""
    readability = _blocks(*["Share"] * 20_000)
    trafilatura = _blocks(*["Share Share"] * 10_000)
    assert len(split_like(trafilatura, readability)) == 20_000


def test_telling_a_dump_from_20000_paragraphs_stays_linear() -> None:
    """The paragraphs are looked for in page order, each after the last: one pass."""
    paragraphs = [f"Paragraph number {i} of a very long story." for i in range(20_000)]
    readable = _blocks(*paragraphs)
    dump = _blocks(" ".join(["Menu Home Sections", *paragraphs, "Footer " * 200_000]))
    assert choose_blocks(dump, readable, set()) == readable
