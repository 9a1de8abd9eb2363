"""The store commands: ingest, list, show and serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from article_factory import make_article, rich_article
from retina.cli import app
from retina.store import DATABASE_FILE, Store

GOOD_HTML = """<!doctype html>
<html><head><title>{title}</title></head>
<body><article><h1>{title}</h1>
<p>The harbour authority confirmed on Monday that the northern pier will reopen next week.</p>
<p>Repairs took four months and cost more than the council had first planned to spend.</p>
</article></body></html>
"""


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(app, [str(arg) for arg in args])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def corrupt_home(tmp_path: Path) -> Path:
    home = tmp_path / "corrupt"
    home.mkdir()
    (home / DATABASE_FILE).write_bytes(b"not a database\n" * 100)
    return home


def stored(home: Path, *articles: Any) -> list[int]:
    with Store.open(home) as store:
        return [store.upsert(a, key=f"key-{n}").id for n, a in enumerate(articles)]


def test_ingest_stores_files_and_reports_bad_ones(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "pier.html").write_text(GOOD_HTML.format(title="Pier reopens"))
    (folder / "empty.html").write_bytes(b"")
    (folder / "notes.txt").write_text(
        "Bridge works\n\nThe bridge will close for two weeks in May for repairs to its deck.\n\n"
        "Drivers are advised to use the ring road while the work goes on.\n"
    )

    result = run("ingest", folder, "--home", home)

    assert result.exit_code == 1
    assert result.stdout.strip() == "3 files: 2 new, 0 updated, 0 unchanged, 1 failed"
    assert result.stderr.strip() == f"{folder / 'empty.html'}: input is empty"
    assert "Traceback" not in result.output
    with Store.open(home) as store:
        assert store.count() == 2


def test_ingest_skips_a_listing_page_without_failing(tmp_path: Path, home: Path) -> None:
    """A crawled folder holds front and section pages: they are no articles, and no
    failures either."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "pier.html").write_text(GOOD_HTML.format(title="Pier reopens"))
    stories = [
        ("Harbour board approves the new ferry terminal", "It ends a two-year dispute."),
        ("Council delays the vote on school closures", "Parents had asked for more time."),
        ("Storm warning issued for the northern coast", "Gusts may reach ninety miles."),
        ("Local bakery wins the national bread award", "Its sourdough beat 300 entries."),
        ("Rail strike called off after late night talks", "Trains will run as normal."),
        ("New cycle lanes open across the city centre", "Six miles of lanes are finished."),
    ]
    teasers = "".join(
        f"<li><h3><a href='/news/{n}.html'>{headline}</a></h3><p>{blurb}</p></li>"
        for n, (headline, blurb) in enumerate(stories)
    )
    (folder / "index.html").write_text(
        f"<html><head><title>News</title></head><body><ul>{teasers}</ul></body></html>"
    )

    result = run("ingest", folder, "--home", home)

    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "2 files: 1 new, 0 updated, 0 unchanged, 1 skipped (not articles), 0 failed"
    )
    assert result.stderr.strip().startswith(f"{folder / 'index.html'}: skipped: a listing page")
    with Store.open(home) as store:
        assert store.count() == 1


def test_ingest_twice_changes_nothing(tmp_path: Path, home: Path) -> None:
    page = tmp_path / "pier.html"
    page.write_text(GOOD_HTML.format(title="Pier reopens"))
    assert run("ingest", page, "--home", home).exit_code == 0
    again = run("ingest", page, "--home", home)
    assert again.exit_code == 0
    assert again.stdout.strip() == "1 file: 0 new, 0 updated, 1 unchanged, 0 failed"


def test_home_comes_from_the_environment(tmp_path: Path, home: Path) -> None:
    page = tmp_path / "pier.html"
    page.write_text(GOOD_HTML.format(title="Pier reopens"))
    assert run("ingest", page, env={"RETINA_HOME": str(home)}).exit_code == 0
    assert (home / DATABASE_FILE).is_file()


def test_list_shows_a_table(home: Path) -> None:
    stored(home, rich_article(), make_article("Other.", title="[bold]Brackets[/bold] stay"))
    result = run("list", "--home", home)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "published", "site", "title"]
    assert "2024-03-12" in lines[1] and "Rivers rise across the north" in lines[1]
    assert "[bold]Brackets[/bold] stay" in result.stdout


def test_list_json_with_limit_and_offset(home: Path) -> None:
    ids = stored(home, make_article("One.", title="One"), make_article("Two.", title="Two"))
    result = run("list", "--json", "--limit", "1", "--offset", "1", "--home", home)
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    assert (listing["total"], listing["limit"], listing["offset"]) == (2, 1, 1)
    # Undated articles list newest ingested first: "One" is the older.
    assert [item["id"] for item in listing["items"]] == [ids[0]]
    assert listing["items"][0]["title"] == "One"


def test_list_of_an_empty_store(home: Path) -> None:
    result = run("list", "--home", home)
    assert (result.exit_code, result.stdout.strip()) == (0, "no articles yet")


def test_show_in_each_format(home: Path) -> None:
    [article_id] = stored(home, rich_article())
    record = json.loads(run("show", str(article_id), "--home", home).stdout)
    assert record["id"] == article_id and record["key"] == "key-0"
    assert record["article"] == rich_article().to_dict()
    text = run("show", str(article_id), "--format", "text", "--home", home).stdout
    assert text.startswith("Rivers rise across the north\n\nRivers rose sharply")
    markdown = run("show", str(article_id), "-f", "markdown", "--home", home).stdout
    assert (
        markdown.startswith("# Rivers rise across the north") and "## What happens next" in markdown
    )


def test_show_unknown_id(home: Path) -> None:
    result = run("show", "42", "--home", home)
    assert result.exit_code == 1
    assert result.stderr == "error: no article with id 42\n"


@pytest.mark.parametrize(
    "command", [["list"], ["show", "1"], ["ingest", "whatever.html"], ["serve"]]
)
def test_a_corrupt_database_is_a_one_line_error(corrupt_home: Path, command: list[str]) -> None:
    result = run(*command, "--home", corrupt_home)
    assert result.exit_code == 1
    assert result.stderr == f"error: {corrupt_home / DATABASE_FILE}: file is not a database\n"
    assert "Traceback" not in result.output


def test_serve_runs_uvicorn_on_the_web_app(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from fastapi import FastAPI

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    result = run("serve", "--host", "0.0.0.0", "--port", "9000", "--home", home)
    assert result.exit_code == 0
    [(web_app, options)] = calls
    assert isinstance(web_app, FastAPI)
    assert options == {"host": "0.0.0.0", "port": 9000}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("list", "--offset", str(10**20)), "no articles"),
        (("list", "--limit", str(10**20)), "Valdria"),
        (("source", "show", str(10**20)), "error: no source"),
        (("source", "remove", str(10**20)), "error: no source"),
    ],
)
def test_numbers_past_sqlite_integers_are_no_traceback(
    home: Path, args: tuple[str, ...], expected: str
) -> None:
    """SQLite's integers are 64-bit: larger ones used to end in an OverflowError."""
    run("ingest", Path(__file__).parents[1] / "examples" / "valdria-budget.html", "--home", home)
    result = run(*args, "--home", home)
    assert "Traceback" not in result.output and expected in result.output
