"""OPML import and export: the reader, the CLI and the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from retina.cli import app
from retina.errors import InputError
from retina.ingest.opml import read_opml
from retina.web import create_app

SUBSCRIPTIONS = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0">
<head><title>My feeds</title></head>
<body>
  <outline text="World">
    <outline text="Le Monde" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
    <outline text="Tech">
      <outline title="Heise" type="rss" xmlUrl="https://www.heise.de/rss/heise.rdf"/>
    </outline>
  </outline>
  <outline text="Caf\xe9 Feeds" type="rss" xmlUrl="http://example.org/feed.atom"/>
  <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
  <outline text="No feed here" htmlUrl="https://example.org/"/>
</body>
</opml>
"""


def run(*args: str | Path, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def test_entries_folders_and_problems() -> None:
    entries = read_opml(SUBSCRIPTIONS)
    assert [(e.url, e.title, e.section) for e in entries] == [
        ("https://www.lemonde.fr/rss/une.xml", "Le Monde", "World"),
        ("https://www.heise.de/rss/heise.rdf", "Heise", "World / Tech"),
        ("http://example.org/feed.atom", "Café Feeds", None),
        ("file:///etc/passwd", "Local file", None),
    ]
    assert [e.problem for e in entries][:3] == [None, None, None]
    assert "only http and https" in (entries[3].problem or "")


def test_feed_urls_that_do_not_parse_are_problems_not_crashes() -> None:
    body = b'<opml version="2.0"><body><outline xmlUrl="http://[::1/feed"/>'
    body += b'<outline xmlUrl="http://example.org:99999/feed"/></body></opml>'
    assert [e.problem for e in read_opml(body)] == ["not a valid URL"] * 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty file"),
        (b"<opml><body>", "not well-formed XML"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML document"),
        (b"<opml version='2.0'><head/></opml>", "without a <body>"),
        (
            b'<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body/></opml>',
            "entities",
        ),
    ],
)
def test_bad_opml_is_refused(body: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_opml(body)


def test_cli_import_then_export_round_trips(tmp_path: Path) -> None:
    home = tmp_path / "home"
    opml = tmp_path / "feeds.opml"
    opml.write_bytes(SUBSCRIPTIONS)
    imported = run("opml", "import", opml, "--home", home)
    assert imported.exit_code == 1  # one entry refused, the others followed
    assert "3 sources added, 0 already followed, 1 refused" in imported.output
    assert "file:///etc/passwd: only http and https" in imported.output
    again = run("opml", "import", opml, "--home", home)
    assert "0 sources added, 3 already followed, 1 refused" in again.output

    exported = run("opml", "export", "--home", home)
    assert exported.exit_code == 0
    back = read_opml(exported.stdout.encode())
    assert {(e.url, e.title, e.section) for e in back} == {
        ("https://www.lemonde.fr/rss/une.xml", "Le Monde", "World"),
        ("https://www.heise.de/rss/heise.rdf", "Heise", "World / Tech"),
        ("http://example.org/feed.atom", "Café Feeds", None),
    }

    other = tmp_path / "other"
    copy = tmp_path / "copy.opml"
    assert run("opml", "export", "-o", copy, "--home", home).exit_code == 0
    moved = run("opml", "import", "-", "--home", other, stdin=copy.read_bytes())
    assert moved.exit_code == 0 and "3 sources added" in moved.output


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    missing = run("opml", "import", tmp_path / "nope.opml", "--home", tmp_path)
    assert missing.exit_code == 1 and "No such file" in missing.output
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"\x89PNG\r\n")
    result = run("opml", "import", bad, "--home", tmp_path)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert run("source", "list", "--home", tmp_path).output == ""


def test_api_import_export_and_sources(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path)) as client:
        response = client.post(
            "/api/opml?section=Imported",
            content=SUBSCRIPTIONS,
            headers={"content-type": "text/x-opml"},
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert len(result["added"]) == 3 and result["failed"][0]["url"] == "file:///etc/passwd"
        sections = {s["url"]: s["section"] for s in client.get("/api/sources").json()}
        assert sections["http://example.org/feed.atom"] == "Imported"

        exported = client.get("/api/opml")
        assert exported.headers["content-type"].startswith("text/x-opml")
        assert len(read_opml(exported.content)) == 3

        first = result["added"][0]["id"]
        shown = client.get(f"/api/sources/{first}").json()
        assert shown["kind"] == "feed" and shown["items"] == {}
        enabled = client.post(f"/api/sources/{first}/enable").json()
        assert enabled["disabled_reason"] is None and enabled["failures"] == 0
        assert client.delete(f"/api/sources/{first}").status_code == 204
        assert client.get(f"/api/sources/{first}").status_code == 404
        assert client.post("/api/opml", content=b"<html/>").status_code == 422
