"""Duplicate and syndication benchmark (make bench-dup): quality, real data, scale.

    python benchmarks/duplicates.py sample [--articles 1500 --seed 11]
    python benchmarks/duplicates.py bbc
    python benchmarks/duplicates.py ecb    # real same-event articles (hard negatives)
    python benchmarks/duplicates.py scale [--sizes 10000,100000,1000000 --texts 10000]
    python benchmarks/duplicates.py datasketch [--texts 10000]
    python benchmarks/duplicates.py all    # what make bench-dup runs

`sample` generates a sample web, cleans every page (with its URL) and stores it through
`Store.upsert`, which links it; the truth is `syndicated_from` (copies and re-posts) in
`truth.jsonl`. Every pair of pages of the same story that are not copies of each other
is a hard negative. `bbc` stores the 2,225 BBC articles and compares the groups with the
98 known duplicate pairs, listing every other pair found. `scale` inserts signatures of
sample-web texts (real-size articles, repeated with edits) into the persisted index and
measures insert throughput, query latency, size on disk, and the time and memory of
building the in-memory band index again (what opening the store costs).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from retina.clean import clean
from retina.link.fingerprint import fingerprint
from retina.link.similarity import is_duplicate, resemblance
from retina.model import Article, Block, BlockKind
from retina.sample import generate, iter_articles, read_truth
from retina.store import Store
from retina.store.band_index import BandIndex
from retina.store.link_index import index_rows, likely_copies, write_index
from retina.store.schema import article_links, link_bands

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BBC = SHARED / "data" / "dedup" / "bbc_news"
ECB = SHARED / "data" / "stories" / "ecbplus"


# --- quality on the sample web ---------------------------------------------------------


def sample_quality(articles: int, seed: int) -> dict[str, Any]:
    """Pairwise precision and recall, hard negatives, and origin accuracy on a sample web."""
    with tempfile.TemporaryDirectory() as tmp:
        web = Path(tmp) / "web"
        generate(web, seed=seed, outlets=8, articles=articles)
        truth = list(read_truth(web))
        started = time.perf_counter()
        with Store.open(Path(tmp) / "home") as store:
            ids: dict[str, int] = {}
            for record in truth:
                body = (web / record["path"]).read_bytes()
                article = clean(body, url=record["url"])
                ids[record["id"]] = store.upsert(article, key=record["url"]).id
            elapsed = time.perf_counter() - started
            with store.reading() as connection:
                rows = connection.execute(
                    select(
                        article_links.c.article_id,
                        article_links.c.group_id,
                        article_links.c.is_lead,
                        article_links.c.chain,
                    )
                ).all()
    group = {r.article_id: r.group_id for r in rows}
    lead = {r.group_id: r.article_id for r in rows if r.is_lead}
    chain = {r.article_id: r.chain for r in rows}
    return _score_sample(truth, ids, group, lead, chain) | {
        "articles": articles,
        "seed": seed,
        "seconds": elapsed,
    }


def _score_sample(
    truth: list[dict[str, Any]],
    ids: dict[str, int],
    group: dict[int, int],
    lead: dict[int, int],
    chain: dict[int, list[str]],
) -> dict[str, Any]:
    by_url = {r["url"]: r for r in truth}
    root: dict[str, str] = {}
    for r in truth:
        node = r
        while node["syndicated_from"]:
            node = by_url[node["syndicated_from"]]
        root[r["id"]] = node["id"]
    members = defaultdict(list)
    for r in truth:
        members[root[r["id"]]].append(r)
    by_story = defaultdict(list)
    for r in truth:
        by_story[r["story_id"]].append(r)
    tp = fp = fn = hard = hard_fp = 0
    for records in by_story.values():
        for a, b in itertools.combinations(records, 2):
            same = root[a["id"]] == root[b["id"]]
            found = group[ids[a["id"]]] == group[ids[b["id"]]]
            hard += not same
            hard_fp += found and not same
            tp += same and found
            fp += found and not same
            fn += same and not found
    # Pairs across stories: any found is a false positive (counted over the groups).
    story_of = {ids[r["id"]]: r["story_id"] for r in truth}
    predicted = defaultdict(list)
    for article_id, group_id in group.items():
        predicted[group_id].append(article_id)
    for items in predicted.values():
        for a, b in itertools.combinations(items, 2):
            fp += story_of[a] != story_of[b]
    groups = [rs for rs in members.values() if len(rs) > 1]
    origin_ok = sum(lead.get(group[ids[rs[0]["id"]]]) == ids[root[rs[0]["id"]]] for rs in groups)
    copies = [r for r in truth if r["origin"]]
    credited_ok = sum(chain[ids[r["id"]]][-1] == r["origin"] for r in copies)
    return {
        "pairs": tp + fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "false_pairs": fp,
        "missed_pairs": fn,
        "hard_negatives": hard,
        "hard_negatives_merged": hard_fp,
        "groups": len(groups),
        "origin_accuracy": origin_ok / len(groups) if groups else 1.0,
        "copies_from_other_outlets": len(copies),
        "credited_origin_accuracy": credited_ok / len(copies) if copies else 1.0,
    }


# --- BBC News ---------------------------------------------------------------------------


def bbc_quality() -> dict[str, Any]:
    """The 98 known duplicate pairs of the BBC data, and every other pair found."""
    docs = [json.loads(line) for line in (BBC / "bbc_news.jsonl").open(encoding="utf-8")]
    known = json.loads((BBC / "exact_duplicate_groups.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store.open(tmp) as store:
        ids = {}
        started = time.perf_counter()
        for doc in docs:
            # A URL per document: the known pairs are byte-identical, and two readings of
            # one address would be stored once rather than linked.
            article = Article(
                url=f"https://bbc.example/{doc['id']}",
                title=doc["title"],
                site_name="BBC News",
                section=doc["category"],
                blocks=[
                    Block(BlockKind.PARAGRAPH, p.strip())
                    for p in doc["text"].split("\n\n")
                    if p.strip()
                ],
            )
            ids[doc["id"]] = store.upsert(article, key=f"bbc:{doc['id']}").id
        elapsed = time.perf_counter() - started
        with store.reading() as connection:
            rows = connection.execute(
                select(
                    article_links.c.article_id,
                    article_links.c.group_id,
                    article_links.c.relation,
                    article_links.c.similarity,
                )
            ).all()
    name = {v: k for k, v in ids.items()}
    group = {r.article_id: r.group_id for r in rows}
    how = {r.article_id: (r.relation, r.similarity) for r in rows}
    found_known = [g for g in known if len({group.get(ids[d]) for d in g}) == 1 and g[0] in ids]
    known_pairs = {frozenset(p) for g in known for p in itertools.combinations(g, 2)}
    predicted = defaultdict(list)
    for article_id, group_id in group.items():
        predicted[group_id].append(name[article_id])
    extra = []
    for items in predicted.values():
        for a, b in itertools.combinations(sorted(items), 2):
            if frozenset((a, b)) not in known_pairs:
                later = max(ids[a], ids[b])
                extra.append(
                    {"pair": [a, b], "relation": how[later][0], "similarity": how[later][1]}
                )
    found_pairs = sum(len(v) * (len(v) - 1) // 2 for v in predicted.values())
    return {
        "documents": len(docs),
        "known_groups": len(known),
        "known_groups_found": len(found_known),
        "pairs_found": found_pairs,
        "extra_pairs": extra,
        "seconds": elapsed,
    }


# --- ECB+: real articles on the same event ---------------------------------------------


def ecb_same_event() -> dict[str, Any]:
    """Pairs of ECB+ articles about the same real event (different outlets' reports): how
    many the link stage calls one article, each listed for inspection (wire copies are)."""
    docs = [json.loads(line) for line in (ECB / "docs.jsonl").open(encoding="utf-8")]
    fps = {
        doc["doc_id"]: fingerprint(
            Article(blocks=[Block(BlockKind.PARAGRAPH, doc["text"])]), key=None
        )
        for doc in docs
    }
    events: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        events[doc["event_cluster"]].append(doc["doc_id"])
    pairs, candidates, flagged = 0, 0, []
    for members in events.values():
        for a, b in itertools.combinations(members, 2):
            pairs += 1
            candidates += bool(set(fps[a].bands.tolist()) & set(fps[b].bands.tolist()))
            r = resemblance(fps[a].hashes, fps[b].hashes)
            if is_duplicate(r):
                flagged.append(
                    {
                        "pair": [a, b],
                        "containment": round(r.containment, 3),
                        "jaccard": round(r.jaccard, 3),
                    }
                )
    return {
        "documents": len(docs),
        "same_event_pairs": pairs,
        "lsh_candidates": candidates,
        "called_duplicates": flagged,
    }


# --- scale -------------------------------------------------------------------------------

PLANTED_SHARE = 0.05
"""Share of inserted articles that are edited copies of an earlier one."""
COPY_EDIT = 0.1
"""Share of a planted copy's signature positions re-drawn (Jaccard about 0.9)."""
QUERIES = 1000
BATCH = 1000


def scale(sizes: list[int], texts: int, seed: int) -> dict[str, Any]:
    """Insert fingerprints into the persisted index up to each size; time inserts and queries.

    The first `texts` fingerprints are of real-size sample-web articles (their signing rate
    is measured too). The rest reuse those texts' shingle counts with fresh random
    signatures, which is what the signature of an unrelated text is (MinHash values of
    different sets are independent), and `PLANTED_SHARE` of them are edited copies of an
    earlier article, so that the index holds and must find near duplicates at every size.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    bodies = [
        "\n\n".join(b["text"] for b in page.truth["blocks"])
        for page in iter_articles(seed=seed, outlets=8, articles=texts)
    ]
    generated = time.perf_counter() - started
    started = time.perf_counter()
    real = [fingerprint(Article(blocks=[Block(BlockKind.PARAGRAPH, b)]), key=None) for b in bodies]
    signing = time.perf_counter() - started
    words = sum(len(b.split()) for b in bodies) / len(bodies)
    results: dict[str, Any] = {
        "texts": texts,
        "mean_words": round(words),
        "generate_seconds": round(generated, 1),
        "sign_per_second": round(texts / signing),
        "checkpoints": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.db"
        engine = _bench_engine(path)
        article_links.create(engine)
        link_bands.create(engine)
        for index in article_links.indexes:
            index.create(engine, checkfirst=True)
        bands = BandIndex()
        bands.load(engine)
        inserted = 0
        for size in sorted(sizes):
            writing = 0.0  # making up the synthetic fingerprints is not the index's time
            while inserted < size:
                ids = range(inserted + 1, min(size, inserted + BATCH) + 1)
                with engine.connect() as connection:
                    fps = [_next_fingerprint(connection, rng, i, real, inserted) for i in ids]
                started = time.perf_counter()
                with engine.begin() as connection:
                    view = bands.begin(connection)  # reads the previous batch into memory
                    rows = [index_rows(i, fp, i) for i, fp in zip(ids, fps, strict=True)]
                    write_index(connection, view, rows)
                writing += time.perf_counter() - started
                inserted += len(fps)
            results["checkpoints"].append(
                {"articles": size}
                | _insert_rate(size, writing, results["checkpoints"])
                | _query(engine, bands, rng, real, size)
                | _footprint(engine, path, size)
                | _reopen(engine, size)
            )
        engine.dispose()
    return results


def _bench_engine(path: Path) -> Any:
    """SQLite as the store configures it (WAL, default synchronous and cache), without
    foreign keys: the index tables are benchmarked alone, without article rows."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return engine


def _next_fingerprint(
    connection: Any, rng: Any, article_id: int, real: list[Any], stored: int
) -> Any:
    """Article `article_id`'s fingerprint: a real one, a planted copy of one of the `stored`
    articles (its signature read back from the index, so the benchmark keeps nothing of
    its own in memory), or an unrelated one."""
    from retina.link.fingerprint import Fingerprint
    from retina.link.lsh import band_keys

    if article_id <= len(real):
        return real[article_id - 1]
    base = real[article_id % len(real)]
    if stored and rng.random() < PLANTED_SHARE:
        sig = _edited(rng, _stored_signature(connection, int(rng.integers(1, stored + 1))))
    else:
        sig = _random_signature(rng)
    return Fingerprint(None, None, base.hashes, sig, band_keys(sig))


def _stored_signature(connection: Any, article_id: int) -> Any:
    import numpy as np

    blob = connection.execute(
        select(article_links.c.signature).where(article_links.c.article_id == article_id)
    ).scalar_one()
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def _edited(rng: Any, sig: Any) -> Any:
    """A copy of a signature with `COPY_EDIT` of its positions re-drawn."""
    import numpy as np

    from retina.link.minhash import PERMUTATIONS

    sig = sig.copy()
    edited = rng.random(PERMUTATIONS) < COPY_EDIT
    sig[edited] = rng.integers(0, 2**32, int(edited.sum()), dtype=np.uint64)
    return sig


def _random_signature(rng: Any) -> Any:
    import numpy as np

    from retina.link.minhash import PERMUTATIONS

    return rng.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)


def _insert_rate(size: int, elapsed: float, before: list[dict[str, Any]]) -> dict[str, Any]:
    added = size - (before[-1]["articles"] if before else 0)
    return {"inserted": added, "insert_per_second": round(added / elapsed)}


def _query(engine: Any, bands: BandIndex, rng: Any, real: list[Any], size: int) -> dict:
    """Latency of `likely_copies` for edited copies of stored articles and for new ones."""
    import numpy as np

    from retina.link.fingerprint import Fingerprint
    from retina.link.lsh import band_keys

    latencies, found = [], 0
    with engine.connect() as connection:
        view = bands.begin(connection)
        for n in range(QUERIES):
            copy_of = int(rng.integers(1, size + 1)) if n % 2 == 0 else None
            if copy_of is not None:
                sig = _edited(rng, _stored_signature(connection, copy_of))
            else:
                sig = _random_signature(rng)
            fp = Fingerprint(None, None, real[n % len(real)].hashes, sig, band_keys(sig))
            started = time.perf_counter()
            candidates = likely_copies(connection, view, -1, fp)
            latencies.append(time.perf_counter() - started)
            found += copy_of is not None and copy_of in candidates
    ms = np.array(latencies) * 1000
    return {
        "query_p50_ms": round(float(np.percentile(ms, 50)), 3),
        "query_p99_ms": round(float(np.percentile(ms, 99)), 3),
        "planted_copies_found": found / (QUERIES // 2),
    }


def _footprint(engine: Any, path: Path, size: int) -> dict[str, Any]:
    import resource

    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    on_disk = sum(p.stat().st_size for p in path.parent.iterdir())
    return {
        "disk_mb": round(on_disk / 2**20, 1),
        "disk_bytes_per_article": round(on_disk / size),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _reopen(engine: Any, size: int) -> dict[str, Any]:
    """What opening the store costs: the band index built again from link_bands, its time
    and the memory of its arrays."""
    started = time.perf_counter()
    index = BandIndex()
    index.load(engine)
    elapsed = time.perf_counter() - started
    return {
        "index_build_seconds": round(elapsed, 2),
        "index_bytes_per_article": round(index.nbytes() / size),
    }


# --- against datasketch -------------------------------------------------------------------


def against_datasketch(texts: int, seed: int) -> dict[str, Any]:
    """Signing speed, Jaccard estimation error and LSH insert/query speed, Retina's MinHash
    and index against datasketch's (MinHash, MinHashLSH in memory, the same 32 x 4 bands)."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from retina.link.fingerprint import estimated_jaccard
    from retina.link.minhash import PERMUTATIONS, signature
    from retina.link.shingles import SHINGLE_WORDS, shingle_hashes, words
    from retina.link.similarity import resemblance

    pages = list(iter_articles(seed=seed, outlets=8, articles=texts))
    bodies = ["\n\n".join(b["text"] for b in p.truth["blocks"]) for p in pages]

    started = time.perf_counter()
    ours = [signature(shingle_hashes(b)) for b in bodies]
    ours_rate = len(bodies) / (time.perf_counter() - started)

    def theirs(body: str) -> MinHash:
        tokens = words(body)
        minhash = MinHash(num_perm=PERMUTATIONS)
        minhash.update_batch(
            " ".join(tokens[i : i + SHINGLE_WORDS]).encode()
            for i in range(max(1, len(tokens) - SHINGLE_WORDS + 1))
        )
        return minhash

    started = time.perf_counter()
    sketches = [theirs(b) for b in bodies]
    theirs_rate = len(bodies) / (time.perf_counter() - started)

    # Estimation error on pairs that matter: pages of one story (copies and coverage).
    by_story: dict[str, list[int]] = defaultdict(list)
    for n, page in enumerate(pages):
        by_story[page.truth["story_id"]].append(n)
    errors_ours, errors_theirs = [], []
    for members in by_story.values():
        for a, b in itertools.combinations(members, 2):
            exact = resemblance(shingle_hashes(bodies[a]), shingle_hashes(bodies[b])).jaccard
            errors_ours.append(estimated_jaccard(ours[a], ours[b]) - exact)
            errors_theirs.append(sketches[a].jaccard(sketches[b]) - exact)

    lsh = MinHashLSH(num_perm=PERMUTATIONS, params=(32, 4))
    started = time.perf_counter()
    for n, sketch in enumerate(sketches):
        lsh.insert(n, sketch)
    lsh_insert = len(sketches) / (time.perf_counter() - started)
    latencies = []
    for sketch in sketches[:QUERIES]:
        started = time.perf_counter()
        lsh.query(sketch)
        latencies.append(time.perf_counter() - started)
    return {
        "texts": texts,
        "pairs": len(errors_ours),
        "retina_sign_per_second": round(ours_rate),
        "datasketch_sign_per_second": round(theirs_rate),
        "retina_mean_abs_error": round(float(np.mean(np.abs(errors_ours))), 4),
        "datasketch_mean_abs_error": round(float(np.mean(np.abs(errors_theirs))), 4),
        "retina_bias": round(float(np.mean(errors_ours)), 4),
        "datasketch_bias": round(float(np.mean(errors_theirs)), 4),
        "datasketch_lsh_insert_per_second": round(lsh_insert),
        "datasketch_lsh_query_p99_ms": round(float(np.percentile(latencies, 99)) * 1000, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["sample", "bbc", "ecb", "scale", "datasketch", "all"])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--texts", type=int, default=10000, help="real texts for `scale`")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    if args.what in ("sample", "all"):
        results["sample"] = sample_quality(args.articles, args.seed)
    if args.what in ("bbc", "all"):
        if BBC.is_dir():
            results["bbc"] = bbc_quality()
        else:
            print(f"skipping bbc: {BBC} is absent", file=sys.stderr)
    if args.what in ("ecb", "all"):
        if ECB.is_dir():
            results["ecb"] = ecb_same_event()
        else:
            print(f"skipping ecb: {ECB} is absent", file=sys.stderr)
    if args.what in ("datasketch", "all"):
        if importlib.util.find_spec("datasketch"):
            results["datasketch"] = against_datasketch(args.texts, args.seed)
        else:
            print("skipping datasketch: not installed (pip install -e '.[bench]')", file=sys.stderr)
    if args.what in ("scale", "all"):
        sizes = [int(size) for size in args.sizes.split(",")]
        results["scale"] = scale(sizes, args.texts, args.seed)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
