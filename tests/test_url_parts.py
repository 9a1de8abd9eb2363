"""URLs from outside that the standard library's parser raises on."""

from __future__ import annotations

import pytest

from retina.url_parts import join_url, split_url


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "http://a:b/"])
def test_urls_that_do_not_parse_are_none(url: str) -> None:
    assert split_url(url) is None
    assert join_url("https://example.com/a/", url) is None


def test_urls_that_parse() -> None:
    parts = split_url("https://example.com:8443/a?b=c")
    assert parts is not None and (parts.hostname, parts.port) == ("example.com", 8443)
    assert join_url("https://example.com/a/b", "../c") == "https://example.com/c"
    assert join_url("https://example.com/a/", "//[::1/x") is None
