"""The ingest pipeline: which files it picks, idempotency, and per-file failures.

Tests marked "with a stand-in clean" replace the clean stage with a function that
turns a file's text into paragraphs; the end-to-end tests use the real one.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

import retina.pipeline
from article_factory import make_article
from retina.errors import InputError, NotAnArticle
from retina.model import Article
from retina.pipeline import expand_paths, ingest_paths
from retina.store import Store

ARTICLE_HTML = """<!doctype html>
<html><head><title>{title}</title></head>
<body><article><h1>{title}</h1>
<p>{text}</p>
<p>The council said the work would continue through the spring and into the summer months.</p>
</article></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def html(title: str, text: str) -> str:
    return ARTICLE_HTML.format(title=title, text=text)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "home") as opened:
        yield opened


@pytest.fixture
def stand_in_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the clean stage: text is the article; "FAIL" is bad input; "CRASH" a bug."""

    def clean(data: bytes, *, url: str | None = None) -> Article:
        text = data.decode("utf-8")
        if text.startswith("FAIL"):
            raise InputError("input is not an article")
        if text.startswith("CRASH"):
            raise ZeroDivisionError("division by zero")
        if text.startswith("LISTING"):
            raise NotAnArticle("a listing page (front, section or tag page), not an article")
        return make_article(text)

    monkeypatch.setattr(retina.pipeline, "clean", clean)


def test_folders_are_searched_recursively_for_article_files(tmp_path: Path) -> None:
    for name in ["b.html", "a.txt", "sub/c.htm", "sub/deep/d.html.gz", "e.gz", "F.HTML"]:
        write(tmp_path / "in" / name, "x")
    for name in ["notes.md", "image.png", "sub/data.json"]:
        write(tmp_path / "in" / name, "x")
    found = [p.relative_to(tmp_path / "in").as_posix() for p in expand_paths([tmp_path / "in"])]
    assert found == ["F.HTML", "a.txt", "b.html", "e.gz", "sub/c.htm", "sub/deep/d.html.gz"]


def test_named_files_are_always_attempted_and_duplicates_dropped(tmp_path: Path) -> None:
    notes = write(tmp_path / "notes.md", "x")
    page = write(tmp_path / "in" / "page.html", "x")
    missing = tmp_path / "missing.html"
    found = expand_paths([notes, tmp_path / "in", page, missing])
    assert found == [notes, page, missing]


@pytest.mark.usefixtures("stand_in_clean")
def test_a_bad_file_is_reported_and_the_others_are_stored(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "in" / "1.txt", "First story.")
    write(tmp_path / "in" / "2.txt", "FAIL")
    write(tmp_path / "in" / "3.txt", "CRASH")
    write(tmp_path / "in" / "4.txt", "Second story.")
    write(tmp_path / "in" / "5.txt", "LISTING")
    missing = tmp_path / "missing.txt"
    progress: list[tuple[str, int, int]] = []

    report = ingest_paths(
        [tmp_path / "in", missing],
        store,
        on_progress=lambda path, done, total: progress.append((path.name, done, total)),
    )

    assert (report.new, report.updated, report.unchanged, report.failed) == (2, 0, 0, 3)
    assert [(s.path.name, s.message[:14]) for s in report.skipped] == [("5.txt", "a listing page")]
    assert report.total == 6
    assert store.count() == 2
    failures = {f.path.name: f.message for f in report.failures}
    assert failures == {
        "2.txt": "input is not an article",
        "3.txt": "unexpected ZeroDivisionError: division by zero",
        "missing.txt": "no such file",
    }
    assert progress == [
        ("1.txt", 1, 6),
        ("2.txt", 2, 6),
        ("3.txt", 3, 6),
        ("4.txt", 4, 6),
        ("5.txt", 5, 6),
        ("missing.txt", 6, 6),
    ]


@pytest.mark.usefixtures("stand_in_clean")
def test_the_key_is_the_file_uri(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path / "a story.txt", "Story.")
    ingest_paths([path], store)
    [stored] = store.list()
    assert stored.key == path.resolve().as_uri()
    assert stored.key.startswith("file:///") and "a%20story.txt" in stored.key


# End to end, with the real clean stage.


def test_the_same_file_twice_is_stored_once(tmp_path: Path, store: Store) -> None:
    page = write(tmp_path / "page.html", html("Bridge reopens", "The old bridge reopened today."))
    first = ingest_paths([page], store)
    second = ingest_paths([page], store)
    assert (first.new, second.unchanged, store.count()) == (1, 1, 1)


def test_an_edited_file_is_updated(tmp_path: Path, store: Store) -> None:
    page = write(tmp_path / "page.html", html("Bridge reopens", "The old bridge reopened today."))
    ingest_paths([page], store)
    write(page, html("Bridge reopens", "The old bridge reopened this morning after repairs."))
    report = ingest_paths([page], store)
    assert (report.updated, store.count()) == (1, 1)
    [stored] = store.list()
    assert "after repairs" in stored.article.text


def test_the_same_content_at_two_paths_is_stored_once(tmp_path: Path, store: Store) -> None:
    content = html("Bridge reopens", "The old bridge reopened today.")
    write(tmp_path / "a" / "page.html", content)
    write(tmp_path / "b" / "page.html.gz", gzip.compress(content.encode()))
    report = ingest_paths([tmp_path], store)
    assert (report.new, report.unchanged, store.count()) == (1, 1, 1)


def test_real_bad_files_fail_with_a_message(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "good.html", html("Bridge reopens", "The old bridge reopened today."))
    write(tmp_path / "empty.html", b"")
    write(tmp_path / "truncated.html.gz", gzip.compress(b"<html>" * 1000)[:50])
    report = ingest_paths([tmp_path], store)
    assert (report.new, report.failed, store.count()) == (1, 2, 1)
    for failure in report.failures:
        assert failure.message and "\n" not in failure.message
