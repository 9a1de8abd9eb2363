"""The web app: HTML pages, the JSON API, errors and escaping."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from article_factory import make_article, rich_article
from retina.errors import StoreError
from retina.model import Block, BlockKind
from retina.store import DATABASE_FILE, Store
from retina.web import create_app
from retina.web.pages import PAGE_SIZE

HOSTILE = '<script>alert("x")</script>'


@contextmanager
def client_for(home: Path) -> Iterator[TestClient]:
    with TestClient(create_app(home)) as client:
        yield client


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def rich_id(home: Path) -> int:
    with Store.open(home) as store:
        return store.upsert(rich_article(), key="https://news.example/world/story").id


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    with client_for(home) as client:
        yield client


def fill(home: Path, count: int) -> list[int]:
    """Store `count` dated articles; return their ids newest first."""
    start = datetime.fromisoformat("2024-01-01T00:00+00:00")
    with Store.open(home) as store:
        ids = [
            store.upsert(
                make_article(f"Story {n}.", title=f"Story {n}", published=start + timedelta(n)),
                key=f"k{n}",
            ).id
            for n in range(count)
        ]
    return ids[::-1]


def test_article_list_shows_articles(home: Path, rich_id: int, client: TestClient) -> None:
    response = client.get("/articles")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "Rivers rise across the north" in page
    assert f'href="http://testserver/articles/{rich_id}"' in page
    assert "The Daily Example" in page
    assert "via The Northern Courier" in page
    assert "12 March 2024" in page


def test_pages_with_no_articles(client: TestClient) -> None:
    for path in ("/", "/articles"):
        assert "No articles yet" in client.get(path).text
    assert "No outlets yet" in client.get("/sites").text


def test_article_list_is_paginated(home: Path) -> None:
    ids = fill(home, PAGE_SIZE + 2)
    with client_for(home) as client:
        first = client.get("/articles").text
        assert "Page 1 of 2" in first and "/articles?page=2" in first
        assert "Story 26" in first and "Story 1<" not in first
        second = client.get("/articles", params={"page": 2}).text
        assert "Story 1<" in second and "Story 0<" in second and "Story 26" not in second
        assert "/articles?page=1" in second
        beyond = client.get("/articles", params={"page": 3})
        assert beyond.status_code == 200 and "No articles on this page" in beyond.text
        assert client.get("/articles", params={"page": 0}).status_code == 422
    assert len(ids) == PAGE_SIZE + 2


def test_article_page_shows_metadata_structure_and_removals(
    rich_id: int, client: TestClient
) -> None:
    response = client.get(f"/articles/{rich_id}")
    assert response.status_code == 200
    page = response.text
    assert '<h1 dir="auto">Rivers rise across the north</h1>' in page
    assert "By Ada Writer, Bo Reporter" in page
    assert "Originally published by The Northern Courier" in page
    assert "World" in page and "The Daily Example" in page
    assert '<article class="narrow" lang="en">' in page
    assert "12 March 2024, 14:05 UTC+01:00" in page
    assert '<h2 dir="auto">What happens next</h2>' in page
    tags = re.sub(r">\s+<", "><", page)
    assert '<blockquote><p dir="auto">We have never seen water this high.</p></blockquote>' in tags
    # Consecutive list items form one list.
    assert page.count("<ul>") == 1
    assert '<li dir="auto">Sandbags at the town hall</li>' in page
    assert '<a href="https://news.example/story"' in page

    removed = page[page.index('<details class="removed">') :]
    assert "<summary>Removed (2)</summary>" in removed
    assert "related link" in removed and "attribution" in removed
    assert "Read more: Storm hits coast" in removed
    assert "First published by The Northern Courier" in removed
    assert removed.index("Read more") < removed.index("First published")  # by position


def test_article_without_removals_has_no_removed_section(home: Path) -> None:
    with Store.open(home) as store:
        article_id = store.upsert(make_article("Plain."), key="k").id
    with client_for(home) as client:
        assert "<details" not in client.get(f"/articles/{article_id}").text


def test_hostile_text_is_escaped(home: Path) -> None:
    hostile = make_article(
        HOSTILE,
        title=HOSTILE,
        site_name=HOSTILE,
        origin=HOSTILE,
        authors=[HOSTILE],
        language='en" onload="x',
        url="javascript:alert(1)",
    )
    with Store.open(home) as store:
        article_id = store.upsert(hostile, key="k").id
    with client_for(home) as client:
        for path in ("/", "/articles", "/sites", f"/articles/{article_id}"):
            page = client.get(path).text
            assert "<script>" not in page
            assert html.escape(HOSTILE, quote=False) in page.replace("&#34;", '"')
        article_page = client.get(f"/articles/{article_id}").text
        assert "javascript:" not in article_page
        assert 'onload="x' not in article_page


def test_unknown_article_is_an_html_404(client: TestClient) -> None:
    response = client.get("/articles/999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no article with id 999" in response.text.lower()


def test_unknown_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Not found" in response.text


def test_api_lists_articles_with_pagination(home: Path) -> None:
    ids = fill(home, 5)
    with client_for(home) as client:
        body = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
        assert (body["total"], body["limit"], body["offset"]) == (5, 2, 1)
        assert [item["id"] for item in body["items"]] == ids[1:3]
        item = body["items"][0]
        assert set(item) == {
            "id",
            "key",
            "url",
            "title",
            "site_name",
            "origin",
            "section",
            "published",
            "ingested_at",
            "also_published_by",
        }
        assert item["title"] == "Story 3" and item["also_published_by"] == []
        assert datetime.fromisoformat(item["published"]) == datetime.fromisoformat(
            "2024-01-04T00:00+00:00"
        )
        assert client.get("/api/articles", params={"offset": 10}).json()["items"] == []
        assert client.get("/api/articles", params={"limit": 0}).status_code == 422
        assert client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_api_article_is_the_full_record(rich_id: int, client: TestClient) -> None:
    body = client.get(f"/api/articles/{rich_id}").json()
    assert body["id"] == rich_id
    assert body["key"] == "https://news.example/world/story"
    assert datetime.fromisoformat(body["ingested_at"]).tzinfo is not None
    assert body["article"] == rich_article().to_dict()


def test_api_unknown_article_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/articles/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "no article with id 999"}
    assert client.get("/api/nothing").json() == {"detail": "Not Found"}


def test_openapi_docs_and_static_files(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/duplicates",
        "/api/sections",
        "/api/sites",
        "/api/sources",
        "/api/sources/{source_id}",
        "/api/sources/{source_id}/enable",
        "/api/sources/{source_id}/items",
        "/api/opml",
    }
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "--measure: 40em" in css.text


def test_a_corrupt_database_fails_at_app_creation(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError, match="file is not a database"):
        create_app(tmp_path)


def test_a_quotes_paragraphs_in_a_row_are_one_quotation(home: Path, client: TestClient) -> None:
    """An embedded post and its attribution line: one blockquote, two paragraphs."""
    article = make_article("Before the quote.")
    article.blocks[1:] = [
        Block(BlockKind.QUOTE, "Mind the gap."),
        Block(BlockKind.QUOTE, "— Ana Ruiz (@ana) 2 May 2018"),
        Block(BlockKind.PARAGRAPH, "After it."),
        Block(BlockKind.QUOTE, "Another quotation."),
    ]
    with Store.open(home) as store:
        article_id = store.upsert(article, key="quotes").id
    tags = re.sub(r">\s+<", "><", client.get(f"/articles/{article_id}").text)
    assert (
        '<blockquote><p dir="auto">Mind the gap.</p>'
        '<p dir="auto">— Ana Ruiz (@ana) 2 May 2018</p></blockquote>' in tags
    )
    assert '<blockquote><p dir="auto">Another quotation.</p></blockquote>' in tags
