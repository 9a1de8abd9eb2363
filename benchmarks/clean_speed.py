"""Cleaning speed: Retina's `clean` against trafilatura's `extract` on the same pages.

Single process, pages pre-loaded, no network. Reports median and p95 ms/page for each
tool and the ratio Retina / trafilatura (the extraction-quality benchmark reports F1).

    .venv/bin/python benchmarks/clean_speed.py [--pages N]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "extraction"


def load_pages(limit: int) -> list[tuple[str, bytes]]:
    """Real pages from ../shared (mozilla-readability, then trafilatura-eval), else examples/."""
    pages: list[tuple[str, bytes]] = []
    for path in sorted((SHARED / "mozilla-readability" / "test-pages").glob("*/source.html")):
        pages.append((path.parent.name, path.read_bytes()))
    for path in sorted((SHARED / "trafilatura-eval" / "eval").glob("*.gz")):
        pages.append((path.name, gzip.decompress(path.read_bytes())))
    if not pages:
        print("../shared is absent: timing the bundled examples/ only", file=sys.stderr)
        pages = [(p.name, p.read_bytes()) for p in sorted((ROOT / "examples").iterdir())]
    return pages[:limit]


def time_tools(
    tools: dict[str, Callable[[bytes], object]], pages: list[tuple[str, bytes]]
) -> dict[str, dict[str, float]]:
    """Each tool on each page, the tools taking turns page by page (rotating order), so a
    change in the machine's load falls on all of them alike."""
    names = list(tools)
    times: dict[str, list[float]] = {name: [] for name in names}
    failures = dict.fromkeys(names, 0)
    for number, (_page, data) in enumerate(pages):
        for offset in range(len(names)):
            name = names[(number + offset) % len(names)]
            start = time.perf_counter()
            try:
                tools[name](data)
            except Exception:
                failures[name] += 1
            times[name].append((time.perf_counter() - start) * 1000)
    results = {}
    for name in names:
        ordered = sorted(times[name])
        results[name] = {
            "median": statistics.median(ordered),
            "p95": ordered[int(0.95 * (len(ordered) - 1))],
            "failures": failures[name],
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()

    import trafilatura

    from retina import clean

    pages = load_pages(args.pages)
    clean(pages[0][1])  # warm up: lazy imports and the language model load once
    trafilatura.extract(pages[0][1])
    results = time_tools(
        {"retina.clean": lambda d: clean(d), "trafilatura.extract": trafilatura.extract}, pages
    )
    print(f"{len(pages)} pages\n")
    print(f"{'tool':<22}{'median ms':>10}{'p95 ms':>10}{'failures':>10}")
    for tool, r in results.items():
        print(f"{tool:<22}{r['median']:>10.1f}{r['p95']:>10.1f}{r['failures']:>10}")
    ratio = results["retina.clean"]["median"] / results["trafilatura.extract"]["median"]
    print(f"\nmedian time ratio retina / trafilatura: {ratio:.2f}")


if __name__ == "__main__":
    main()
