"""URL parsing for URLs from outside: the standard library's `urlsplit`, `urljoin` and a
result's `port` raise `ValueError` on what hostile input holds ("http://[::1",
"http://host:99999/"); these return None instead, so every stage treats such a URL as no URL.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKERS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_[ce]id|_ga|_gl|igshid"
    r"|ref|ref_src|cmpid|ocid|at_medium|at_campaign|__twitter_impression)$",
    re.IGNORECASE,
)
"""Query parameters that say how the reader came to a page, not which page it is."""


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


def normalised_url(url: str) -> str | None:
    """An absolute http(s) URL as the address of one page: scheme and host in lower case,
    without a default port, user name, fragment or tracking parameters (utm_*, fbclid…);
    or None when it is none. The path and the other parameters stay as written: a SPIP
    site's "spip.php?article8532" addresses an article, and an archive's
    "/web/2016…/http://example.com/" holds another page's URL (courlan drops the one and
    merges the slashes of the other)."""
    parts = split_url(url.strip())
    if parts is None or parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    query = "&".join(
        piece
        for piece in parts.query.split("&")
        if piece and not _TRACKERS.match(piece.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
