"""URL identity: every address of one page reduces to one string."""

from __future__ import annotations

import pytest

from retina.link.urls import host_of, url_identity


@pytest.mark.parametrize(
    ("variant", "identity"),
    [
        ("https://news.example/world/a-story", "news.example/world/a-story"),
        ("HTTP://NEWS.Example:80/world/a-story/", "news.example/world/a-story"),
        ("https://www.news.example:443/world/a-story#comments", "news.example/world/a-story"),
        (
            "https://news.example/world/a-story?utm_source=rss&utm_medium=feed&fbclid=x1&ref=rss",
            "news.example/world/a-story",
        ),
        ("https://amp.news.example/world/a-story/amp", "news.example/world/a-story"),
        ("https://news.example/amp/world/a-story", "news.example/world/a-story"),
        ("https://news.example/world/a-story.amp?amp=1", "news.example/world/a-story"),
        ("https://news.example/world/a-story.amp.html", "news.example/world/a-story.html"),
        ("https://news.example/world/a-story?outputType=amp", "news.example/world/a-story"),
    ],
)
def test_variants_of_one_address_share_an_identity(variant: str, identity: str) -> None:
    assert url_identity(variant) == identity


def test_meaningful_differences_are_kept() -> None:
    assert url_identity("https://news.example/story?id=3&page=2") == (
        "news.example/story?id=3&page=2"
    )
    assert url_identity("https://news.example/story?page=2&id=3") == url_identity(
        "https://news.example/story?id=3&page=2"
    )
    assert url_identity("https://news.example/story?id=4") != url_identity(
        "https://news.example/story?id=3"
    )
    # a site that addresses its articles by a query parameter courlan does not know
    assert url_identity("https://news.example/news.php?article=55") != url_identity(
        "https://news.example/news.php?article=56"
    )
    assert url_identity("https://news.example/a?b=1&utm_source=x&fbclid=2") == "news.example/a?b=1"
    assert url_identity("http://127.0.0.1:8765/x/y/") == "127.0.0.1:8765/x/y"
    assert url_identity("https://news.example/News/A") != url_identity(
        "https://news.example/news/a"
    )


@pytest.mark.parametrize(
    "bad", [None, "", "   ", "file:///tmp/a.html", "mailto:x@y.z", "not a url", "http://[::1/"]
)
def test_non_http_addresses_have_no_identity(bad: str | None) -> None:
    assert url_identity(bad) is None


def test_host_of_an_identity() -> None:
    assert host_of("news.example:8080/a") == "news.example"
    assert host_of(None) is None


def test_a_port_out_of_range_has_no_identity() -> None:
    """A page's canonical link "http://host:99999/" used to crash storing the page."""
    assert url_identity("http://example.com:99999/news/a") is None
