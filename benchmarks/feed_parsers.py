"""feedparser against fastfeedparser: items found and time taken, per feed file.

Reads every .xml/.json file of the real-feed corpus (../shared/data/feeds) and of a small
generated sample web (RSS, Atom, JSON Feed, and the two hostile XML feeds, where 0 items
is the right answer), and reports for
each parser the items it returned, whether it raised, and the median time of five runs.
"Items expected" counts <item>/<entry> elements (JSON Feed: the items list).

    .venv/bin/python benchmarks/feed_parsers.py [--feeds ../shared/data/feeds]

fastfeedparser is in the `bench` extras (`make bench-extract` installs them).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastfeedparser
import feedparser

from retina.sample import generate

RUNS = 5
DEFAULT_FEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds"


def expected_items(body: bytes) -> int:
    if body.lstrip().startswith(b"{"):
        return len(json.loads(body).get("items", []))
    if b"<!ENTITY" in body:
        return 0  # entity attacks: nothing should come out
    return len(re.findall(rb"<(?:item|entry)[\s>]", body))


GARBLED = re.compile("\ufffd|Ã[\x80-\xbf¡-¿]|Ð[\x80-\xbf]")
"""A replacement character, or UTF-8 read as Latin-1 ("Ã³" for "ó", "Ð" before Cyrillic)."""


def measure(parse: Callable[[bytes], Any], body: bytes) -> tuple[int | str, int, float]:
    """Items found (or the exception raised), titles garbled, median seconds."""
    times = []
    found: int | str = 0
    garbled = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        try:
            entries = parse(body).entries
        except Exception as error:  # a parser's failure is what is measured here
            found = f"raised {type(error).__name__}"
        else:
            found = len(entries)
            garbled = sum(bool(GARBLED.search(e.get("title") or "")) for e in entries)
        times.append(time.perf_counter() - start)
    return found, garbled, statistics.median(times)


def files(feeds: Path, web: Path) -> list[tuple[str, Path]]:
    found = [(str(p.relative_to(feeds)), p) for p in sorted(feeds.rglob("*"))]
    sample = [*web.glob("*/rss.xml"), *web.glob("*/atom.xml"), *web.glob("*/feed.json")]
    sample += web.glob("hostile/feeds/*.xml")
    found += [(f"sample/{p.relative_to(web)}", p) for p in sorted(sample)]
    return [(name, p) for name, p in found if p.suffix in (".xml", ".json") and p.is_file()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=Path, default=DEFAULT_FEEDS)
    args = parser.parse_args()
    if not args.feeds.is_dir():
        raise SystemExit(f"error: {args.feeds}: no such folder (the real-feed corpus)")
    parsers = {"feedparser": feedparser.parse, "fastfeedparser": fastfeedparser.parse}
    totals = {name: [0, 0.0, 0, 0] for name in parsers}  # files right, s, items, garbled
    with tempfile.TemporaryDirectory() as tmp:
        web = Path(tmp) / "web"
        generate(web, seed=1, outlets=2, articles=60, hostile=True)
        rows = files(args.feeds, web)
        print(f"| file | expected | {' | '.join(parsers)} |")
        print("|---|---|" + "---|" * len(parsers))
        for name, path in rows:
            body = path.read_bytes()
            expected = expected_items(body)
            cells = []
            for parser_name, parse in parsers.items():
                found, garbled, seconds = measure(parse, body)
                totals[parser_name][1] += seconds
                totals[parser_name][3] += garbled
                if isinstance(found, int):
                    totals[parser_name][2] += found
                    totals[parser_name][0] += found == expected and not garbled
                note = f", {garbled} titles garbled" if garbled else ""
                cells.append(f"{found} items{note}, {seconds * 1000:.1f} ms")
            print(f"| {name} | {expected} | {' | '.join(cells)} |")
    print()
    for parser_name, (right, seconds, items, garbled) in totals.items():
        print(
            f"{parser_name}: {right}/{len(rows)} files with every item and no garbled title, "
            f"{items} items, {garbled} garbled titles, "
            f"{seconds:.2f} s in all ({len(rows) / seconds:.0f} files/s)"
        )


if __name__ == "__main__":
    main()
