"""URL identity: the one string every address of the same page reduces to.

courlan does the general normalisation (host case, default ports, fragments, tracking
parameters such as utm_*, fbclid and ref); on top of it the scheme, a leading `www.`,
trailing slashes and AMP variants (`amp.` hosts, `/amp` path segments, `.amp` suffixes,
`amp=1` / `outputType=amp` queries) are folded, since publishers serve one article under
all of them.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlunsplit

from courlan import normalize_url

from retina.url_parts import split_url

_AMP_QUERY = {("amp", "1"), ("amp", "true"), ("amp", ""), ("outputtype", "amp")}
_AMP_SEGMENT = re.compile(r"(?:^|/)amp(?=/|$)", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(?=(?:\.html?)?$)", re.IGNORECASE)
_EXTRA_TRACKERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_[ce]id|ref|ref_src|cmpid|ocid)$", re.I)


def url_identity(url: str | None) -> str | None:
    """The identity of `url` (scheme-less: `example.com/news/a?id=3`), or None if not http(s)."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    try:
        normalised = normalize_url(url, strict=True)
    except ValueError:
        return None
    parts = split_url(normalised)  # a port out of range too ("example.com:99999")
    host = (parts.hostname or "").lower() if parts else ""
    if not host:
        return None
    host = host.removeprefix("www.").removeprefix("amp.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_SUFFIX.sub("", _AMP_SEGMENT.sub("", parts.path)).rstrip("/")
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if (name.lower(), value.lower()) not in _AMP_QUERY and not _EXTRA_TRACKERS.match(name)
    ]
    return urlunsplit(("", host, path or "", urlencode(sorted(query)), "")).removeprefix("//")


def host_of(identity: str | None) -> str | None:
    """The host part of a URL identity (without port), or None."""
    if not identity:
        return None
    return identity.split("/", 1)[0].split(":", 1)[0] or None
