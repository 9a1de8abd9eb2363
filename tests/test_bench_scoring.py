"""The extraction benchmark's metrics (benchmarks/scoring.py) on hand-made examples."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import load_script

scoring = load_script("benchmarks/scoring.py", "bench_scoring")


# --- snippets ----------------------------------------------------------------------------


def test_snippets_whitespace_normalised_and_case_sensitive() -> None:
    text = "The  harbour\nexpansion was approved.\n\nComments (3)"
    counts = scoring.count_snippets(
        text,
        with_=["The harbour expansion", "was\tapproved.", "THE HARBOUR"],
        without=["Comments (3)", "Impressum"],
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)


@pytest.mark.parametrize("text", [None, "", "   \n"])
def test_snippets_no_output_is_all_misses(text: str | None) -> None:
    counts = scoring.count_snippets(text, with_=["a", "b"], without=["c"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 0, 1)


def test_snippet_scores_summed_over_pages() -> None:
    total = scoring.Confusion()
    total.add(scoring.count_snippets("alpha beta", ["alpha", "beta"], ["gamma"]))  # 2 tp, 1 tn
    total.add(scoring.count_snippets("gamma delta", ["alpha", "delta"], ["gamma"]))  # 1/1/1
    assert (total.tp, total.fn, total.fp, total.tn) == (3, 1, 1, 1)
    assert total.precision == pytest.approx(3 / 4)
    assert total.recall == pytest.approx(3 / 4)
    assert total.f1 == pytest.approx(3 / 4)


def test_empty_confusion_scores_zero() -> None:
    assert scoring.Confusion().f1 == 0.0


# --- shingles ----------------------------------------------------------------------------


def test_tokenize_lowercases_and_splits_on_punctuation() -> None:
    assert scoring.tokenize("Hello, World! It's 2024—fine.") == [
        "hello",
        "world",
        "it",
        "s",
        "2024",
        "fine",
    ]


def test_tokenize_keeps_combining_marks_and_splits_unspaced_scripts() -> None:
    assert scoring.tokenize("हिन्दी भाषा") == ["हिन्दी", "भाषा"]
    assert scoring.tokenize("中国AB") == ["中", "国", "ab"]
    assert scoring.tokenize("Ｆｕｌｌ") == ["full"]  # NFKC


def test_shingles_multiset_and_short_text() -> None:
    assert scoring.shingles(["a", "b", "c", "d", "e"]) == {
        ("a", "b", "c", "d"): 1,
        ("b", "c", "d", "e"): 1,
    }
    assert scoring.shingles(["a", "b"]) == {("a", "b"): 1}
    assert scoring.shingles([]) == {}


def test_shingle_scores_known_values() -> None:
    reference = "one two three four five six"  # 3 shingles
    extracted = "one two three four five. Menu login"  # 4 shingles, 2 shared
    score = scoring.shingle_scores(extracted, reference)
    assert score.precision == pytest.approx(2 / 4)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_shingle_scores_perfect_and_duplicated() -> None:
    text = "a b c d e f"
    assert scoring.shingle_scores(text, text) == scoring.PRF(1.0, 1.0)
    doubled = scoring.shingle_scores(f"{text} {text}", text)  # 9 shingles, 3 match
    assert doubled.precision == pytest.approx(3 / 9)
    assert doubled.recall == 1.0


def test_shingle_scores_failures_and_empty_reference() -> None:
    assert scoring.shingle_scores(None, "a b c d") == scoring.PRF(0.0, 0.0)
    assert scoring.shingle_scores("", "a b c d") == scoring.PRF(0.0, 0.0)
    assert scoring.shingle_scores("a b c d", " ... ") is None


def test_average_is_macro_and_f1_of_means() -> None:
    mean = scoring.average([scoring.PRF(1.0, 0.5), scoring.PRF(0.5, 0.5)])
    assert (mean.precision, mean.recall) == (0.75, 0.5)
    assert mean.f1 == pytest.approx(0.6)
    assert scoring.average([]) == scoring.PRF(0.0, 0.0)


def test_html_to_text_separates_blocks_and_drops_scripts() -> None:
    markup = "<div><p>end</p><p>start <b>bold</b>ly</p><script>x()</script><li>item</li></div>"
    assert scoring.tokenize(scoring.html_to_text(markup)) == ["end", "start", "boldly", "item"]
    assert scoring.html_to_text("") == ""


# --- metadata ----------------------------------------------------------------------------


def test_title_match_after_whitespace_normalisation_only() -> None:
    assert scoring.title_matches("A  Title\n here", "A Title here")
    assert not scoring.title_matches("A Title", "a title")
    assert not scoring.title_matches("A Title", None)


def test_authors_match_string_or_name_set() -> None:
    assert scoring.authors_match("By Jane Doe", ["Jane Doe"])
    assert scoring.authors_match("Jane Doe and John Roe", ["John Roe", "jane doe"])
    assert scoring.authors_match(["A B", "C D"], "C D; A B")
    assert not scoring.authors_match("Jane Doe", ["Jane Doe", "John Roe"])
    assert not scoring.authors_match("Jane Doe", [])
    assert not scoring.authors_match("Jane Doe", None)


def test_authors_match_without_the_date_a_byline_runs_on_with() -> None:
    assert scoring.authors_match("By Nathan Willis\n   March 25, 2015", ["Nathan Willis"])
    assert scoring.authors_match("Jo Lin 12.03.2024", "Jo Lin")
    assert not scoring.authors_match("April 28, 2019 at 6:01 am", ["Benjamin Romano"])


def test_dates_compare_calendar_date_as_written() -> None:
    assert scoring.iso_date("2021-11-01T10:52:50+0100") == date(2021, 11, 1)
    assert scoring.iso_date("2019-04-28 06:01:07") == date(2019, 4, 28)
    assert scoring.iso_date("April 28, 2019") is None
    assert scoring.iso_date("2019-02-30") is None
    assert scoring.same_date(date(2021, 11, 1), date(2021, 11, 1))
    assert not scoring.same_date(date(2021, 11, 1), None)


# --- split, statistics -------------------------------------------------------------------


def test_split_is_stable_and_about_thirty_percent_tune() -> None:
    ids = [f"page-{i}" for i in range(2000)]
    splits = [scoring.split_of(i) for i in ids]
    assert splits == [scoring.split_of(i) for i in ids]
    assert 0.26 < splits.count("tune") / len(ids) < 0.34
    assert set(splits) == {"tune", "test"}


def test_split_rule_is_pinned() -> None:
    # Changing the rule moves pages between tune and test: keep these answers.
    assert scoring.split_of("die-partei.net.luebeck.html") == "tune"
    assert scoring.split_of("page-2") == "tune"
    assert scoring.split_of("001") == "test"
    assert scoring.split_of("cnn_001") == "test"


def test_percentile_and_median() -> None:
    values = list(range(1, 21))  # 1..20
    assert scoring.percentile(values, 95) == 19
    assert scoring.percentile(values, 100) == 20
    assert scoring.percentile([], 95) == 0.0
    assert scoring.median([3, 1, 2]) == 2
    assert scoring.median([4, 1, 2, 3]) == 2.5


def test_headline_match_sets_aside_one_site_segment() -> None:
    assert scoring.headline_matches("Mozilla - Wikipedia", "Mozilla")
    assert scoring.headline_matches("How to Build a Terrarium | eHow", "How to Build a Terrarium")
    assert scoring.headline_matches("LWN.net Weekly Edition [LWN.net]", "LWN.net Weekly Edition")
    assert scoring.headline_matches("Content Depth — Write About Topics", "Write About Topics")
    assert scoring.headline_matches("Heartsteel’s song", "Heartsteel's song")
    assert not scoring.headline_matches("Title - Part A - Site", "Title")
    assert not scoring.headline_matches("Mozilla - Wikipedia", "Wikipedia - Mozilla")
    assert not scoring.headline_matches("A Title", None)
