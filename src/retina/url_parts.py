"""URL parsing for URLs from outside: the standard library's `urlsplit`, `urljoin` and a
result's `port` raise `ValueError` on what hostile input holds ("http://[::1",
"http://host:99999/"); these return None instead, so every stage treats such a URL as no URL.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split_url(url: str) -> SplitResult | None:
    """`urlsplit(url)`, or None when it, or its port, does not parse."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it is the check: ValueError for a port out of range
    except ValueError:
        return None
    return parts


def join_url(base: str, link: str) -> str | None:
    """`link` resolved against `base`, or None when either does not parse."""
    try:
        joined = urljoin(base, link)
    except ValueError:
        return None
    return joined if split_url(joined) is not None else None


def bare_host(url: str) -> str | None:
    """The host a URL names, lower-cased and without "www.", or None when there is none:
    the publication a page credits by its address."""
    parts = split_url(url.strip())
    host = parts.hostname if parts is not None else None
    return host.removeprefix("www.") if host else None
