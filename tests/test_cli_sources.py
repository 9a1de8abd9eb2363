"""`retina source add|list|show|remove` and `retina poll` against the local sample web."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from retina.cli import app
from retina.sample import Behaviour, generate, serve
from retina.sample.hostile import HostileOptions
from retina.store import Store
from retina.store.sources import add_source, update_source

HOSTILE = HostileOptions(huge_bytes=100_000, bomb_expanded_bytes=1_000_000, slow_seconds=1)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-web")
    generate(folder, seed=4, outlets=2, articles=20, hostile=True, hostile_options=HOSTILE)
    return folder


@pytest.fixture(scope="module")
def outlet(web: Path) -> dict[str, Any]:
    return json.loads((web / "outlets.json").read_text())[0]


def test_add_from_a_front_page_poll_show_and_remove(
    web: Path, outlet: dict[str, Any], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    allow = ("--allow-host", "127.0.0.1", "--home", home)
    with serve(web) as server:
        front = server.map_url(outlet["front_page"])
        added = run("source", "add", front, "--section", "World", *allow)
        assert added.exit_code == 0, added.output
        source_id, kind, url = added.output.split("\t")[:3]
        assert kind in ("rss", "atom", "json_feed") and url.startswith(server.url)

        again = run("source", "add", url, *allow)
        assert again.exit_code == 1 and "already a source" in again.output

        polled = run("poll", "--min-delay", "0", *allow)
        assert polled.exit_code == 0, polled.output
        assert "1 sources polled: 1 with new items" in polled.output

    listed = run("source", "list", "--json", "--home", home)
    (entry,) = json.loads(listed.output)
    assert entry["section"] == "World" and entry["last_status"] == "new items"

    shown = json.loads(run("source", "show", source_id, "--items", "3", "--home", home).output)
    assert shown["items"]["page"] == shown["items_seen"] > 0
    assert len(shown["latest_items"]) == 3
    for item in shown["latest_items"]:
        assert item["text_from"] == "page" and item["article_id"] and item["error"] is None

    articles = json.loads(run("list", "--json", "--home", home).output)
    assert articles["total"] == len(articles["items"]) == shown["items_seen"]

    removed = run("source", "remove", url, "--home", home)
    assert removed.exit_code == 0 and run("source", "list", "--home", home).output == ""
    assert json.loads(run("list", "--json", "--home", home).output) == articles


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/feed.xml", "refused, 127.0.0.1 is a loopback address"),
        ("http://169.254.169.254/latest/", "link-local"),
        ("ftp://example.com/feed", "only http and https"),
    ],
)
def test_bad_sources_are_one_line_errors(url: str, message: str, tmp_path: Path) -> None:
    result = run("source", "add", url, "--home", tmp_path)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_page_without_feeds_is_refused(web: Path, outlet: dict[str, Any], tmp_path: Path) -> None:
    with serve(web) as server:
        about = server.url + f"/{outlet['folder']}/about.html"
        result = run("source", "add", about, "--allow-host", "127.0.0.1", "--home", tmp_path)
    assert result.exit_code == 1 and "declares no feed" in result.output


def test_a_disabled_source_shows_why_and_can_be_enabled(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        source = add_source(store, "https://news.example.com/feed.xml", kind="rss")
        reason = "disabled after 8 failures in a row; last: HTTP 410"
        update_source(store, source.id, disabled_reason=reason, failures=8)
    listed = run("source", "list", "--home", tmp_path)
    assert f"disabled ({reason})" in listed.output
    assert run("source", "enable", str(source.id), "--home", tmp_path).exit_code == 0
    shown = json.loads(run("source", "show", str(source.id), "--home", tmp_path).output)
    assert shown["disabled_reason"] is None and shown["failures"] == 0
    missing = run("source", "enable", "99", "--home", tmp_path)
    assert missing.exit_code == 1 and "no source 99" in missing.output


def test_a_sitemap_index_becomes_one_source_per_sitemap(web: Path, tmp_path: Path) -> None:
    copy = tmp_path / "web"
    shutil.copytree(web, copy)
    outlets = json.loads((copy / "outlets.json").read_text())
    entries = "".join(f"<sitemap><loc>{o['sitemap']}</loc></sitemap>" for o in outlets)
    (copy / "sitemap-index.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>\n"
    )
    home = tmp_path / "home"
    allow = ("--allow-host", "127.0.0.1", "--home", home)
    with serve(copy) as server:
        added = run("source", "add", server.url + "/sitemap-index.xml", *allow)
        assert added.exit_code == 0, added.output
        rows = [line.split("\t") for line in added.output.strip().splitlines()]
        kinds = [row[1] for row in rows]
        assert len(kinds) == len(outlets) and "news_sitemap" in kinds
        assert set(kinds) <= {"news_sitemap", "sitemap"}
        assert {row[2] for row in rows} == {server.map_url(o["sitemap"]) for o in outlets}
        again = run("source", "add", server.url + "/sitemap-index.xml", *allow)
        assert again.exit_code == 1 and f"all {len(outlets)} are already sources" in again.output
        polled = run("poll", "--min-delay", "0", *allow)
        listing = [
            o for o in outlets if b"<url>" in (copy / o["folder"] / "sitemap-news.xml").read_bytes()
        ]
        assert f"{len(outlets)} sources polled: {len(listing)} with new items" in polled.output


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/hostile/feeds/billion-laughs.xml", "entity-expansion attack; refused"),
        ("/hostile/feeds/external-entity.xml", "external entity (refused)"),
        ("/hostile/binary-as-html.html", "an HTML page that declares no feed"),
        ("/hostile/redirect-loop/a", "more than 5 redirects"),
        ("/nowhere.xml", "HTTP 404"),
    ],
)
def test_hostile_sources_are_refused_over_http(
    web: Path, path: str, message: str, tmp_path: Path
) -> None:
    with serve(web) as server:
        result = run(
            "source", "add", server.url + path, "--allow-host", "127.0.0.1", "--home", tmp_path
        )
    assert result.exit_code == 1 and message in result.output, result.output
    # The in-process sample server may log a client hanging up (an error body not read)
    # on the same stderr; Retina's own output is one line.
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in result.output
    assert run("source", "list", "--home", tmp_path).output == ""


def test_poll_keeps_the_per_host_limit_it_is_given(web: Path, tmp_path: Path) -> None:
    outlet = json.loads((web / "outlets.json").read_text())[0]
    home = tmp_path / "home"
    with serve(web, behaviour=Behaviour(latency=0.2)) as server:  # requests overlap
        with Store.open(home) as store:
            for feed in outlet["feeds"].values():
                add_source(store, server.map_url(feed), kind="feed")
        polled = run(
            "poll",
            "--min-delay",
            "0",
            "--per-host",
            "2",
            "--allow-host",
            "127.0.0.1",
            "--home",
            home,
        )
        assert polled.exit_code == 0, polled.output
        assert "3 sources polled" in polled.output
        assert max(r.host_concurrency for r in server.requests) == 2
