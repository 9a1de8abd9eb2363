"""Polling at scale: 2,000 feeds on 200 hosts of the local sample web.

A sample web of 200 outlets is generated with one loopback address per outlet
(127.0.0.2 ... 127.0.0.201) and served by a separate process, so the server and the
poller do not share one interpreter. Each host carries ten followed feed URLs (its RSS,
Atom, JSON Feed and news sitemap, the same documents under distinct query strings), 2,000
sources in all. Their items are recorded as already seen, so a poll measures fetching and
parsing feeds, not cleaning articles (benchmarks/extraction.py and clean_speed.py measure
that).

Three polls, each of every source:

1. **first**: every feed answered 200 and parsed (plus one robots.txt per host);
2. **unchanged**: every feed answered 304 to its conditional GET (the target: under 20 s);
3. **mixed**: 10% of the hosts slow (0.3–0.6 s a response), 10% failing (503 with
   Retry-After), 20% without conditional GET (200 and a parse every time), the rest 304.

Reported per poll: wall time, feeds per second, outcomes, and from the server's own
request log the most requests any one host had in flight at once and the shortest gap
between two request starts on one host; and the poller's peak memory (max RSS).

Some sample outlets ask for a robots.txt Crawl-delay of up to 5 s, which the fetcher obeys:
ten feeds on such a host take 50 s whatever the poller does. By default the benchmark
removes those lines from its copy of the web, so that `--min-delay` is what is measured;
`--keep-crawl-delay` keeps them.

    .venv/bin/python benchmarks/polling.py [--feeds 2000 --hosts 200 --per-host 1 --min-delay 1]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import resource
import socket
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from retina.ingest.feeds import parse_source
from retina.ingest.fetch import Fetcher, FetchSettings
from retina.ingest.guard import AddressGuard
from retina.ingest.poll import PollReport, poll_sources
from retina.sample import Behaviour, SampleServer, generate
from retina.store import Store
from retina.store.schema import source_items
from retina.store.sources import add_source, due_sources, list_sources, update_source

DOCUMENTS = ("rss.xml", "atom.xml", "feed.json", "sitemap-news.xml")
TARGET_SECONDS = 20.0
TARGET_MEMORY_MB = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_forever(
    folder: str, port: int, behaviour: dict[str, Behaviour], pipe: Connection
) -> None:
    """The server process: serve, answer "log" with the request log, stop on "stop"."""
    server = SampleServer(folder, port=port, outlet_behaviour=behaviour)
    server.start()
    pipe.send("ready")
    while True:
        command = pipe.recv()
        if command == "log":
            pipe.send(
                [(r.host, r.time, r.status, r.host_concurrency, r.path) for r in server.requests]
            )
        elif command == "clear":
            server.clear_log()
            pipe.send("ok")
        else:
            server.stop()
            pipe.send("stopped")
            return


class ServerProcess:
    def __init__(self, folder: Path, port: int, behaviour: dict[str, Behaviour]) -> None:
        self.pipe, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(
            target=serve_forever, args=(str(folder), port, behaviour, child), daemon=True
        )
        self.process.start()
        if not self.pipe.poll(60) or self.pipe.recv() != "ready":
            raise SystemExit("error: the sample server did not start")

    def ask(self, command: str) -> Any:
        self.pipe.send(command)
        return self.pipe.recv()

    def stop(self) -> None:
        self.ask("stop")
        self.process.join(10)


def drop_crawl_delays(folder: Path) -> int:
    """Remove the outlets' robots.txt Crawl-delay lines (1, 2 or 5 s on some outlets), so
    that the configured --min-delay is the politeness measured; returns how many."""
    dropped = 0
    for robots in folder.glob("*/robots.txt"):
        lines = robots.read_text().splitlines(keepends=True)
        kept = [line for line in lines if not line.lower().startswith("crawl-delay")]
        dropped += len(lines) - len(kept)
        robots.write_text("".join(kept))
    return dropped


def follow(store: Store, folder: Path, feeds: int) -> None:
    """Add `feeds` sources, spread evenly over the outlets, with their items seen."""
    outlets = json.loads((folder / "outlets.json").read_text())
    per_host = -(-feeds // len(outlets))
    rows = []
    now = datetime.now(UTC)
    added = 0
    for outlet in outlets:
        base = outlet["base_url"]
        for copy in range(per_host):
            if added == feeds:
                break
            document = DOCUMENTS[copy % len(DOCUMENTS)]
            url = f"{base}{document}?copy={copy // len(DOCUMENTS)}"
            source = add_source(store, url, kind="feed")
            body = (folder / outlet["folder"] / document).read_bytes()
            for item in parse_source(body, url=url).items:
                rows.append({"source_id": source.id, "item_key": item.key, "seen_at": now})
            added += 1
    with store.writing() as connection:
        connection.execute(insert(source_items), rows)


def make_all_due(store: Store) -> None:
    now = datetime.now(UTC)
    for source in list_sources(store):
        update_source(store, source.id, next_poll_at=now)


def poll_once(store: Store, settings: FetchSettings) -> tuple[PollReport, float]:
    async def main() -> PollReport:
        async with Fetcher(settings, guard=AddressGuard(["127.0.0.0/8"])) as fetcher:
            return await poll_sources(store, fetcher, due_sources(store))

    started = time.perf_counter()
    report = asyncio.run(main())
    return report, time.perf_counter() - started


def host_manners(log: list[tuple[str, float, int, int, str]]) -> tuple[int, float, int]:
    """Most requests in flight at once on one host, the shortest gap between two request
    starts on one host, and how many hosts were asked."""
    starts: dict[str, list[float]] = defaultdict(list)
    for host, started, _status, _in_flight, _path in log:
        starts[host].append(started)
    gaps = [b - a for times in starts.values() for a, b in itertools.pairwise(sorted(times))]
    return max(r[3] for r in log), min(gaps) if gaps else float("inf"), len(starts)


def report_line(name: str, report: PollReport, seconds: float, log: list[Any]) -> dict[str, Any]:
    in_flight, gap, hosts = host_manners(log)
    statuses = Counter(r[2] for r in log if not r[4].endswith("robots.txt"))
    outcome = Counter(o.status for o in report.outcomes)
    row = {
        "poll": name,
        "feeds": len(report.outcomes),
        "seconds": round(seconds, 1),
        "feeds_per_s": round(len(report.outcomes) / seconds),
        "outcomes": dict(outcome),
        "http": dict(sorted(statuses.items())),
        "hosts": hosts,
        "max_in_flight_per_host": in_flight,
        "min_gap_s": round(gap, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(row), flush=True)
    return row


def mixed_behaviour(folders: list[str]) -> dict[str, Behaviour]:
    behaviour = {}
    for index, folder in enumerate(folders):
        share = index % 10
        if share == 0:
            behaviour[folder] = Behaviour(latency=0.3, jitter=0.3)
        elif share == 1:
            behaviour[folder] = Behaviour(error_rate=1.0, retry_after=30)
        elif share in (2, 3):
            behaviour[folder] = Behaviour(conditional_get=False)
    return behaviour


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--per-host", type=int, default=1, help="Requests at once per host.")
    parser.add_argument("--min-delay", type=float, default=1.0, help="Seconds between requests.")
    parser.add_argument(
        "--keep-crawl-delay",
        action="store_true",
        help="Keep the outlets' robots.txt Crawl-delay (then the slowest host sets the time).",
    )
    args = parser.parse_args()
    settings = FetchSettings(per_host=args.per_host, min_delay=args.min_delay)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "web"
        port = free_port()
        started = time.perf_counter()
        generate(
            folder,
            seed=2,
            outlets=args.hosts - 1,  # and the aggregator
            articles=args.hosts * 4,
            per_outlet_hosts=True,
            base_url=f"http://127.0.0.1:{port}",
        )
        print(f"# sample web of {args.hosts} hosts in {time.perf_counter() - started:.0f} s")
        if not args.keep_crawl_delay:
            print(f"# Crawl-delay removed from the robots.txt of {drop_crawl_delays(folder)} hosts")
        folders = [o["folder"] for o in json.loads((folder / "outlets.json").read_text())]
        with Store.open(Path(tmp) / "home") as store:
            follow(store, folder, args.feeds)
            rows = []
            server = ServerProcess(folder, port, {})
            try:
                for name in ("first", "unchanged"):
                    make_all_due(store)
                    server.ask("clear")
                    report, seconds = poll_once(store, settings)
                    rows.append(report_line(name, report, seconds, server.ask("log")))
            finally:
                server.stop()
            server = ServerProcess(folder, port, mixed_behaviour(folders))
            try:
                make_all_due(store)
                report, seconds = poll_once(store, settings)
                rows.append(report_line("mixed", report, seconds, server.ask("log")))
            finally:
                server.stop()
    unchanged = rows[1]
    verdicts = [
        f"unchanged poll {unchanged['seconds']} s (target < {TARGET_SECONDS:.0f} s)",
        f"peak memory {max(r['peak_rss_mb'] for r in rows)} MB (target < {TARGET_MEMORY_MB})",
        f"most requests at once on one host {max(r['max_in_flight_per_host'] for r in rows)}"
        f" (configured {args.per_host})",
    ]
    print("# " + "; ".join(verdicts))
    failed = (
        unchanged["seconds"] >= TARGET_SECONDS
        or max(r["peak_rss_mb"] for r in rows) >= TARGET_MEMORY_MB
        or max(r["max_in_flight_per_host"] for r in rows) > args.per_host
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
