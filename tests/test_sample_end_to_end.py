"""End to end on the sample web: generate → ingest (clean + store) → compare with the truth.

Every template family, the plain-text dumps, syndicated copies and exact re-posts go
through the real pipeline from the folder; what is stored must match what the generator
knows it wrote: titles exactly, main text to a token F1 of at least 0.98, and no injected
block or pull quote left in the text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pytest

from retina.model import Article
from retina.pipeline import ingest_paths
from retina.sample import generate, read_truth
from retina.store import Store

ARTICLES = 240
MIN_CORPUS_F1 = 0.98
MIN_PAGE_F1 = 0.9
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def token_f1(got: str, want: str) -> float:
    a, b = tokens(got), tokens(want)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def squash(text: str) -> str:
    return " ".join(text.split()).strip("“”\"' ")


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict[str, Any], Article]]:
    root = tmp_path_factory.mktemp("e2e")
    web = root / "web"
    generate(web, seed=7, outlets=8, articles=ARTICLES)
    truth = list(read_truth(web))
    store = Store.open(root / "home")
    try:
        report = ingest_paths([web / record["path"] for record in truth], store)
        assert report.failed == 0, report.failures
        by_key = {s.key: s.article for s in store.list(limit=10 * ARTICLES)}
    finally:
        store.close()
    path_of = {record["url"]: record["path"] for record in truth}
    pairs = []
    for record in truth:
        key = (web / record["path"]).resolve().as_uri()
        # The same posting as its source (same text, site and canonical URL) is stored once,
        # under the source's key; copies elsewhere are stored and linked (test_link_*).
        if key not in by_key:
            assert record["is_exact_repost"], record["path"]
            key = (web / path_of[record["syndicated_from"]]).resolve().as_uri()
        pairs.append((record, by_key[key]))
    return pairs


def test_every_page_is_stored(stored: list[tuple[dict[str, Any], Article]]) -> None:
    assert len(stored) == ARTICLES
    families = {record["template_family"] for record, _ in stored}
    assert families >= {"broadsheet", "modern", "tabloid", "wire", "magazine", "portal"}
    assert "text-dump" in families


def test_titles_match_exactly(stored: list[tuple[dict[str, Any], Article]]) -> None:
    wrong = [
        (record["path"], article.title, record["title"])
        for record, article in stored
        if article.title != record["title"]
    ]
    assert not wrong


def test_main_text_matches_the_truth(stored: list[tuple[dict[str, Any], Article]]) -> None:
    scores: dict[str, list[float]] = defaultdict(list)
    low = []
    for record, article in stored:
        want = "\n".join(block["text"] for block in record["blocks"])
        score = token_f1(article.text, want)
        scores[record["template_family"]].append(score)
        if score < MIN_PAGE_F1:
            low.append((record["path"], round(score, 3)))
    everything = [s for family in scores.values() for s in family]
    assert sum(everything) / len(everything) >= MIN_CORPUS_F1
    for family, values in scores.items():
        assert sum(values) / len(values) >= MIN_CORPUS_F1, family
    assert not low


def test_injections_and_pull_quotes_are_removed(
    stored: list[tuple[dict[str, Any], Article]],
) -> None:
    left = []
    seen = Counter()
    for record, article in stored:
        text = squash(article.text)
        blocks = {squash(block.text) for block in article.blocks}
        for injected in record["injected"]:
            seen[injected["kind"]] += 1
            if squash(injected["text"]) in text:
                left.append((record["path"], injected["kind"], injected["text"]))
        for quote in record["pull_quotes"]:
            seen["pull_quote"] += 1
            if squash(quote["text"]) in blocks:
                left.append((record["path"], "pull_quote", quote["text"]))
    assert not left
    assert seen["pull_quote"] and seen["related_link"] and seen["attribution"]


def test_removals_are_recorded_with_reasons(
    stored: list[tuple[dict[str, Any], Article]],
) -> None:
    """In a text dump every injection is in the text, so each must be recorded as removed.
    (In HTML, boxes the extractor leaves out with the page furniture are not recorded.)"""
    for record, article in stored:
        assert all(removed.reason for removed in article.removed)
        if record["format"] == "txt" and not record["is_exact_repost"]:
            removed = {squash(r.text) for r in article.removed}
            for junk in record["injected"] + record["pull_quotes"]:
                assert squash(junk["text"]) in removed, (record["path"], junk["text"])


def test_syndicated_copies_credit_their_origin(
    stored: list[tuple[dict[str, Any], Article]],
) -> None:
    copies = [(r, a) for r, a in stored if r["origin"] and r["role"] != "original"]
    assert copies
    credited = [a.origin == r["origin"] for r, a in copies if r["origin"] != r["outlet"]]
    assert sum(credited) / len(credited) >= 0.9
