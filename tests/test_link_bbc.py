"""The 98 known duplicate pairs of the BBC News data are duplicates to the link stage, and
articles of different sections are not (the full run is benchmarks/duplicates.py bbc)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from retina.link.fingerprint import Fingerprint, fingerprint
from retina.link.similarity import is_duplicate, resemblance
from retina.model import Article, Block, BlockKind

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "dedup" / "bbc_news"

pytestmark = pytest.mark.skipif(not BBC.is_dir(), reason=f"{BBC} is absent (../shared)")


def test_known_duplicates_match_and_other_sections_do_not() -> None:
    docs = {
        doc["id"]: doc for doc in map(json.loads, (BBC / "bbc_news.jsonl").open(encoding="utf-8"))
    }
    known = json.loads((BBC / "exact_duplicate_groups.json").read_text(encoding="utf-8"))

    def fp(doc_id: str) -> Fingerprint:
        blocks = [Block(BlockKind.PARAGRAPH, p) for p in docs[doc_id]["text"].split("\n\n")]
        return fingerprint(Article(blocks=blocks), key=None)

    assert len(known) == 98
    for group in known:
        a, b = (fp(doc_id) for doc_id in group)
        assert is_duplicate(resemblance(a.hashes, b.hashes)), group
        assert set(a.bands.tolist()) & set(b.bands.tolist()), group  # LSH finds the pair
    rng = random.Random(6)
    ids = sorted(docs)
    checked = 0
    while checked < 300:
        one, other = rng.sample(ids, 2)
        if docs[one]["category"] != docs[other]["category"]:
            assert not is_duplicate(resemblance(fp(one).hashes, fp(other).hashes))
            checked += 1
