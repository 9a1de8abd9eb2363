"""URL identity: the one string every address of the same page reduces to.

`url_parts.normalised_url` does the general normalisation (host case, default ports,
fragments, tracking parameters such as utm_*, fbclid and ref); on top of it the scheme, a
leading `www.`, trailing slashes, the order of parameters and AMP variants (`amp.` hosts,
`/amp` path segments, `.amp` suffixes, `amp=1` / `outputType=amp` queries) are folded,
since publishers serve one article under all of them.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlunsplit

from retina.url_parts import normalised_url, split_url

_AMP_QUERY = {("amp", "1"), ("amp", "true"), ("amp", ""), ("outputtype", "amp")}
_AMP_SEGMENT = re.compile(r"(?:^|/)amp(?=/|$)", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(?=(?:\.html?)?$)", re.IGNORECASE)


def url_identity(url: str | None) -> str | None:
    """The identity of `url` (scheme-less: `example.com/news/a?id=3`), or None if not http(s)."""
    normalised = normalised_url(url) if url else None
    parts = split_url(normalised) if normalised else None
    if parts is None or not parts.hostname:
        return None
    host = parts.hostname.removeprefix("www.").removeprefix("amp.")
    if parts.port:
        host = f"{host}:{parts.port}"
    path = _AMP_SUFFIX.sub("", _AMP_SEGMENT.sub("", parts.path)).rstrip("/")
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if (name.lower(), value.lower()) not in _AMP_QUERY
    ]
    return urlunsplit(("", host, path or "", urlencode(sorted(query)), "")).removeprefix("//")


def host_of(identity: str | None) -> str | None:
    """The host part of a URL identity (without port), or None."""
    if not identity:
        return None
    return identity.split("/", 1)[0].split(":", 1)[0] or None
