"""`retina sample-web`: generates a web, prints a summary, fails on one line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from retina.cli import app
from retina.sample import read_truth

runner = CliRunner()


def test_generates_and_summarises(tmp_path: Path) -> None:
    out = tmp_path / "web"
    result = runner.invoke(
        app, ["sample-web", str(out), "--seed", "3", "--outlets", "3", "--articles", "40"]
    )
    assert result.exit_code == 0, result.output
    assert "40 pages" in result.output and "stories" in result.output
    assert "12 feeds" in result.output and "pages/s" in result.output
    assert len(list(read_truth(out))) == 40
    assert "http://127.0.0.1:8765/" in next(iter(read_truth(out)))["url"]


def test_port_sets_the_generated_urls(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["sample-web", str(tmp_path), "--articles", "5", "--outlets", "1", "--port", "9100"]
    )
    assert result.exit_code == 0, result.output
    assert next(iter(read_truth(tmp_path)))["url"].startswith("http://127.0.0.1:9100/")


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["sample-web", str(tmp_path), "--articles", "5"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("error: ") and "not a sample web" in result.output
    assert "Traceback" not in result.output
