"""Extraction quality: Retina's `clean` against peer extractors on the same pages.

Single process, pages pre-loaded in memory, network disabled for the whole run. Corpora come
from ../shared/data/extraction (a missing corpus is skipped with the reason printed) and,
optionally, from a sample-web folder with a `truth.jsonl`. Scoring is in `scoring.py`.

    .venv/bin/python benchmarks/extraction.py [--corpus NAME ...] [--tools a,b] [--limit N]
        [--split tune|test|all] [--sample-dir DIR] [--output FILE.md] [--json FILE.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import platform
import socket
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import scoring

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"

CORPORA = ("trafilatura-eval", "mozilla-readability", "newspaper4k", "sample-web")
RETINA = "retina"
TRAFILATURA = "trafilatura"
SLOW_MS = 2000.0
WARMUP_PAGES = 3
SAMPLE_SEED, SAMPLE_OUTLETS, SAMPLE_ARTICLES = 1, 8, 400

# --- pages -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedMeta:
    """Ground-truth metadata; None where the corpus gives no value (not scored)."""

    title: str | None = None
    authors: str | list[str] | None = None
    published: date | None = None


@dataclass(slots=True)
class Page:
    """One benchmark page. `snippets` for snippet corpora, `reference` for shingle corpora."""

    page_id: str
    raw: bytes
    html: str
    url: str | None = None
    snippets: tuple[list[str], list[str]] | None = None
    reference: str | None = None
    meta: ExpectedMeta | None = None

    @property
    def split(self) -> str:
        return scoring.split_of(self.page_id)


@dataclass(slots=True)
class Corpus:
    name: str
    metric: str  # "snippets" or "shingles"
    pages: list[Page]
    left_out: str = ""  # inputs not benchmarked, and why
    source: str = ""


def decode_html(raw: bytes) -> str:
    """Text for the tools that take str: UTF-8 when valid, else charset-normalizer's guess."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("latin-1")


def _page(page_id: str, raw: bytes, **fields: Any) -> Page:
    return Page(page_id=page_id, raw=raw, html=decode_html(raw), **fields)


def load_trafilatura_eval(folder: Path) -> Corpus:
    """evaldata.json: URL → {file, with, without}; file X is stored as X.gz in cache/ or eval/."""
    items = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages, missing = [], 0
    for url, item in items.items():
        candidates = [folder / sub / f"{item['file']}.gz" for sub in ("eval", "cache")]
        path = next((p for p in candidates if p.exists()), None)
        if path is None:
            missing += 1
            continue
        snippets = (list(item["with"]), list(item["without"]))
        pages.append(
            _page(item["file"], gzip.decompress(path.read_bytes()), url=url, snippets=snippets)
        )
    note = f"{missing} entries whose HTML file is missing" if missing else ""
    return Corpus("trafilatura-eval", "snippets", pages, left_out=note)


def load_mozilla(folder: Path) -> Corpus:
    """test-pages/<case>/{source.html, expected.html, expected-metadata.json}."""
    pages = []
    for case in sorted(p for p in (folder / "test-pages").iterdir() if p.is_dir()):
        expected = case / "expected.html"
        if not (case / "source.html").exists() or not expected.exists():
            continue
        meta_path = case / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        pages.append(
            _page(
                case.name,
                (case / "source.html").read_bytes(),
                reference=scoring.html_to_text(expected.read_text(encoding="utf-8")),
                meta=ExpectedMeta(
                    title=meta.get("title") or None,
                    authors=meta.get("byline") or None,
                    published=scoring.iso_date(meta.get("publishedTime")),
                ),
            )
        )
    return Corpus("mozilla-readability", "shingles", pages)


def load_newspaper4k(folder: Path) -> Corpus:
    """html/<name>.html with txt/<name>.txt (expected text) and metadata/<name>.json."""
    pages, skipped = [], 0
    for html_path in sorted((folder / "html").glob("*.html")):
        txt = folder / "txt" / f"{html_path.stem}.txt"
        if not txt.exists():
            skipped += 1  # front pages, meta-refresh stubs, RSS: no expected text
            continue
        meta_path = folder / "metadata" / f"{html_path.stem}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        pages.append(
            _page(
                html_path.stem,
                html_path.read_bytes(),
                url=meta.get("url") or None,
                reference=txt.read_text(encoding="utf-8"),
                meta=ExpectedMeta(
                    title=meta.get("title") or None,
                    authors=meta.get("authors") or None,
                    published=scoring.iso_date(meta.get("publish_date")),
                )
                if meta
                else None,
            )
        )
    note = f"{skipped} HTML files without expected text (front pages, redirects, RSS)"
    return Corpus("newspaper4k", "shingles", pages, left_out=note if skipped else "")


def load_sample_dir(folder: Path) -> Corpus:
    """A sample web's `truth.jsonl`: one JSON object per page with `path` (relative to the
    folder) and `blocks` (strings or {"text": ...}); optional `url`, `id`, `title`,
    `authors`, `published` and `format`. The reference is the blocks joined by blank lines.
    Only HTML pages are benchmarked: the aggregator's plain-text dumps (`"format": "txt"`)
    are no input for the HTML extractors."""
    pages, skipped = [], 0
    for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        truth = json.loads(line)
        if truth.get("format", "html") != "html":
            skipped += 1
            continue
        blocks = [b if isinstance(b, str) else b.get("text", "") for b in truth.get("blocks", [])]
        published = truth.get("published")
        pages.append(
            _page(
                str(truth.get("id") or truth["path"]),
                (folder / truth["path"]).read_bytes(),
                url=truth.get("url"),
                reference="\n\n".join(blocks),
                meta=ExpectedMeta(
                    title=truth.get("title") or None,
                    authors=truth.get("authors") or None,
                    published=scoring.iso_date(published) if isinstance(published, str) else None,
                ),
            )
        )
    note = f"{skipped} plain-text pages (not HTML)"
    return Corpus("sample-web", "shingles", pages, left_out=note if skipped else "")


def generate_sample_web(out_dir: Path) -> Path | None:
    """Generate the project's sample web into out_dir when `retina.sample.generate` exists."""
    try:
        from retina import sample
    except ImportError:
        return None
    generate = getattr(sample, "generate", None)
    if generate is None:
        return None
    try:
        generate(out_dir, seed=SAMPLE_SEED, outlets=SAMPLE_OUTLETS, articles=SAMPLE_ARTICLES)
    except Exception as error:  # the generator is young: report, never stop the benchmark
        print(f"retina.sample.generate failed: {error}", file=sys.stderr)
        return None
    return out_dir if (out_dir / "truth.jsonl").exists() else None


def load_corpus(name: str, data_dir: Path, sample_dir: Path | None) -> Corpus | str:
    """The corpus, or the reason it is skipped."""
    if name == "sample-web":
        if sample_dir is None:
            return "no --sample-dir given and retina.sample.generate is not available"
        if not (sample_dir / "truth.jsonl").exists():
            return f"{sample_dir / 'truth.jsonl'} not found"
        corpus = load_sample_dir(sample_dir)
        corpus.source = f"`{sample_dir}`"
        return corpus
    folder = data_dir / name
    if not folder.is_dir():
        return f"{folder} not found"
    loaders = {
        "trafilatura-eval": load_trafilatura_eval,
        "mozilla-readability": load_mozilla,
        "newspaper4k": load_newspaper4k,
    }
    corpus = loaders[name](folder)
    corpus.source = (
        f"`{folder.relative_to(ROOT.parent) if folder.is_relative_to(ROOT.parent) else folder}`"
    )
    return corpus


def select_pages(pages: list[Page], split: str, limit: int | None) -> list[Page]:
    chosen = [p for p in sorted(pages, key=lambda p: p.page_id) if split in ("all", p.split)]
    return chosen[:limit] if limit else chosen


# --- tools -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata a tool found."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None


@dataclass(slots=True)
class Output:
    text: str | None
    meta: Meta | None = None


@dataclass(slots=True)
class Tool:
    """`run` is timed; `metadata` (untimed, only on corpora with metadata truth) is for tools
    whose timed call does not return metadata."""

    name: str
    package: str
    run: Callable[[Page], Output]
    metadata: Callable[[Page], Meta] | None = None
    gives_meta: bool = False


def to_date(value: object) -> date | None:
    """A tool's date (datetime, date or string) as a calendar date, as written."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        found = scoring.iso_date(value)
        if found:
            return found
        from dateutil import parser as date_parser

        try:
            return date_parser.parse(value).date()
        except (ValueError, OverflowError):
            return None
    return None


def make_retina() -> Tool:
    from retina.clean import clean

    def run(page: Page) -> Output:
        article = clean(page.raw, url=page.url)  # RetinaError: recorded as a failure
        meta = Meta(article.title, list(article.authors), to_date(article.published))
        return Output(article.text, meta)

    return Tool(RETINA, "retina", run, gives_meta=True)


def make_trafilatura(precision: bool) -> Tool:
    import trafilatura

    def run(page: Page) -> Output:
        text = trafilatura.extract(
            page.raw, url=page.url, include_comments=False, favor_precision=precision
        )
        return Output(text)

    def meta(page: Page) -> Meta:
        found = trafilatura.extract_metadata(page.raw, default_url=page.url)
        authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
        return Meta(found.title, authors, to_date(found.date))

    name = "trafilatura-precision" if precision else TRAFILATURA
    return Tool(name, "trafilatura", run, None if precision else meta, gives_meta=not precision)


def make_readability() -> Tool:
    from readability import Document

    def run(page: Page) -> Output:
        return Output(scoring.html_to_text(Document(page.html).summary(html_partial=True)))

    return Tool("readability-lxml", "readability-lxml", run)


def make_newspaper() -> Tool:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    config.memorize_articles = False
    config.disable_category_cache = True
    config.follow_meta_refresh = False

    def run(page: Page) -> Output:
        article = newspaper.Article(page.url or "http://example.invalid/", config=config)
        article.download(input_html=page.html)  # never fetches: the HTML is given
        article.parse()  # no .nlp(): no NLTK, no downloads
        meta = Meta(article.title or None, list(article.authors), to_date(article.publish_date))
        return Output(article.text, meta)

    return Tool("newspaper4k", "newspaper4k", run, gives_meta=True)


def make_goose() -> Tool:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "strict": False})

    def run(page: Page) -> Output:
        article = goose.extract(raw_html=page.html)  # no URL: goose3 never fetches
        published = article.publish_datetime_utc or article.publish_date
        meta = Meta(article.title or None, list(article.authors), to_date(published))
        return Output(article.cleaned_text, meta)

    return Tool("goose3", "goose3", run, gives_meta=True)


def make_justext() -> Tool:
    import justext

    # No page language is known in advance: use the union of every bundled stoplist.
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def run(page: Page) -> Output:
        paragraphs = justext.justext(page.html, stoplist)
        return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return Tool("justext", "justext", run)


def make_boilerpy() -> Tool:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()

    def run(page: Page) -> Output:
        return Output(extractor.get_content(page.html))

    return Tool("boilerpy3", "boilerpy3", run)


def make_resiliparse() -> Tool:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(page: Page) -> Output:
        tree = HTMLTree.parse_from_bytes(page.raw, detect_encoding(page.raw))
        return Output(extract_plain_text(tree, main_content=True))

    return Tool("resiliparse", "resiliparse", run)


TOOL_FACTORIES: dict[str, Callable[[], Tool]] = {
    RETINA: make_retina,
    TRAFILATURA: lambda: make_trafilatura(False),
    "trafilatura-precision": lambda: make_trafilatura(True),
    "readability-lxml": make_readability,
    "newspaper4k": make_newspaper,
    "goose3": make_goose,
    "justext": make_justext,
    "boilerpy3": make_boilerpy,
    "resiliparse": make_resiliparse,
}


def load_tools(names: Sequence[str]) -> tuple[list[Tool], dict[str, str]]:
    """Tools that import, and the reason for each that does not."""
    tools, missing = [], {}
    for name in names:
        try:
            tools.append(TOOL_FACTORIES[name]())
        except ImportError as error:
            missing[name] = f"not installed ({error})"
    return tools, missing


# --- running -----------------------------------------------------------------------------


@dataclass(slots=True)
class PageRun:
    page_id: str
    text: str | None
    ms: float
    error: str | None = None
    meta: Meta | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None or not (self.text or "").strip()


def run_page(tool: Tool, page: Page) -> PageRun:
    """One timed call; an exception is recorded, never raised."""
    start = time.perf_counter()
    try:
        output = tool.run(page)
    except Exception as error:
        ms = (time.perf_counter() - start) * 1000
        return PageRun(page.page_id, None, ms, f"{type(error).__name__}: {error}"[:200])
    ms = (time.perf_counter() - start) * 1000
    return PageRun(page.page_id, output.text, ms, meta=output.meta)


def warm_up(tools: Sequence[Tool], corpora: Sequence[Corpus]) -> None:
    """Run every tool on the first pages of every corpus before any timing, so one-time
    costs (lazy imports, models and stoplists loaded on first use, also those shared by
    tools built on the same library) fall on no timed page."""
    for tool in tools:
        for corpus in corpora:
            for page in corpus.pages[:WARMUP_PAGES]:
                run_page(tool, page)


def run_tools(tools: Sequence[Tool], pages: Sequence[Page], with_meta: bool) -> list[list[PageRun]]:
    """Every tool on every page, page by page in a rotating tool order, so that a change in
    the machine's load (other jobs) falls on all tools alike; one list of runs per tool."""
    runs: list[list[PageRun]] = [[] for _ in tools]
    for number, page in enumerate(pages):
        for offset in range(len(tools)):
            index = (number + offset) % len(tools)
            runs[index].append(run_page(tools[index], page))
    if with_meta:
        for tool, tool_runs in zip(tools, runs, strict=True):
            if tool.metadata is None:
                continue
            for run, page in zip(tool_runs, pages, strict=True):
                try:
                    run.meta = tool.metadata(page)
                except Exception:
                    run.meta = Meta()
    return runs


# --- scoring -----------------------------------------------------------------------------


def quality(
    corpus: Corpus, runs: Sequence[PageRun], split: str
) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 over the pages of one split ('all' for every page);
    None when the split has no page."""
    pairs = [(p, r) for p, r in zip(corpus.pages, runs, strict=True) if split in ("all", p.split)]
    if not pairs:
        return None, None, None
    if corpus.metric == "snippets":
        total = scoring.Confusion()
        for page, run in pairs:
            with_, without = page.snippets or ([], [])
            total.add(scoring.count_snippets(run.text, with_, without))
        return total.precision, total.recall, total.f1
    scores = [scoring.shingle_scores(run.text, page.reference or "") for page, run in pairs]
    mean = scoring.average(s for s in scores if s is not None)
    return mean.precision, mean.recall, mean.f1


def meta_matches(truth: ExpectedMeta, got: Meta) -> dict[str, bool]:
    """Match of each field that has a truth value."""
    matches = {}
    if truth.title:
        matches["title"] = scoring.title_matches(truth.title, got.title)
        matches["headline"] = scoring.headline_matches(truth.title, got.title)
    if truth.authors:
        matches["authors"] = scoring.authors_match(truth.authors, got.authors)
    if truth.published:
        matches["published"] = scoring.same_date(truth.published, got.published)
    return matches


def metadata_scores(corpus: Corpus, runs: Sequence[PageRun]) -> dict[str, list[int]]:
    """Per field, [matches, pages with a truth value]."""
    counts = {"title": [0, 0], "headline": [0, 0], "authors": [0, 0], "published": [0, 0]}
    for page, run in zip(corpus.pages, runs, strict=True):
        if page.meta is None:
            continue
        for name, matched in meta_matches(page.meta, run.meta or Meta()).items():
            counts[name][0] += int(matched)
            counts[name][1] += 1
    return counts


def tool_result(corpus: Corpus, tool: Tool, runs: Sequence[PageRun], split: str) -> dict[str, Any]:
    times = [r.ms for r in runs]
    precision, recall, f1 = quality(corpus, runs, "all")
    result: dict[str, Any] = {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "median_ms": scoring.median(times),
        "p95_ms": scoring.percentile(times, 95),
        "max_ms": max(times, default=0.0),
        "failures": sum(r.failed for r in runs),
        "failed_pages": {r.page_id: r.error or "empty output" for r in runs if r.failed},
        "slow_pages": {r.page_id: round(r.ms) for r in runs if r.ms > SLOW_MS},
    }
    if split == "all":
        result["f1_tune"] = quality(corpus, runs, "tune")[2]
        result["f1_test"] = quality(corpus, runs, "test")[2]
    if tool.gives_meta and any(p.meta for p in corpus.pages):
        result["metadata"] = metadata_scores(corpus, runs)
    return result


def ratios(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    peers = {k: v for k, v in results.items() if k != RETINA}
    if RETINA in results and peers:
        best = max(peers, key=lambda k: peers[k]["f1"])
        out["best_peer"] = best
        out["f1_retina_over_best_peer"] = _div(results[RETINA]["f1"], peers[best]["f1"])
    if RETINA in results and TRAFILATURA in results:
        out["median_ms_retina_over_trafilatura"] = _div(
            results[RETINA]["median_ms"], results[TRAFILATURA]["median_ms"]
        )
    return out


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


def bench_corpus(corpus: Corpus, tools: Sequence[Tool], split: str) -> dict[str, Any]:
    with_meta = any(p.meta for p in corpus.pages)
    results = {}
    for tool, runs in zip(tools, run_tools(tools, corpus.pages, with_meta), strict=True):
        results[tool.name] = tool_result(corpus, tool, runs, split)
        elapsed = sum(r.ms for r in runs) / 1000
        print(f"  {tool.name}: {elapsed:.1f} s", file=sys.stderr, flush=True)
    splits = {s: sum(p.split == s for p in corpus.pages) for s in ("tune", "test")}
    return {
        "metric": corpus.metric,
        "pages": len(corpus.pages),
        "pages_by_split": splits,
        "left_out": corpus.left_out,
        "source": corpus.source,
        "tools": results,
        "ratios": ratios(results),
    }


# --- report ------------------------------------------------------------------------------

METHOD = """\
Method (see `benchmarks/extraction.py` and `benchmarks/scoring.py`):

- Every tool runs in one process on the same pre-loaded pages with the network disabled
  (socket connections raise). Retina, trafilatura and resiliparse get the page bytes and
  decode them themselves; the others get the text (UTF-8 when valid, else charset-normalizer's
  guess, decoded before timing). A tool's URL argument gets the page URL where the corpus has
  one. Before any timing, every tool runs on the first 3 pages of every corpus (warm-up: lazy
  imports and models or stoplists loaded on first use, some shared between tools built on the
  same library); times are per call, in ms/page, failures included. The tools take turns
  page by page (the order rotating from page to page), so a change in the machine's load
  during the run falls on every tool alike.
- Tool settings: `retina.clean(bytes, url=...)`; `trafilatura.extract(..., include_comments=False)`
  (library defaults otherwise; comments off as in trafilatura's own evaluation and in Retina),
  and the same with `favor_precision=True`; readability-lxml `Document(html).summary()` turned
  into text; newspaper4k `Article.download(input_html=...)` + `parse()` (no image fetching, no
  NLP); goose3 `extract(raw_html=...)` (no URL, no image fetching); jusText with the union of all
  its stoplists (the page language is not known in advance); boilerpy3 `ArticleExtractor`;
  resiliparse `extract_plain_text(main_content=True)`.
- A failure is an exception or empty output; it scores as no text (Retina's `RetinaError` "no
  article text" is a failure too).
- trafilatura-eval, snippets: each `with` / `without` snippet is searched in the extracted text
  after collapsing whitespace to single spaces on both sides, case-sensitively (as trafilatura's
  own `tests/eval_common.py` does). TP/FN over `with`, FP/TN over `without`, summed over the
  corpus; precision = TP/(TP+FP), recall = TP/(TP+FN).
- mozilla-readability, newspaper4k, sample web, shingles: tokens are NFKC-normalised, lower-cased
  runs of letters, marks and digits (each character is a token in Han, kana, Thai, Lao, Myanmar
  and Khmer); the multisets of word 4-grams of the extracted text and of the reference are
  compared per page (precision = shared / extracted, recall = shared / reference), averaged over
  pages; F1 is that of the averaged precision and recall. References: the text of
  `expected.html` (lxml, a line break after each block element; readability-lxml's HTML output
  is turned into text the same way), newspaper4k's `txt/`, the sample web's truth blocks
  joined by blank lines (its HTML pages only: the aggregator's plain-text dumps are no input
  for HTML extractors).
- Metadata (pages with a truth value only): title = exact match after NFKC and whitespace
  normalisation; authors = the normalised strings are equal (NFKC, case-folded, "By " and a
  date the byline runs on with dropped: "By Nathan Willis March 25, 2015") or the sets of
  names are (split on , ; | / & and "and"); published = same calendar date as written (no
  time-zone conversion). trafilatura's metadata comes from a separate, untimed
  `trafilatura.extract_metadata` call; the others from their timed call. Tools without
  author and date extraction (readability-lxml, jusText, boilerpy3, resiliparse) are not scored.
- Split: a page is in *tune* when the first 8 bytes of SHA-256(page id) modulo 100 are below 30,
  else in *test* (~30/70). Page ids: trafilatura-eval's `file`, mozilla's case folder,
  newspaper4k's file stem, the sample web's id or path.
- Caveats: mozilla's `expected.html` is Readability.js output (readability-lxml is a port of it)
  and newspaper4k's expected text and metadata are newspaper4k's own regression fixtures, so
  those tools play at home there; newspaper4k's author truth contains its own mistakes.
"""


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def corpus_markdown(name: str, report: dict[str, Any]) -> list[str]:
    tools = report["tools"]
    split_cols = "f1_tune" in next(iter(tools.values()), {})
    head = ["tool", "precision", "recall", "F1"]
    head += ["F1 tune", "F1 test"] if split_cols else []
    head += ["median ms", "p95 ms", "failures"]
    n = report["pages_by_split"]
    left_out = report["left_out"]
    lines = [
        f"### {name}",
        "",
        f"{report['pages']} pages ({n['tune']} tune / {n['test']} test) from {report['source']}"
        + (f" (left out: {left_out})" if left_out else "")
        + f"; metric: {report['metric']}.",
        "",
        "| " + " | ".join(head) + " |",
        "|---|" + "---:|" * (len(head) - 1),
    ]
    for tool, r in tools.items():
        cells = [tool, _num(r["precision"]), _num(r["recall"]), _num(r["f1"])]
        cells += [_num(r["f1_tune"]), _num(r["f1_test"])] if split_cols else []
        cells += [_num(r["median_ms"], 1), _num(r["p95_ms"], 1), str(r["failures"])]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *ratio_lines(report["ratios"]), *failure_lines(tools), *metadata_lines(tools)]
    return lines


def ratio_lines(r: dict[str, Any]) -> list[str]:
    lines = []
    if "best_peer" in r:
        value = _num(r["f1_retina_over_best_peer"], 2)
        lines.append(f"- F1 Retina / best peer ({r['best_peer']}): **{value}**")
    if "median_ms_retina_over_trafilatura" in r:
        value = _num(r["median_ms_retina_over_trafilatura"], 2)
        lines.append(f"- median time Retina / trafilatura: **{value}**")
    return lines


def failure_lines(tools: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    failed = tools.get(RETINA, {}).get("failed_pages", {})
    if failed:
        listed = "; ".join(f"`{page}` ({why})" for page, why in sorted(failed.items()))
        lines.append(f"- Retina failed on {len(failed)} page(s): {listed}")
    for tool, r in tools.items():
        if r["slow_pages"]:
            slow = ", ".join(f"`{p}` {ms} ms" for p, ms in sorted(r["slow_pages"].items()))
            lines.append(f"- {tool}: pages over {SLOW_MS:.0f} ms: {slow}")
    return lines


def metadata_lines(tools: dict[str, dict[str, Any]]) -> list[str]:
    rows = {tool: r["metadata"] for tool, r in tools.items() if "metadata" in r}
    if not rows:
        return []
    lines = [
        "",
        "| metadata | title (exact) | title (site segment aside) | authors | published |",
        "|---|---:|---:|---:|---:|",
    ]
    for tool, counts in rows.items():
        cells = [
            f"{_num(hit / total if total else None)} ({hit}/{total})"
            for hit, total in counts.values()
        ]
        lines.append(f"| {tool} | " + " | ".join(cells) + " |")
    return lines


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Extraction quality benchmark",
        "",
        f"Generated {report['generated']} by `{report['command']}` "
        f"({report['machine']}, split: {report['split']}"
        + (f", limit {report['limit']} pages per corpus" if report["limit"] else "")
        + ").",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()) + ".",
    ]
    for name, reason in report["missing_tools"].items():
        lines.append(f"\nNot run: {name}: {reason}.")
    for name, reason in report["skipped_corpora"].items():
        lines.append(f"\nCorpus skipped: {name}: {reason}.")
    for name, corpus in report["corpora"].items():
        lines += ["", *corpus_markdown(name, corpus)]
    lines += ["", METHOD]
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------


def disable_network() -> None:
    """Make every socket connection and name lookup fail: no tool may fetch anything."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network disabled by the extraction benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def quiet() -> None:
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)


def versions(tools: Sequence[Tool]) -> dict[str, str]:
    found = {"python": platform.python_version()}
    for tool in tools:
        try:
            found[tool.package] = importlib_metadata.version(tool.package)
        except importlib_metadata.PackageNotFoundError:
            found[tool.package] = "?"
    return found


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="repeatable")
    parser.add_argument("--tools", default=",".join(TOOL_FACTORIES), help="comma list")
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus")
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--sample-dir", type=Path, default=None, help="folder with truth.jsonl")
    parser.add_argument("--data-dir", type=Path, default=DATA, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=None, help="write Markdown here")
    parser.add_argument("--json", type=Path, default=None, help="write JSON here")
    args = parser.parse_args(argv)
    unknown = set(args.tools.split(",")) - set(TOOL_FACTORIES)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    return args


def load_corpora(args: argparse.Namespace, tmp: Path) -> tuple[list[Corpus], dict[str, str]]:
    corpora, skipped = [], {}
    sample_dir, generated = args.sample_dir, False
    names = args.corpus or list(CORPORA)
    if "sample-web" in names and sample_dir is None:
        sample_dir = generate_sample_web(tmp)
        generated = sample_dir is not None
    for name in names:
        loaded = load_corpus(name, args.data_dir, sample_dir)
        if isinstance(loaded, str):
            skipped[name] = loaded
            print(f"skipping corpus {name}: {loaded}", file=sys.stderr)
            continue
        if name == "sample-web" and generated:
            loaded.source = (
                f"`retina.sample.generate(seed={SAMPLE_SEED}, outlets={SAMPLE_OUTLETS}, "
                f"articles={SAMPLE_ARTICLES})`"
            )
        loaded.pages = select_pages(loaded.pages, args.split, args.limit)
        if not loaded.pages:
            skipped[name] = f"no pages in split {args.split}"
            continue
        corpora.append(loaded)
    return corpora, skipped


def main(argv: Sequence[str] | None = None) -> None:
    import tempfile

    args = parse_args(argv)
    quiet()
    disable_network()
    tools, missing = load_tools(args.tools.split(","))
    for name, reason in missing.items():
        print(f"skipping tool {name}: {reason}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="retina-bench-") as tmp:
        corpora, skipped = load_corpora(args, Path(tmp))
    report: dict[str, Any] = {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["benchmarks/extraction.py", *(argv or sys.argv[1:])]),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "split": args.split,
        "limit": args.limit,
        "versions": versions(tools),
        "missing_tools": missing,
        "skipped_corpora": skipped,
        "corpora": {},
    }
    warm_up(tools, corpora)
    for corpus in corpora:
        print(f"{corpus.name}: {len(corpus.pages)} pages", file=sys.stderr, flush=True)
        report["corpora"][corpus.name] = bench_corpus(corpus, tools, args.split)
    text = markdown(report)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
