"""Where fetching may go: user-added URLs must not reach into the machine or its network.

A feed URL is user input. Without a guard, "add source http://169.254.169.254/latest/..."
reads a cloud instance's credentials, and "http://10.0.0.5/admin" probes the local network
(server-side request forgery). Every URL, and every redirect, is checked after DNS
resolution: all its addresses must be public. An allow-list (`RETINA_ALLOW_HOSTS`, or
`AddressGuard(allow=...)`) opens named hosts or networks: tests and the demo allow
127.0.0.1 to read the local sample web.

Limit: the HTTP client resolves the name again when it connects, so a DNS server that
answers differently within milliseconds (rebinding) is not fully excluded.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
from collections.abc import Iterable

from retina.errors import FetchError
from retina.url_parts import split_url

ALLOW_ENV = "RETINA_ALLOW_HOSTS"
_SCHEMES = ("http", "https")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class AddressGuard:
    """Refuses URLs whose host resolves to a non-public address, unless allowed."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        """`allow`: host names ("localhost"), addresses ("127.0.0.1") or networks
        ("10.0.0.0/8") that may be fetched although they are not public."""
        self._names: set[str] = set()
        self._networks: list[IPNetwork] = []
        for entry in allow:
            entry = entry.strip().lower()
            if not entry:
                continue
            try:
                self._networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self._names.add(entry.rstrip("."))

    @classmethod
    def from_environment(cls, extra: Iterable[str] = ()) -> AddressGuard:
        """The allow-list from `RETINA_ALLOW_HOSTS` (comma-separated) plus `extra`."""
        listed = os.environ.get(ALLOW_ENV, "").split(",")
        return cls([*listed, *extra])

    async def check(self, url: str) -> None:
        """Raise `FetchError` unless `url` is http(s) and every address of its host is
        public or allowed."""
        parts = split_url(url)
        if parts is None:  # "http://[::1", a port out of range: a hostile redirect too
            raise FetchError(f"{url}: not a valid URL")
        if parts.scheme not in _SCHEMES:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        host = (parts.hostname or "").rstrip(".").lower()
        if not host:
            raise FetchError(f"{url}: the URL has no host")
        if host in self._names:
            return
        for address in await _resolve(host, parts.port, url):
            if not self._allowed(address):
                raise FetchError(
                    f"{url}: refused, {host} is a {_describe(address)} address ({address}); "
                    f"allow it with {ALLOW_ENV} if this is intended"
                )

    def _allowed(self, address: IPAddress) -> bool:
        address = _unmapped(address)
        if address.is_global and not address.is_multicast:
            return True
        return any(address in network for network in self._networks)


async def _resolve(host: str, port: int | None, url: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{url}: {host} could not be resolved ({error})") from None
    addresses = []
    for info in infos:
        text = str(info[4][0]).split("%")[0]  # drop an IPv6 zone index
        addresses.append(ipaddress.ip_address(text))
    if not addresses:
        raise FetchError(f"{url}: {host} has no address")
    return addresses


def _unmapped(address: IPAddress) -> IPAddress:
    """::ffff:127.0.0.1 is 127.0.0.1."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _describe(address: IPAddress) -> str:
    address = _unmapped(address)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local (cloud metadata)"
    if address.is_private:
        return "private-network"
    if address.is_multicast:
        return "multicast"
    return "non-public"
