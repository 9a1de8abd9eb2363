"""Copies in the user's view: `retina duplicates`, the reader's lists and article page,
and the API."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from retina.cli import app
from retina.model import Article, Block, BlockKind
from retina.store import DATABASE_FILE, Store
from retina.web.app import create_app

TEXT = " ".join(
    f"The ferry operator said crossing {n} would run on the winter timetable from Monday."
    for n in range(25)
)
DAY = datetime(2024, 6, 3, 9, tzinfo=UTC)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(arg) for arg in args])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A store with one article posted three times (origin, credited copy, aggregator copy)
    and an unrelated one."""
    home = tmp_path / "home"

    def posting(site: str, url: str, hours: int, credited: str | None = None) -> Article:
        return Article(
            url=url,
            title="Ferries move to the winter timetable",
            site_name=site,
            origin=credited,
            section="Travel",
            published=DAY + timedelta(hours=hours),
            blocks=[Block(BlockKind.PARAGRAPH, TEXT)],
        )

    with Store.open(home) as store:
        for article in (
            posting("Harbour Times", "https://harbour.example/ferries", 0),
            posting("Coast Daily", "https://coast.example/ferries", 3, "Harbour Times"),
            posting("Digest", "https://digest.example/1", 5, "Coast Daily"),
            Article(
                url="https://other.example/a",
                title="Unrelated",
                site_name="Other",
                section="Travel",
                published=DAY,
                blocks=[Block(BlockKind.PARAGRAPH, "Something else entirely happened today.")],
            ),
        ):
            store.upsert(article, key=article.url or "")
    return home


def test_duplicates_command_prints_the_group_and_chain(home: Path) -> None:
    result = run("duplicates", "https://www.digest.example/1?utm_source=x", "--home", home)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "article 3: 3 postings of one article"
    assert lines[1] == "*      1  Harbour Times  2024-06-03  origin"
    assert "copied from 2 (credits Coast Daily)" in lines[3]
    assert lines[-1] == "chain: Digest ← Coast Daily ← Harbour Times"


def test_duplicates_command_json_and_errors(home: Path, tmp_path: Path) -> None:
    result = run("duplicates", "2", "--json", "--home", home)
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert [m["id"] for m in body["items"]] == [1, 2, 3]
    assert body["items"][1]["origin"] == "Harbour Times"
    alone = run("duplicates", "4", "--home", home)
    assert alone.stdout.splitlines()[0] == "article 4 has no stored copies"
    for missing_reference in ("99", "99999999999999999999999", "²", "", "http://[::1"):
        missing = run("duplicates", missing_reference, "--home", home)
        assert missing.exit_code == 1, missing_reference
        assert missing.stderr.startswith(f"error: no article {missing_reference!r}")
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / DATABASE_FILE).write_bytes(b"not a database\n" * 100)
    broken = run("duplicates", "1", "--home", corrupt)
    assert broken.exit_code == 1 and "Traceback" not in broken.output
    assert broken.stderr.startswith("error: ") and broken.stderr.count("\n") == 1


def test_reader_lists_each_article_once_with_its_copies(home: Path) -> None:
    with TestClient(create_app(home)) as client:
        page = client.get("/articles").text
        assert page.count("Ferries move to the winter timetable") == 1
        assert "Also published by" in page and "Coast Daily" in page and "Digest" in page
        front = client.get("/").text
        assert front.count("Ferries move to the winter timetable") == 1
        article = client.get("/articles/3").text
        assert "Originally published by Harbour Times (via Coast Daily)" in article
        assert '/articles/1">Harbour Times</a>' in article and "(the origin)" in article
        outlet = client.get("/sites/Digest").text  # an outlet's page lists what it served
        assert "Ferries move to the winter timetable" in outlet


def test_api_groups_copies_and_reports_duplicates(home: Path) -> None:
    with TestClient(create_app(home)) as client:
        body = client.get("/api/articles").json()
        assert body["total"] == 2
        [ferries] = [i for i in body["items"] if i["id"] == 1]
        assert [c["site_name"] for c in ferries["also_published_by"]] == ["Coast Daily", "Digest"]
        everything = client.get("/api/articles", params={"grouped": "false"}).json()
        assert everything["total"] == 4
        group = client.get("/api/articles/3/duplicates").json()
        assert group["items"][-1]["chain"] == ["Digest", "Coast Daily", "Harbour Times"]
        assert client.get("/api/articles/99/duplicates").status_code == 404
        huge = "/api/articles/99999999999999999999999"
        assert client.get(huge).status_code == client.get(f"{huge}/duplicates").status_code == 404
