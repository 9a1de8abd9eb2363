"""`retina clean` on files, stdin and URLs, in all output formats."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import BODY, dump

CLI = [sys.executable, "-m", "retina.cli"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, input=stdin)


def test_json_is_default(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dump(*BODY, "Via Reuters"))
    result = run("clean", str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["title"] == "Marlow council approves harbour expansion"
    assert data["origin"] == "Reuters"
    assert data["text"] == "\n\n".join(BODY)


def test_text_and_markdown(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dump(*BODY))
    text = run("clean", str(path), "--format", "text").stdout
    assert text.startswith("Marlow council approves harbour expansion\n\n" + BODY[0])
    markdown = run("clean", str(path), "-f", "markdown").stdout
    assert markdown.startswith("# Marlow council approves harbour expansion")
    assert "*Coastal Ledger*" in markdown


def test_stdin() -> None:
    result = run("clean", "-", "--format", "text", stdin=dump(*BODY))
    assert result.returncode == 0
    assert BODY[-1] in result.stdout


def test_example_html_page() -> None:
    data = json.loads(run("clean", str(EXAMPLES / "valdria-budget.html")).stdout)
    assert data["title"] == "Valdria unveils budget with record spending on rail"
    assert data["site_name"] == "Northgate Herald"
    assert data["authors"] == ["Tomas Reyne"]
    assert data["published"] == "2026-03-11T09:30:00+01:00"
    assert data["section"] == "Business"
    assert data["language"] == "en"
    assert data["canonical_url"] == "https://northgate-herald.example/business/valdria-budget-rail"
    kinds = sorted(r["kind"] for r in data["removed"])
    assert kinds == ["newsletter_prompt", "pull_quote", "related_link"]
    assert {b["kind"] for b in data["blocks"]} == {"paragraph", "heading", "list_item"}
    assert "Marlow derby" not in data["text"]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            body = (EXAMPLES / "valdria-budget.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_follows_redirect_and_keeps_final_url(server: str) -> None:
    result = run("clean", f"{server}/moved")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["url"] == f"{server}/article"
    assert data["title"] == "Valdria unveils budget with record spending on rail"


def test_url_http_error(server: str) -> None:
    result = run("clean", f"{server}/missing")
    assert result.returncode != 0
    assert "HTTP 404" in result.stderr and "Traceback" not in result.stderr
