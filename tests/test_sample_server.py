"""The sample web's HTTP server: caching headers, gzip, faults, redirects, hosts, log."""

from __future__ import annotations

import errno
import gzip
import json
import socket
import threading
import time
import urllib.request
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from retina.sample import Behaviour, SampleWebError, generate, read_truth, serve
from retina.sample.hostile import HostileOptions


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    options = HostileOptions(
        huge_bytes=300_000,
        bomb_expanded_bytes=2 * 1024 * 1024,
        slow_seconds=0.3,
        trickle_seconds=0.3,
        nesting_depth=50,
    )
    generate(folder, seed=9, outlets=4, articles=120, hostile=True, hostile_options=options)
    return folder


@pytest.fixture(scope="module")
def truth(web: Path) -> list[dict[str, Any]]:
    return list(read_truth(web))


def raw_get(url: str, headers: dict[str, str] | None = None) -> tuple[httpx.Headers, bytes]:
    """GET without decompression or redirects: the headers and the bytes as sent."""
    with (
        httpx.Client(follow_redirects=False) as client,
        client.stream("GET", url, headers=headers or {}) as response,
    ):
        return response.headers, b"".join(response.iter_raw())


def test_serves_pages_with_validators_and_answers_conditional_gets(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    record = truth[0]
    with serve(web) as server:
        url = server.map_url(record["url"])
        first = httpx.get(url)
        assert first.status_code == 200
        assert first.headers["content-type"] == "text/html; charset=utf-8"
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
        assert httpx.get(url, headers={"If-Modified-Since": modified}).status_code == 304
        old = "Mon, 01 Jan 2001 00:00:00 GMT"
        assert httpx.get(url, headers={"If-Modified-Since": old}).status_code == 200
        # Last-Modified is the page's own date, identical on every run.
        published = record["updated"] or record["published"]
        assert parsedate_to_datetime(modified) == datetime.fromisoformat(published)


def test_gzip_only_when_accepted(web: Path, truth: list[dict[str, Any]]) -> None:
    with serve(web) as server:
        url = server.map_url(truth[1]["url"])
        plain, plain_body = raw_get(url, {"Accept-Encoding": "identity"})
        zipped, zipped_body = raw_get(url, {"Accept-Encoding": "gzip, deflate"})
        refused, _ = raw_get(url, {"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in plain and "content-encoding" not in refused
    assert zipped["content-encoding"] == "gzip"
    assert zipped["vary"] == "Accept-Encoding"
    assert zipped["etag"] != plain["etag"]
    assert len(zipped_body) < len(plain_body)
    assert gzip.decompress(zipped_body) == plain_body


def test_extensionless_and_slash_urls_and_aliases(web: Path, truth: list[dict[str, Any]]) -> None:
    with serve(web) as server, httpx.Client() as client:
        for record in truth:
            response = client.get(server.map_url(record["url"]))
            assert response.status_code == 200, record["url"]
            if record["format"] == "txt":
                assert response.content == (web / record["path"]).read_bytes()
            for alias in record["aliases"]:
                moved = client.get(server.map_url(alias))
                assert moved.status_code == 301
                assert moved.headers["location"] == server.map_url(record["url"])
        outlet = json.loads((web / "outlets.json").read_text())[0]
        label = next(iter(outlet["sections"].values())).lower()
        section = server.map_url(outlet["front_page"]) + label
        assert client.get(section).status_code == 301  # a folder without its slash
        assert client.get(section, follow_redirects=True).status_code == 200
        assert client.get(server.url + "/nowhere.html").status_code == 404
        assert client.get(server.url + "/../etc/passwd").status_code in (400, 404)


def test_links_are_rewritten_to_the_port_actually_served(web: Path) -> None:
    with serve(web) as server:
        assert not server.url.endswith(":8765")
        index = httpx.get(server.url + "/").text
        feed = httpx.get(server.url + "/" + _first_folder(web) + "/rss.xml").text
    assert "127.0.0.1:8765" not in index and server.url in index
    assert "127.0.0.1:8765" not in feed and server.url in feed


def _first_folder(web: Path) -> str:
    return json.loads((web / "outlets.json").read_text())[0]["folder"]


def test_errors_and_throttling_come_with_retry_after(
    web: Path, truth: list[dict[str, Any]]
) -> None:
    folder = _first_folder(web)
    broken = {folder: Behaviour(error_rate=1.0, retry_after=7)}
    with serve(web, outlet_behaviour=broken) as server:
        response = httpx.get(server.url + f"/{folder}/")
        assert response.status_code == 503 and response.headers["retry-after"] == "7"
        assert httpx.get(server.url + f"/{folder}/robots.txt").status_code == 200
        assert httpx.get(server.url + "/").status_code == 200  # other paths unaffected
    with serve(web, behaviour=Behaviour(throttle_rate=1.0, retry_after=3)) as server:
        response = httpx.get(server.url + "/")
        assert response.status_code == 429 and response.headers["retry-after"] == "3"


def test_fault_decisions_are_deterministic(web: Path) -> None:
    def statuses() -> list[int]:
        behaviour = Behaviour(error_rate=0.4, throttle_rate=0.2)
        with serve(web, behaviour=behaviour, seed=3) as server, httpx.Client() as client:
            return [client.get(server.url + "/").status_code for _ in range(25)]

    first, second = statuses(), statuses()
    assert first == second
    assert {200, 429, 503} <= set(first)


def test_flaky_mode_uses_each_outlets_profile(web: Path) -> None:
    outlets = json.loads((web / "outlets.json").read_text())
    with serve(web, flaky=True) as server:
        for outlet in outlets:
            behaviour = server.outlet_behaviour[outlet["folder"]]
            assert behaviour.error_rate == outlet["poll"]["error_rate"]
            assert behaviour.conditional_get == outlet["poll"]["conditional_get"]
        plain = next(o for o in outlets if not o["poll"]["conditional_get"])
        response = httpx.get(server.map_url(plain["robots"]["url"]))
        assert "etag" not in response.headers


def test_latency_and_slow_routes(web: Path) -> None:
    with serve(web, behaviour=Behaviour(latency=0.2)) as server:
        started = time.monotonic()
        assert httpx.get(server.url + "/").status_code == 200
        assert time.monotonic() - started >= 0.2
    with serve(web) as server:
        started = time.monotonic()
        assert httpx.get(server.url + "/hostile/slow-headers.html").status_code == 200
        assert time.monotonic() - started >= 0.3
        started = time.monotonic()
        body = httpx.get(server.url + "/hostile/slow-body.html").content
        assert time.monotonic() - started >= 0.25
        assert body == (web / "hostile" / "slow-body.html").read_bytes()


def test_hostile_routes(web: Path) -> None:
    with serve(web) as server:
        with pytest.raises(httpx.TooManyRedirects):
            httpx.get(server.url + "/hostile/redirect-loop/a", follow_redirects=True)
        headers, bomb = raw_get(server.url + "/hostile/gzip-bomb.html")
        assert headers["content-encoding"] == "gzip"
        assert len(bomb) < 10_000
        assert len(gzip.decompress(bomb)) == 2 * 1024 * 1024
        wrong = httpx.get(server.url + "/hostile/charset-cp1251-declared-utf8.html")
        assert wrong.headers["content-type"] == "text/html; charset=utf-8"
        assert wrong.content.decode("cp1251")  # really windows-1251 bytes
        with pytest.raises(UnicodeDecodeError):
            wrong.content.decode("utf-8")
        undeclared = httpx.get(server.url + "/hostile/latin1-undeclared.html")
        assert undeclared.headers["content-type"] == "text/html"


def test_request_log_and_hundreds_of_concurrent_connections(web: Path) -> None:
    clients = 200
    with serve(web, behaviour=Behaviour(latency=0.5)) as server:
        statuses: list[int] = []
        lock = threading.Lock()

        def fetch() -> None:
            with urllib.request.urlopen(server.url + "/robots.txt", timeout=30) as response, lock:
                statuses.append(response.status)

        threads = [threading.Thread(target=fetch) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        log = server.requests
    assert statuses == [200] * clients
    assert len(log) == clients
    assert all(r.path == "/robots.txt" and r.status == 200 and r.method == "GET" for r in log)
    assert max(r.concurrency for r in log) >= 50
    assert all(r.host == log[0].host and r.duration >= 0.5 for r in log)


def test_log_can_be_cleared_and_records_status(web: Path) -> None:
    with serve(web) as server:
        httpx.get(server.url + "/missing")
        assert [(r.path, r.status) for r in server.requests] == [("/missing", 404)]
        server.clear_log()
        assert server.requests == []


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.com", "::"])
def test_refuses_addresses_that_are_not_loopback(web: Path, host: str) -> None:
    with pytest.raises(SampleWebError, match="loopback"):
        serve(web, host=host)


def test_localhost_is_accepted(web: Path) -> None:
    with serve(web, host="localhost") as server:
        assert server.url.startswith("http://127.0.0.1:")


def test_per_outlet_hosts(tmp_path: Path) -> None:
    generate(tmp_path, seed=6, outlets=3, articles=30, per_outlet_hosts=True)
    try:
        probe = socket.socket()
        probe.bind(("127.0.0.3", 0))
        probe.close()
    except OSError as error:
        if error.errno == errno.EADDRNOTAVAIL:
            pytest.skip("this system routes only 127.0.0.1 to loopback")
        raise
    outlets = json.loads((tmp_path / "outlets.json").read_text())
    with serve(tmp_path) as server:
        for outlet in outlets:
            robots = httpx.get(server.map_url(outlet["robots"]["url"]))
            assert robots.status_code == 200
            expected = (tmp_path / outlet["folder"] / "robots.txt").read_text()
            assert robots.text == expected.replace(":8765/", f":{server.port}/")
        record = next(iter(read_truth(tmp_path)))
        page = httpx.get(server.map_url(record["url"]))
        assert page.status_code == 200
        hosts = {r.host.split(":")[0] for r in server.requests}
    assert hosts == {o["host"] for o in outlets}
