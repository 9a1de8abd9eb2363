"""A page that declares another site's page canonical is a copy of it: the publisher
of the original, when nothing else credits one."""

from __future__ import annotations

import contextlib

from retina.url_parts import bare_host

__all__ = ["canonical_elsewhere"]

_HOSTING = (
    "wordpress.com blogspot.com medium.com substack.com ghost.io tumblr.com wixsite.com"
    " squarespace.com github.io netlify.app vercel.app herokuapp.com amazonaws.com"
    " cloudfront.net azurewebsites.net pantheonsite.io wpengine.com"
).split()
"""Publishing platforms' and clouds' hosts: a canonical link there names the site's back
office (localtvkstu.wordpress.com for fox13now.com), not another publication."""
_SECOND_LEVEL = frozenset("co com net org gov ac edu ne or go gob nic".split())


def canonical_elsewhere(url: str | None, canonical: str | None) -> str | None:
    """The host of another site whose page the page declares canonical: the page is a copy
    of that site's (MSN's page of a Guardian article names theguardian.com). Not another
    address of the same site: a subdomain (edition.cnn.com, de.linkedin.com), the same name
    under another suffix (pinup-fashion.de and .com), the host in punycode; nor a
    publishing platform's host."""
    if not url or not canonical:
        return None
    page, declared = bare_host(url), bare_host(canonical)
    if not page or not declared:
        return None
    if _site_label(page) == _site_label(declared):
        return None
    if any(declared == host or declared.endswith("." + host) for host in _HOSTING):
        return None
    return declared


def _site_label(host: str) -> str:
    """The name a host's registered domain gives the site: "cnn" for edition.cnn.com,
    "bbc" for www.bbc.co.uk; in punycode's ASCII form, so that both spellings agree."""
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else host
