"""Pull quotes and duplicate blocks."""

from __future__ import annotations

from helpers import BODY, dump
from retina import clean
from retina.clean.candidate import Candidate
from retina.clean.junk.repeats import find_repeats
from retina.model import BlockKind, RemovedKind


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


def test_a_short_line_said_twice_stays() -> None:
    """Dialogue and refrains repeat short lines; a layout's duplicate is a paragraph."""
    line = '"I would prefer not to."'
    article = clean(dump(BODY[0], line, BODY[1], line, *BODY[2:]))
    assert [b.text for b in article.blocks] == [BODY[0], line, BODY[1], line, *BODY[2:]]


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


def test_near_identical_repeat_of_the_same_length_goes() -> None:
    """A pull quote restating a whole sentence-paragraph with one word swapped."""
    source = "Tallisk Labs is to cut 12 percent of its workforce, it said on Sunday, blaming costs."
    quote = source.replace(" said ", " stated ")
    body = [BODY[0], source, BODY[1], quote, BODY[2]]
    article = clean(dump(*body))
    assert [b.text for b in article.blocks] == [BODY[0], source, BODY[1], BODY[2]]
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]


def test_long_paragraph_repeated_word_for_word_stays() -> None:
    long = " ".join([BODY[0], BODY[1]])  # more than 50 words
    article = clean(dump(long, BODY[2], long))
    assert [b.text for b in article.blocks] == [long, BODY[2], long]


def test_lead_in_ending_with_a_colon_stays() -> None:
    lead_in = "Supporters of the plan said the expansion would bring hundreds of jobs:"
    article = _article_with(lead_in)
    assert lead_in in [b.text for b in article.blocks]


def test_heading_that_is_a_cut_sentence_is_a_pull_quote() -> None:
    """Plain text lays a cut-short pull quote out as a heading line (no final stop)."""
    quote = "Environmental groups said they would challenge the decision in court"
    article = _article_with(quote)
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]


def test_sentences_built_on_one_template_stay() -> None:
    """One line per film, the same words around different names: no pull quote."""
    lines = [
        "Harbour Lights is currently streaming on Netflix and available to rent on Google "
        "Play and YouTube, and it rewards a second viewing more than most films this year.",
        "Quiet Fields is currently streaming on Netflix and available to rent on Google Play "
        "and YouTube.",
        "Columbus is currently streaming on Netflix and available to rent on Google Play and "
        "YouTube.",
    ]
    article = clean(dump(*BODY[:2], *lines, *BODY[2:]))
    assert [b.text for b in article.blocks] == [*BODY[:2], *lines, *BODY[2:]]


def test_pull_quote_with_one_word_swapped_goes() -> None:
    quote = "Supporters of the plan stated the expansion would bring hundreds of jobs to the town"
    article = _article_with(quote)
    assert [b.text for b in article.blocks] == BODY
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]


def test_a_template_line_repeated_on_every_block_names_no_source() -> None:
    """Thousands of blocks built on one template (a hostile page, a generated listing):
    their shared three-word runs tell no source apart and would make the search
    quadratic, so they are left out of it, and the blocks stay."""
    template = "Item {} of the catalogue, with words enough to count as a sentence here."
    candidates = [Candidate(BlockKind.PARAGRAPH, template.format(n)) for n in range(200)]
    assert find_repeats(candidates, set()) == []


def test_a_sentence_repeated_far_from_its_match_is_no_pull_quote() -> None:
    """A pull quote is set beside the text it quotes. The same sentence a dozen blocks
    away is a template (a FAQ's answers, a recipe card restating the method): it stays."""
    answer = "Will there be a toilet on the replacement bus between the two stations? No."
    fillers = [
        Candidate(BlockKind.PARAGRAPH, f"Route {n} runs every hour from the station forecourt.")
        for n in range(12)
    ]
    longer = Candidate(BlockKind.PARAGRAPH, answer + " Passengers should plan for that.")
    near = [Candidate(BlockKind.PARAGRAPH, answer), longer]
    far = [Candidate(BlockKind.PARAGRAPH, answer), *fillers, longer]
    assert [f.kind for f in find_repeats(near, set())] == [RemovedKind.PULL_QUOTE]
    assert find_repeats(far, set()) == []


def test_a_pull_quote_matches_its_paragraph_across_soft_hyphens() -> None:
    """The body hyphenated for narrow columns (soft hyphens inside words) still holds the
    quote's words."""
    soft = {
        "Supporters": "Sup\u00adport\u00aders",
        "expansion": "ex\u00adpan\u00adsion",
        "hundreds": "hun\u00addreds",
    }
    hyphenated = list(BODY)
    for word, split in soft.items():
        hyphenated = [text.replace(word, split) for text in hyphenated]
    quote = "Supporters of the plan said the expansion would bring hundreds of jobs to the town"
    body = list(hyphenated)
    body.insert(3, quote)
    article = clean(dump(*body))
    assert [b.text for b in article.blocks] == hyphenated
    assert [r.kind for r in article.removed] == [RemovedKind.PULL_QUOTE]
