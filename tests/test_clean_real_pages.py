"""Every real page in ../shared cleans or fails with a one-line reason, never a crash."""

from __future__ import annotations

import pytest

from conftest import shared_path
from retina import clean
from retina.errors import RetinaError


def test_mozilla_and_newspaper_pages_never_crash() -> None:
    pages = sorted(shared_path("data", "extraction", "mozilla-readability").glob("*/*/source.html"))
    pages += sorted(shared_path("data", "extraction", "newspaper4k", "html").iterdir())
    assert len(pages) > 100
    cleaned = 0
    for page in pages:
        try:
            article = clean(page.read_bytes(), url="https://example.com/article")
        except RetinaError as error:
            assert "\n" not in str(error)
            continue
        except Exception as error:
            pytest.fail(f"{page}: {type(error).__name__}: {error}")
        cleaned += 1
        assert article.text.strip()
    assert cleaned >= 0.95 * len(pages)
