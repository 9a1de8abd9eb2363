"""The polite fetcher and the address guard, against the local sample web and mock hosts."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from retina.errors import FetchError
from retina.ingest.fetch import Fetcher, FetchSettings, Validators
from retina.ingest.guard import AddressGuard
from retina.sample import Behaviour, generate, read_truth, serve
from retina.sample.hostile import HostileOptions

LOCAL = AddressGuard(["127.0.0.0/8"])


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fetched")
    options = HostileOptions(huge_bytes=300_000, bomb_expanded_bytes=4 * 1024 * 1024)
    generate(folder, seed=5, outlets=4, articles=60, hostile=True, hostile_options=options)
    return folder


@pytest.fixture(scope="module")
def truth(web: Path) -> list[dict[str, Any]]:
    return list(read_truth(web))


def respond(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    """A mock response whose body streams, as a network response's does."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


def run(coroutine_factory: Callable[[Fetcher], Any], **settings: Any) -> Any:
    guard = settings.pop("guard", LOCAL)
    transport = settings.pop("transport", None)
    fast = {"min_delay": 0.0, **settings}

    async def main() -> Any:
        async with Fetcher(FetchSettings(**fast), guard=guard, transport=transport) as fetcher:
            return await coroutine_factory(fetcher)

    return asyncio.run(main())


# --- the address guard ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/feed.xml",
        "http://10.1.2.3/admin",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost:8080/",
        "http://0.0.0.0/",
    ],
)
def test_guard_refuses_addresses_that_are_not_public(url: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        asyncio.run(AddressGuard().check(url))


def test_guard_allow_list_and_schemes() -> None:
    asyncio.run(LOCAL.check("http://127.0.0.1:1/feed.xml"))
    asyncio.run(AddressGuard(["localhost"]).check("http://localhost/"))
    asyncio.run(AddressGuard().check("http://93.184.216.34/"))  # public: no DNS needed
    with pytest.raises(FetchError, match="only http and https"):
        asyncio.run(AddressGuard().check("file:///etc/passwd"))
    with pytest.raises(FetchError, match="refused"):
        asyncio.run(LOCAL.check("http://10.0.0.1/"))


@pytest.mark.parametrize("url", ["http://[::1/feed", "http://example.com:99999/", "http://a:b/"])
def test_guard_refuses_urls_that_do_not_parse(url: str) -> None:
    """A redirect's Location is as hostile as any input (found by `make fuzz`)."""
    with pytest.raises(FetchError, match="not a valid URL"):
        asyncio.run(AddressGuard().check(url))


def test_a_redirect_to_a_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return respond(302, headers={"location": "http://169.254.169.254/latest/"})

    with pytest.raises(FetchError, match="refused"):
        run(
            lambda f: f.fetch("http://93.184.216.34/feed.xml"),
            guard=AddressGuard(),
            transport=httpx.MockTransport(handler),
            obey_robots=False,
        )


# --- HTTP semantics against the sample web ----------------------------------------------


def test_conditional_get_answers_not_modified(web: Path, truth: list[dict[str, Any]]) -> None:
    with serve(web) as server:
        url = server.map_url(truth[0]["url"])

        async def twice(fetcher: Fetcher) -> tuple[Any, Any]:
            first = await fetcher.fetch(url)
            return first, await fetcher.fetch(url, validators=first.validators)

        first, second = run(twice)
        assert first.status == 200 and first.body and first.validators.etag
        assert second.not_modified and second.body == b""
        path = urlsplit(url).path
        statuses = [r.status for r in server.requests if r.path == path]
        assert statuses == [200, 304]


def test_gzip_is_decoded_and_limits_hold(web: Path, truth: list[dict[str, Any]]) -> None:
    with serve(web) as server:
        url = server.map_url(truth[0]["url"])
        page = run(lambda f: f.fetch(url))
        assert page.body == httpx.get(url).content  # gzip on the wire, decoded here
        assert any(r.path == urlsplit(url).path for r in server.requests)
        with pytest.raises(FetchError, match="larger than"):
            run(lambda f: f.fetch(url), max_bytes=1024)
        bomb = server.url + "/hostile/gzip-bomb.html"
        with pytest.raises(FetchError, match="larger than"):
            run(lambda f: f.fetch(bomb), max_bytes=1024 * 1024)


def test_redirect_loops_stop(web: Path) -> None:
    with serve(web) as server, pytest.raises(FetchError, match="redirects"):
        run(lambda f: f.fetch(server.url + "/hostile/redirect-loop/a"))


def test_robots_txt_is_obeyed(web: Path) -> None:
    folder = sorted(p.name for p in web.iterdir() if (p / "robots.txt").exists())[0]
    with serve(web) as server:
        with pytest.raises(FetchError, match=r"disallowed by the site's robots\.txt"):
            run(lambda f: f.fetch(f"{server.url}/{folder}/search?q=x"))
        assert not [r for r in server.requests if "/search" in r.path]
        with pytest.raises(FetchError, match="HTTP 404"):  # asked when robots are ignored
            run(lambda f: f.fetch(f"{server.url}/{folder}/search?q=x"), obey_robots=False)


def test_one_request_at_a_time_per_host_with_a_delay(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    urls = [r["url"] for r in truth[:5]]
    with serve(web, behaviour=Behaviour(latency=0.05)) as server:

        async def all_at_once(fetcher: Fetcher) -> list[Any]:
            return await asyncio.gather(*(fetcher.fetch(server.map_url(u)) for u in urls))

        started = time.monotonic()
        run(all_at_once, min_delay=0.2)
        elapsed = time.monotonic() - started
        pages = [r for r in server.requests if not r.path.endswith("robots.txt")]
        assert len(pages) == 5
        assert max(r.host_concurrency for r in server.requests) == 1
        starts = sorted(r.time for r in pages)
        assert all(b - a >= 0.19 for a, b in itertools.pairwise(starts))
        assert elapsed >= 0.8


def test_retry_after_blocks_only_its_host() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        if request.url.host == "93.184.216.34":
            return respond(429, headers={"retry-after": "120"})
        return respond(200, b"ok")

    async def scenario(fetcher: Fetcher) -> list[str]:
        outcomes = []
        for url in ("http://93.184.216.34/a", "http://93.184.216.34/b", "http://93.184.216.35/c"):
            try:
                await fetcher.fetch(url)
                outcomes.append("ok")
            except FetchError as error:
                outcomes.append(str(error))
        return outcomes

    outcomes = run(
        scenario, guard=AddressGuard(), transport=httpx.MockTransport(handler), obey_robots=False
    )
    assert "retry after 120 s" in outcomes[0]
    assert "asked to wait" in outcomes[1]
    assert outcomes[2] == "ok"
    assert calls == ["93.184.216.34", "93.184.216.35"]  # the blocked host was not asked again


def test_errors_are_one_line_fetch_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/gone":
            return respond(404)
        raise httpx.ConnectError("connection refused")

    transport = httpx.MockTransport(handler)
    for path, expected in (("/gone", "HTTP 404"), ("/down", "could not connect")):
        with pytest.raises(FetchError, match=expected) as error:
            run(
                lambda f, p=path: f.fetch(f"http://93.184.216.34{p}"),
                guard=AddressGuard(),
                transport=transport,
                obey_robots=False,
            )
        assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("identity", bytes)],
)
def test_content_encodings_from_a_mock_host(
    encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    body = b"<rss>" + b"x" * 10_000 + b"</rss>"

    def handler(request: httpx.Request) -> httpx.Response:
        return respond(200, compress(body), {"content-encoding": encoding})

    page = run(
        lambda f: f.fetch("http://93.184.216.34/feed"),
        guard=AddressGuard(),
        transport=httpx.MockTransport(handler),
        obey_robots=False,
    )
    assert page.body == body and page.validators == Validators()
