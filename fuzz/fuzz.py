"""Fuzzing what Retina takes from outside: page cleaning, feeds and sitemaps, OPML, and the
web reader's and JSON API's requests.

Each case is a seed input changed by one to four random mutations: cut, deleted or
repeated ranges, flipped bytes, another seed spliced in, hostile fragments inserted (deep
nesting, unterminated comments and scripts, bogus entities and charsets, huge attributes,
entity declarations, deeply nested JSON-LD), or the whole re-encoded or gzipped. The
cleaned article is stored (and so linked) as ingest does. Seeds: the bundled examples,
sample-web article pages, small feeds written here, and the real pages and feeds in
../shared when it is beside the project.

The `web` target sends the reader and the API (over a store of sample articles, in
process) requests built from their routes with hostile values: huge and negative numbers,
NUL and invalid percent-escapes, traversal, very long and bidirectional text, mutated OPML
bodies, source URLs that must be refused before any network access.

The oracle: a parser returns its result, or raises `RetinaError` with a one-line message;
a web request gets an answer below 500. Any other exception, a message with a line break,
or a case slower than `--slow` seconds is a finding, written to `fuzz/findings/` (seed,
mutations and input) for `--replay`.

    .venv/bin/python fuzz/fuzz.py [--seconds 600] [--seed 1] [--targets clean,feeds,opml,web]
    .venv/bin/python fuzz/fuzz.py --replay fuzz/findings/<file>.json
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FINDINGS = ROOT / "fuzz" / "findings"
MAX_CASE_BYTES = 4 * 1024 * 1024

HOSTILE = (
    "<div>" * 5000,
    "<svg>" + "<g>" * 3000,
    "<table>" + "<tr><td>cell</td>" * 4000 + "</table>",
    "<ul>" + "<li><a href='/x'>link text here</a></li>" * 3000 + "</ul>",
    "<!-- never closed",
    "<script>var a = '</scr' + 'ipt>'; never closed",
    "<style>p { color: red }",
    "<![CDATA[ <p>not really</p> ",
    "&#xFFFFFFFF; &#0; &#xD800; &#55296; &bogus; &amp &#x1F62D; &#128557;",
    "\x00" * 64,
    "\ufeff\ufeff<p>\u202eevil\u202c</p>",
    "<p>" + "\u0301" * 5000 + "</p>",
    "<p>" + "A" * 300_000 + "</p>",
    "<br>" * 20000,
    "<p " + " ".join(f"a{i}='v'" for i in range(50_000)) + ">crowded</p>",
    "".join(f"<p>The council met again today, meeting number {i}.</p>" for i in range(20000)),
    '<a href="' + "x" * 200_000 + '">long attribute</a>',
    '<img src="data:image/png;base64,' + "A" * 100_000 + '">',
    '<meta charset="utf-16">',
    '<meta http-equiv="Content-Type" content="text/html; charset=x-bogus-9">',
    '<meta charset="base64"><meta charset="undefined">',
    '<?xml version="1.0" encoding="zlib"?>',
    '<?xml version="1.0" encoding="ebcdic-cp-us"?>',
    '<base href="javascript:alert(1)"><link rel="canonical" href="http://[::1">',
    '<link rel="canonical" href="http://%zz%zz/"><meta property="og:url" content="//">',
    '<link rel="canonical" href="http://fuzz.example:99999/a">',
    '<link rel="canonical" href="//[::1/">',
    '<script type="application/ld+json">' + "[" * 20000 + "</script>",
    '<script type="application/ld+json">{"@type": ["NewsArticle", 7], "author": {"name": '
    '["a", {"b": 1}]}, "datePublished": "99999-99-99T99:99", "headline": 1e400}</script>',
    '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "'
    + "&amp;" * 2000
    + "<p>" * 500
    + "x " * 50_000
    + '"}</script>',
    '<div id="comments" class="comment-list">' + '<div class="comment"><p>x y z.</p></div>' * 3000,
    '<div class="__comment" id="comment__"></div><ol class="Comments"><li>ǅ</li></ol>',
    '<time datetime="0000-00-00T25:61:61">x</time><meta name="date" content="-999999999">',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>&b;',
    "<rss><channel>" + "<item><title>t</title><link>http://x/</link></item>" * 3000,
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="javascript:x"/></entry>',
    '{"version": "https://jsonfeed.org/version/1.1", "items": [' + '{"id": 1},' * 3000 + "{}]}",
    '<outline xmlUrl="file:///etc/passwd" text="x"/>' * 50,
    "<" * 10000,
    "</p>" * 10000,
    "<p>Source: http://[::1</p><p>Via example.com:99999</p>",
    '<a href="http://[::1">x</a><a href="//:99999/">y</a><a href="http://a:b/">z</a>',
    "<item><title>t</title><link>http://[::1</link><guid>http://x.example:99999/</guid></item>",
)
PAGE_URLS = (
    "http://fuzz.example/article",
    None,
    "https://fuzz.example:8443/a/b?c=d#e",
    "http://[::1",
    "http://fuzz.example:99999/a",
    "http://fuzz.example/%zz\u202e?\x00",
)
"""The page URL `clean` is given: a poll passes the feed's, a user types one."""
TARGETS = ("clean", "feeds", "opml", "web")
ROUTES = (
    "/",
    "/articles",
    "/articles/{n}",
    "/sections/{s}",
    "/unsectioned",
    "/sites",
    "/sites/{s}",
    "/api/articles",
    "/api/articles/{n}",
    "/api/articles/{n}/duplicates",
    "/api/sections",
    "/api/sites",
    "/api/sources",
    "/api/sources/{n}",
    "/api/sources/{n}/items",
    "/api/opml",
    "/static/{s}",
    "/docs",
    "/openapi.json",
)
PARAMETERS = ("page", "limit", "offset", "section", "site", "grouped", "items", "q")
VALUES = (
    "1", "0", "-1", "2", str(2**63), str(10**20), "1e9", "NaN", "abc", "true", "", " ",
    "%00", "%ff%fe", "%", "%25", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "x" * 5000,
    "World", "Sport", "’", "\u202eevil", "<script>alert(1)</script>", "'; DROP TABLE x;--",
)  # fmt: skip
SOURCE_URLS = (
    "file:///etc/passwd", "http://127.0.0.1:1/feed", "http://[::1", "http://10.0.0.1/",
    "javascript:alert(1)", "http://0.0.0.0:99999/", "", "x" * 3000, 7, None, [], {},
)  # fmt: skip
"""Sources the API must refuse before any network access: private, malformed, not text."""
ENCODINGS = ("utf-16", "utf-16-be", "utf-32", "latin-1", "cp1251", "shift_jis", "gb18030")
SEED_FEEDS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://a.example/'
    b"</link><item><title>One</title><link>http://a.example/1</link><description>&lt;p&gt;Hi"
    b"&lt;/p&gt;</description><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>"
    b"</channel></rss>",
    b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T'
    b'</title><entry><title>One</title><link href="http://a.example/1"/><id>1</id><updated>'
    b"2026-12-01T10:00:00Z</updated></entry></feed>",
    b'{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", '
    b'"url": "http://a.example/1", "title": "One", "date_published": "2026-12-01T10:00:00Z"}]}',
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://a.example/1'
    b"</loc><news:news><news:title>One</news:title><news:publication_date>2026-12-01"
    b"</news:publication_date></news:news></url></urlset>",
    b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
    b"<body><p>Front page</p></body></html>",
)
SEED_OPML = (
    b'<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>'
    b'<outline text="News"><outline type="rss" text="A" xmlUrl="http://a.example/feed.xml"/>'
    b'<outline type="rss" text="B" xmlUrl="https://b.example/atom"/></outline></body></opml>',
)


@dataclass
class Case:
    """One fuzz input: where it came from, what was done to it, and the bytes."""

    target: str
    seed: str
    mutations: list[str] = field(default_factory=list)
    data: bytes = b""
    url: str | None = "http://fuzz.example/article"


def seeds(target: str, limit: int, *, shared: bool = True) -> list[tuple[str, bytes]]:
    """Seed inputs for a target: built-in ones first, then ../shared's when present."""
    if target == "web":
        return [("web-request", b"")]  # requests are made up whole by `web_cases`
    if target == "clean":
        found = [(p.name, p.read_bytes()) for p in sorted((ROOT / "examples").iterdir())]
        from retina.sample import iter_articles

        found += [(p.path, p.body) for p in iter_articles(seed=3, outlets=6, articles=12)]
        found += _shared_pages(limit) if shared else []
    elif target == "feeds":
        found = [(f"builtin-feed-{n}", body) for n, body in enumerate(SEED_FEEDS)]
        feeds = SHARED / "feeds"
        if shared and feeds.is_dir():
            files = sorted(p for p in feeds.rglob("*") if p.is_file() and p.suffix != ".txt")
            found += [(str(p.relative_to(feeds)), p.read_bytes()) for p in files]
    else:
        found = [(f"builtin-opml-{n}", body) for n, body in enumerate(SEED_OPML)]
    return found[: max(limit, 1)]


def _shared_pages(limit: int) -> list[tuple[str, bytes]]:
    pages: list[tuple[str, bytes]] = []
    folder = SHARED / "extraction" / "mozilla-readability" / "test-pages"
    if folder.is_dir():
        pages += [(p.parent.name, p.read_bytes()) for p in sorted(folder.glob("*/source.html"))]
    folder = SHARED / "extraction" / "trafilatura-eval" / "eval"
    if folder.is_dir():
        for path in sorted(folder.glob("*.gz"))[:limit]:
            pages.append((path.name, gzip.decompress(path.read_bytes())))
    return pages[:limit]


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> tuple[str, bytes]:
    """One random change to `data`, and its name."""
    n = len(data)
    choice = rng.randrange(10)
    if choice == 0 and n:
        cut = rng.randrange(n)
        return f"truncate at {cut}", data[:cut]
    if choice == 1 and n:
        start = rng.randrange(n)
        end = min(n, start + rng.randrange(1, 4096))
        return f"delete {start}:{end}", data[:start] + data[end:]
    if choice == 2 and n:
        start = rng.randrange(n)
        piece = data[start : start + rng.randrange(1, 2048)]
        at = rng.randrange(n)
        times = rng.choice((1, 2, 50))
        return f"repeat {len(piece)} bytes x{times} at {at}", data[:at] + piece * times + data[at:]
    if choice == 3 and n:
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 32)):
            flipped[rng.randrange(n)] = rng.randrange(256)
        return "flip bytes", bytes(flipped)
    if choice == 4 and others:
        other = rng.choice(others)
        a, b = rng.randrange(n + 1), rng.randrange(len(other) + 1)
        return f"splice at {a}/{b}", data[:a] + other[b:]
    if choice == 5:
        encoding = rng.choice(ENCODINGS)
        text = data.decode("utf-8", "replace")
        return f"re-encode as {encoding}", text.encode(encoding, "replace")
    if choice == 6:
        packed = gzip.compress(data)
        if rng.random() < 0.5:
            return "gzip", packed
        return "gzip, truncated", packed[: rng.randrange(len(packed))]
    index = rng.randrange(len(HOSTILE))
    at = rng.randrange(n + 1)
    return f"insert hostile #{index} at {at}", data[:at] + HOSTILE[index].encode() + data[at:]


def web_request(rng: random.Random) -> dict[str, object]:
    """One request to the reader or the API: method, path, query, body."""
    route = rng.choice(ROUTES)
    path = route.replace("{n}", rng.choice(VALUES)).replace("{s}", rng.choice(VALUES))
    query = {name: rng.choice(VALUES) for name in rng.sample(PARAMETERS, rng.randint(0, 3))}
    request: dict[str, object] = {"method": "GET", "path": path, "query": query}
    if route == "/api/sources" and rng.random() < 0.4:
        request.update(method="POST", json={"url": rng.choice(SOURCE_URLS)})
    elif route == "/api/sources/{n}" and rng.random() < 0.3:
        request["method"] = "DELETE"
    elif route == "/api/opml" and rng.random() < 0.6:
        _, body = mutate(rng, SEED_OPML[0], [])
        request.update(method="POST", body=base64.b64encode(body).decode("ascii"))
    return request


def cases(target: str, rng: random.Random, pool: list[tuple[str, bytes]]) -> Iterator[Case]:
    """Endless mutated cases for `target`."""
    if target == "web":
        while True:
            request = web_request(rng)
            case = Case(target, f"{request['method']} {request['path']}"[:80], url=None)
            case.data = json.dumps(request).encode("utf-8")
            yield case
    bodies = [body for _, body in pool]
    while True:
        name, data = rng.choice(pool)
        case = Case(target, name, url=rng.choice(PAGE_URLS) if target == "clean" else None)
        for _ in range(rng.randint(1, 4)):
            label, data = mutate(rng, data, bodies)
            case.mutations.append(label)
            if len(data) > MAX_CASE_BYTES:
                data = data[:MAX_CASE_BYTES]
        case.data = data
        yield case


def parser(target: str) -> Callable[[Case], object]:
    """The function under test for a target, called with a case."""
    if target == "web":
        return _web_client()
    if target == "clean":
        return _clean_and_store()
    if target == "feeds":
        from retina.ingest.feeds import parse_source

        return lambda case: parse_source(case.data, url="http://fuzz.example/feed")
    from retina.ingest.opml import read_opml

    return lambda case: read_opml(case.data)


class _Hung(BaseException):
    """Raised by the alarm in a case that runs far past its time limit."""


def _alarm(_signal: int, _frame: object) -> None:
    raise _Hung


def _scratch_home() -> Path:
    """A data directory for one run, removed when the process exits."""
    import atexit
    import shutil
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="retina-fuzz-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


def _clean_and_store() -> Callable[[Case], object]:
    """Clean a case's page and store what comes out, as ingest and polling do: storing
    links the article (URL identity, shingles), which reads the page's own URLs again."""
    from retina import clean
    from retina.store import Store

    store = Store.open(_scratch_home())

    def run(case: Case) -> object:
        return store.upsert(clean(case.data, url=case.url), key=f"{case.seed}-{len(case.data)}")

    return run


def _web_client() -> Callable[[Case], object]:
    """Send a case's request to an app over a fresh store of sample articles; a 5xx
    answer is raised as an error for `check` to report."""
    from fastapi.testclient import TestClient

    from retina import clean
    from retina.sample import iter_articles
    from retina.store import Store
    from retina.web.app import create_app

    home = _scratch_home()
    with Store.open(home) as store:
        for page in iter_articles(seed=3, outlets=4, articles=20):
            store.upsert(clean(page.body, url=page.url), key=page.url)
    client = TestClient(create_app(home), raise_server_exceptions=False)

    def send(case: Case) -> object:
        request = json.loads(case.data)
        body = base64.b64decode(request["body"]) if "body" in request else None
        response = client.request(
            request["method"],
            request["path"],
            params=request["query"],
            json=request.get("json"),
            content=body,
        )
        if response.status_code >= 500:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:300]}")
        return response

    return send


def check(run: Callable[[Case], object], case: Case, slow: float) -> str | None:
    """None when the parser behaved, else what went wrong. A case still running at three
    times the limit is interrupted (at its next Python instruction) and reported."""
    from retina.errors import RetinaError

    started = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 3 * slow)
    try:
        run(case)
    except _Hung:
        elapsed = time.perf_counter() - started
        return f"hung: interrupted after {elapsed:.0f} s\n" + traceback.format_exc(limit=-8)
    except RetinaError as error:
        message = str(error)
        if not message or "\n" in message:
            return f"RetinaError message is not one line: {message!r}"
    except Exception:  # any other exception is what fuzzing looks for
        return traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - started
    if elapsed > slow:
        return f"slow: {elapsed:.1f} s (limit {slow} s)"
    return None


def save(case: Case, problem: str) -> Path:
    """Write a finding for `--replay`."""
    FINDINGS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = FINDINGS / f"{case.target}-{stamp}-{abs(hash(case.data)) % 10**8}.json"
    record = {
        "target": case.target,
        "seed": case.seed,
        "mutations": case.mutations,
        "url": case.url,
        "problem": problem,
        "data": base64.b64encode(case.data).decode("ascii"),
    }
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return path


def fuzz(
    targets: list[str],
    *,
    seconds: float,
    seed: int,
    slow: float,
    max_cases: int | None = None,
    shared: bool = True,
    record: bool = True,
) -> list[tuple[Case, str]]:
    """Run each target for its share of `seconds` (or `max_cases` cases); return the
    findings, each also written to `fuzz/findings/` when `record`."""
    findings: list[tuple[Case, str]] = []
    for target in targets:
        rng = random.Random(f"{seed}-{target}")
        run = parser(target)
        pool = seeds(target, 200, shared=shared)
        deadline = time.monotonic() + seconds / len(targets)
        count = 0
        for case in cases(target, rng, pool):
            problem = check(run, case, slow)
            count += 1
            if problem:
                findings.append((case, problem))
                if record:
                    path = save(case, problem)
                    print(f"FINDING {path.name}: {case.seed} after {'; '.join(case.mutations)}")
                    print("  " + problem.strip().splitlines()[-1], flush=True)
            if time.monotonic() >= deadline or count == max_cases:
                break
        print(f"{target}: {count} cases from {len(pool)} seeds, {len(findings)} findings so far")
    return findings


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seconds", type=float, default=600.0, help="total, shared by targets")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--targets", default=",".join(TARGETS))
    options.add_argument("--slow", type=float, default=10.0, help="seconds a case may take")
    options.add_argument("--replay", type=Path, help="a finding written by an earlier run")
    args = options.parse_args()
    if args.replay:
        record = json.loads(args.replay.read_text(encoding="utf-8"))
        case = Case(record["target"], record["seed"], record["mutations"], url=record.get("url"))
        case.data = base64.b64decode(record["data"])
        problem = check(parser(case.target), case, args.slow)
        print(problem or "no problem: the parser now behaves on this input")
        sys.exit(1 if problem else 0)
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        options.error(f"unknown target(s): {', '.join(sorted(unknown))}")
    findings = fuzz(targets, seconds=args.seconds, seed=args.seed, slow=args.slow)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
