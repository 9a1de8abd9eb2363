"""URLs from outside that the standard library's parser raises on."""

from __future__ import annotations

import pytest

from retina.url_parts import join_url, normalised_url, split_url


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "http://a:b/"])
def test_urls_that_do_not_parse_are_none(url: str) -> None:
    assert split_url(url) is None
    assert join_url("https://example.com/a/", url) is None


def test_urls_that_parse() -> None:
    parts = split_url("https://example.com:8443/a?b=c")
    assert parts is not None and (parts.hostname, parts.port) == ("example.com", 8443)
    assert join_url("https://example.com/a/b", "../c") == "https://example.com/c"
    assert join_url("https://example.com/a/", "//[::1/x") is None


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("HTTPS://News.Example:443/a?utm_source=x&id=3#top", "https://news.example/a?id=3"),
        ("http://news.example:8080", "http://news.example:8080/"),
        ("https://user:pw@news.example/a?fbclid=1&gclid=2", "https://news.example/a"),
        ("https://news.example/spip.php?article8532", "https://news.example/spip.php?article8532"),
        (
            "https://web.archive.org/web/2016/http://news.example/a",
            "https://web.archive.org/web/2016/http://news.example/a",
        ),
        ("https://[::1]:8000/a", "https://[::1]:8000/a"),
        ("ftp://news.example/a", None),
        ("https:///a", None),
        ("http://[::1", None),
    ],
)
def test_a_url_normalised_keeps_what_names_the_page(url: str, normalised: str | None) -> None:
    assert normalised_url(url) == normalised
