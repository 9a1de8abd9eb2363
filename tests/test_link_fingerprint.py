"""Shingles, MinHash signatures, LSH band keys and the duplicate decision."""

from __future__ import annotations

import numpy as np

from retina.link.fingerprint import estimated_jaccard, fingerprint
from retina.link.lsh import BANDS, band_keys
from retina.link.minhash import PERMUTATIONS, signature
from retina.link.shingles import SHINGLE_WORDS, shingle_hashes, words
from retina.link.similarity import estimated_containment, is_duplicate, resemblance
from retina.model import Article, Block, BlockKind

TEXT = " ".join(f"word{n} alpha{n % 7} beta{n % 11}" for n in range(200))


def test_words_ignore_case_spacing_punctuation_and_unicode_form() -> None:
    assert words("The  “Quick”\nbrown—FOX, ﬁne.") == ["the", "quick", "brown", "fox", "fine"]
    assert np.array_equal(shingle_hashes("A b c d e f."), shingle_hashes("a  B, c; d\ne F"))
    assert words("Welt\u00adernährungs\u00adprogramm") == ["welternährungsprogramm"]


def test_shingles_are_distinct_sorted_and_stable() -> None:
    hashes = shingle_hashes(TEXT)
    assert hashes.dtype == np.uint32
    assert hashes.size == len(words(TEXT)) - SHINGLE_WORDS + 1
    assert np.all(np.diff(hashes.astype(np.int64)) > 0)
    # Fixed values: signatures stored in a database must mean the same after a restart.
    assert int(shingle_hashes("one two three four five")[0]) == int(
        shingle_hashes("ONE two three four five")[0]
    )
    assert shingle_hashes("").size == 0
    assert shingle_hashes("short text").size == 1


def test_signature_agreement_estimates_jaccard() -> None:
    tokens = words(TEXT)
    a = shingle_hashes(" ".join(tokens[:400]))
    b = shingle_hashes(" ".join(tokens[200:]))
    exact = resemblance(a, b).jaccard
    estimate = estimated_jaccard(signature(a), signature(b))
    assert 0.2 < exact < 0.4
    assert abs(estimate - exact) < 0.12  # about 2.5 standard errors at 128 permutations
    assert signature(a).shape == (PERMUTATIONS,)
    assert estimated_jaccard(signature(a), signature(a)) == 1.0


def test_identical_signatures_collide_in_every_band_and_different_ones_in_none() -> None:
    a = signature(shingle_hashes(TEXT))
    b = signature(shingle_hashes("completely different words " * 50 + "end of it"))
    keys_a, keys_b = band_keys(a), band_keys(b)
    assert keys_a.dtype == np.uint32 and keys_a.size == BANDS
    assert np.array_equal(keys_a, band_keys(a.copy()))
    assert not set(keys_a.tolist()) & set(keys_b.tolist())
    # The band number is part of the key: equal rows in two bands give two keys.
    assert len(set(band_keys(np.zeros(PERMUTATIONS, dtype=np.uint32)).tolist())) == BANDS


def test_containment_decides_and_jaccard_guards_against_size_mismatch() -> None:
    tokens = words(TEXT)
    full = shingle_hashes(" ".join(tokens))
    trimmed = shingle_hashes(" ".join(tokens[60:]))  # intro cut
    padded = shingle_hashes(" ".join(tokens) + " follow us on every network for more news")
    brief = shingle_hashes(" ".join(tokens[:120]))  # a fifth of the text
    assert is_duplicate(resemblance(full, trimmed))
    assert is_duplicate(resemblance(full, padded))
    r = resemblance(full, brief)
    assert r.containment > 0.95 and not is_duplicate(r)
    assert resemblance(full, np.empty(0, dtype=np.uint32)).jaccard == 0.0
    assert estimated_containment(1.0, 100, 100) == 1.0
    assert estimated_containment(0.5, 100, 50) == 1.0
    assert estimated_containment(0.0, 0, 50) == 0.0


def test_fingerprint_of_an_article() -> None:
    article = Article(
        url="https://news.example/a?utm_source=x",
        canonical_url="https://www.news.example/a/",
        blocks=[Block(BlockKind.PARAGRAPH, TEXT)],
    )
    fp = fingerprint(article, key="file:///tmp/a.html")
    assert fp.url_key == fp.canonical_key == "news.example/a"
    assert fp.shingles == shingle_hashes(TEXT).size and fp.bands.size == BANDS
    short = fingerprint(Article(blocks=[Block(BlockKind.PARAGRAPH, "Too short.")]), key="k")
    assert short.bands.size == 0 and short.url_key is None


def test_scripts_without_spaces_are_shingled_by_character() -> None:
    assert words("東京都は発表した。Hello 世界") == [
        "東",
        "京",
        "都",
        "は",
        "発",
        "表",
        "し",
        "た",
        "hello",
        "世",
        "界",
    ]
    story = "".join(f"市政府第{n}次会议讨论了港口的新计划，居民表示支持。" for n in range(12))
    edited = story.replace("第3次会议", "第三次会议") + "本文转载自新华社。"
    other = "".join(f"渔民在第{n}号船上说今年的收成很差，价格也下降了。" for n in range(12))
    assert is_duplicate(resemblance(shingle_hashes(story), shingle_hashes(edited)))
    assert not is_duplicate(resemblance(shingle_hashes(story), shingle_hashes(other)))
