"""Manners across several hosts, measured from the sample server's own request log, and
the address guard's DNS cases."""

from __future__ import annotations

import asyncio
import json
import socket
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import pytest

from retina.errors import FetchError
from retina.ingest.fetch import Fetcher, FetchSettings
from retina.ingest.guard import AddressGuard
from retina.sample import Behaviour, SampleServer, generate, serve
from retina.sample.hostile import HostileOptions


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three outlets, each on its own address (127.0.0.2, .3, .4), and the hostile pages."""
    folder = tmp_path_factory.mktemp("hosts")
    options = HostileOptions(
        slow_seconds=3, trickle_seconds=3, huge_bytes=3_000_000, bomb_expanded_bytes=3_000_000
    )
    generate(
        folder, seed=8, outlets=2, articles=30, per_outlet_hosts=True, hostile=True,
        hostile_options=options,
    )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def outlets(web: Path) -> list[dict[str, Any]]:
    return json.loads((web / "outlets.json").read_text())


def fetch_all(urls: list[str], **settings: Any) -> list[str]:
    """Fetch every URL at once; 'ok' or the error of each."""

    async def main() -> list[str]:
        fetch_settings = FetchSettings(**{"min_delay": 0.0, **settings})
        async with Fetcher(fetch_settings, guard=AddressGuard(["127.0.0.0/8"])) as fetcher:

            async def one(url: str) -> str:
                try:
                    await fetcher.fetch(url)
                except FetchError as error:
                    return str(error)
                return "ok"

            return await asyncio.gather(*(one(url) for url in urls))

    return asyncio.run(main())


def pages_of(server: SampleServer, outlet: dict[str, Any]) -> list[str]:
    base = server.map_url(outlet["base_url"])
    return [base + name for name in ("rss.xml", "atom.xml", "feed.json", "sitemap-news.xml")]


def test_per_host_concurrency_and_delay_hold_on_every_host(
    web: Path, outlets: list[dict[str, Any]]
) -> None:
    """Two requests at a time per host at most, hosts in parallel, and 0.3 s between the
    end of one request and the start of the next on a host (from the server's log)."""
    for name in web.glob("*/robots.txt"):  # the outlets' Crawl-delay would dominate
        text = "".join(
            line for line in name.read_text().splitlines(keepends=True) if "Crawl-delay" not in line
        )
        name.write_text(text)
    with serve(web, behaviour=Behaviour(latency=0.1)) as server:
        urls = [url for outlet in outlets for url in pages_of(server, outlet) for _ in range(2)]
        assert set(fetch_all(urls, per_host=2, min_delay=0.3)) == {"ok"}
        log = [r for r in server.requests if not r.path.endswith("robots.txt")]
    assert len(log) == len(urls)
    assert max(r.host_concurrency for r in log) <= 2
    assert max(r.concurrency for r in log) > 2  # the hosts were asked at the same time
    by_host: dict[str, list[Any]] = defaultdict(list)
    for record in log:
        by_host[record.host].append(record)
    assert len(by_host) == len(outlets)
    for records in by_host.values():
        starts = sorted(r.time for r in records)
        ends = sorted(r.time + r.duration for r in records)
        # The third request on a host waits for one of the first two to end, plus the delay.
        assert starts[2] >= ends[0] + 0.29


def test_retry_after_blocks_only_its_host(web: Path, outlets: list[dict[str, Any]]) -> None:
    throttled, other = outlets[0], outlets[1]
    behaviour = {throttled["folder"]: Behaviour(throttle_rate=1.0, retry_after=60)}
    with serve(web, outlet_behaviour=behaviour) as server:
        results = fetch_all([*pages_of(server, throttled), *pages_of(server, other)])
        log = [r for r in server.requests if not r.path.endswith("robots.txt")]
    refused = sorted(results[:4], key=lambda r: "asked to wait" in r)
    assert "HTTP 429, retry after 60 s" in refused[0]
    assert all("the host asked to wait" in r for r in refused[1:])
    assert results[4:] == ["ok"] * 4
    hosts = [r.host.split(":")[0] for r in log]
    assert hosts.count(throttled["host"]) == 1  # asked once, then held back
    assert hosts.count(other["host"]) == 4


def test_robots_disallow_is_respected_per_host(web: Path, outlets: list[dict[str, Any]]) -> None:
    outlet = outlets[0]
    with serve(web) as server:
        (result,) = fetch_all([server.map_url(outlet["base_url"]) + "search?q=storm"])
        asked = [r.path for r in server.requests]
    assert "disallowed by the site's robots.txt" in result
    assert asked == ["/robots.txt"]


def test_slow_answers_time_out(web: Path) -> None:
    with serve(web) as server:
        for case in ("slow-headers.html", "slow-body.html"):
            (result,) = fetch_all([f"{server.url}/hostile/{case}"], timeout=1.0, deadline=2.0)
            assert "timed out" in result, case


def test_a_body_over_the_limit_is_refused_while_streaming(web: Path) -> None:
    with serve(web) as server:
        (result,) = fetch_all([f"{server.url}/hostile/huge-page.html"], max_bytes=1024 * 1024)
        (bomb,) = fetch_all([f"{server.url}/hostile/gzip-bomb.html"], max_bytes=1024 * 1024)
    assert "the body is larger than 1 MB" in result
    assert "the body is larger than 1 MB" in bomb  # stopped while decompressing


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.20.30.40", "private-network"),
        ("169.254.169.254", "link-local"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
    ],
)
def test_a_name_resolving_to_an_inner_address_is_refused(
    address: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is on what the name resolves to, not on how the URL looks."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET

    async def resolve(self: Any, host: str, port: Any, **_: Any) -> list[Any]:
        assert host == "news.example.com"
        return [(family, socket.SOCK_STREAM, 6, "", (address, port or 80))]

    monkeypatch.setattr(asyncio.AbstractEventLoop, "getaddrinfo", resolve, raising=False)
    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", resolve)
    with pytest.raises(FetchError, match=f"refused, news.example.com is a {kind}"):
        asyncio.run(AddressGuard().check("http://news.example.com/feed.xml"))
    # Allowed by name or network, it goes through.
    asyncio.run(AddressGuard(["news.example.com"]).check("http://news.example.com/feed.xml"))
    asyncio.run(AddressGuard([address]).check("http://news.example.com/feed.xml"))


def test_127_0_0_1_is_refused_without_the_allow_list(web: Path) -> None:
    with serve(web) as server:

        async def main() -> None:
            async with Fetcher(FetchSettings(min_delay=0.0), guard=AddressGuard()) as fetcher:
                await fetcher.fetch(server.url + "/index.html")

        with pytest.raises(FetchError, match=r"refused, 127\.0\.0\.1 is a loopback address"):
            asyncio.run(main())
        assert server.requests == []


@pytest.mark.parametrize(
    ("robots_status", "expected"),
    [
        (404, "ok"),  # no robots.txt: everything allowed
        (410, "ok"),
        (503, "not fetched, its robots.txt could not be read (HTTP 503, retry after 1 s)"),
        (500, "not fetched, its robots.txt could not be read (HTTP 500)"),
        (429, "not fetched, its robots.txt could not be read (HTTP 429, retry after 1 s)"),
    ],
)
def test_a_robots_txt_that_cannot_be_read_allows_nothing(robots_status: int, expected: str) -> None:
    """RFC 9309: 4xx means no rules; a server error means no crawling, for now."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status, headers={"retry-after": "1"})
        return httpx.Response(200, stream=httpx.ByteStream(b"<rss/>"))

    async def main() -> str:
        settings = FetchSettings(min_delay=0.0)
        transport = httpx.MockTransport(handler)
        async with Fetcher(settings, guard=AddressGuard(), transport=transport) as fetcher:
            try:
                await fetcher.fetch("http://93.184.216.34/feed.xml")
            except FetchError as error:
                return str(error)
            return "ok"

    result = asyncio.run(main())
    assert expected in result
    assert asked == (["/robots.txt", "/feed.xml"] if expected == "ok" else ["/robots.txt"])
