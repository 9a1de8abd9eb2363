"""The model's JSON form: round trip, versioning, and the generated schema."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from retina.model import Article, Block, BlockKind, Image, Page, Removed, RemovedKind, content_hash
from retina.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]


def _article() -> Article:
    return Article(
        url="https://example.com/a?utm_source=x",
        canonical_url="https://example.com/a",
        title="Title",
        lead="Lead",
        authors=["Ana Lee", "Bo Chen"],
        published=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        updated=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        site_name="Example",
        origin="Wire",
        section="World",
        language="en",
        blocks=[
            Block(BlockKind.HEADING, "Heading", 2),
            Block(BlockKind.PARAGRAPH, "First paragraph."),
            Block(BlockKind.LIST_ITEM, "Item"),
        ],
        images=[Image("https://example.com/i.jpg", alt="Alt", caption=None)],
        removed=[Removed(RemovedKind.RELATED_LINK, "Also Read: X", "marker", 1)],
    )


def test_article_round_trip() -> None:
    article = _article()
    data = json.loads(json.dumps(article.to_dict()))
    again = Article.from_dict(data)
    assert again == article
    assert again.to_dict() == data


def test_page_round_trip_with_binary_body() -> None:
    page = Page(
        url="https://example.com",
        body=bytes(range(256)),
        fetched_at=datetime.now(UTC),
        content_type="text/html",
        headers={"etag": '"x"'},
        source_id="s1",
    )
    data = json.loads(json.dumps(page.to_dict()))
    assert Page.from_dict(data) == page
    jsonschema.validate(data, json_schema())


def test_text_and_hash() -> None:
    article = _article()
    assert article.text == "Heading\n\nFirst paragraph.\n\nItem"
    assert article.to_dict()["content_hash"] == content_hash(article.text)
    assert content_hash("A  b\nC") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_unknown_schema_version_refused() -> None:
    data = _article().to_dict()
    data["schema_version"] = 99
    with pytest.raises(ValueError, match="schema_version"):
        Article.from_dict(data)


def test_outputs_validate_against_schema() -> None:
    schema = json_schema()
    jsonschema.validate(_article().to_dict(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**_article().to_dict(), "surprise": 1}, schema)


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "docs" / "schema.json").read_text())
    assert committed == json_schema(), "regenerate: python -m retina.schema > docs/schema.json"


def test_import_retina_is_light() -> None:
    code = (
        "import sys, retina; heavy = {'trafilatura', 'lxml', 'sqlalchemy', 'fastapi', 'httpx'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
