"""Polite HTTP fetching: conditional GET, limits, redirects checked, per-host manners.

One `Fetcher` (an async context manager around one `httpx.AsyncClient`) serves a whole
poll. For every host it keeps: a semaphore (at most `per_host` requests at once), the time
the next request may start (`min_delay` after the last one ended, or the site's robots.txt
Crawl-delay when longer), and a "blocked until" time set by Retry-After on 429/503, which
blocks that host only.

Every URL and every redirect target passes the `AddressGuard` (no loopback, private or
metadata addresses unless allowed) and robots.txt (protego). Bodies are streamed and
decompressed by hand, so `max_bytes` bounds what is held in memory however well the body
compresses (gzip bombs stop at the limit).
"""

from __future__ import annotations

import asyncio
import random
import time
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from retina import __version__
from retina.errors import FetchError
from retina.ingest.guard import AddressGuard

USER_AGENT = f"Retina/{__version__} (news reader; +https://github.com/retina-news/retina)"
MAX_BODY_BYTES = 10 * 1024 * 1024
MAX_RETRY_AFTER = 6 * 3600.0
"""A Retry-After further out than this is taken as this: the host is retried, not dropped."""
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_THROTTLED = {429, 503}


class HTTPStatusError(FetchError):
    """The server answered with an error status (4xx, 5xx)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Throttled(FetchError):
    """The host asked to wait (429 or 503 with a Retry-After), now or earlier in this poll:
    `wait` seconds from now."""

    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the fetcher behaves; the defaults are those of a polite feed reader."""

    max_bytes: int = MAX_BODY_BYTES
    timeout: float = 20.0
    """Seconds to connect, and between two pieces of the answer."""
    deadline: float = 60.0
    """Seconds one request may take in all: a body trickling in is cut off."""
    max_connections: int = 100
    """Requests in flight at once over all hosts (and connections kept alive for reuse)."""
    max_redirects: int = 5
    per_host: int = 1
    """Requests to one host at the same time."""
    min_delay: float = 1.0
    """Seconds from the end of one request to a host to the start of the next."""
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last response said about its version, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response: `not_modified` (304) comes with an empty body."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    validators: Validators
    not_modified: bool = False
    moved_to: str | None = None
    """The final URL when every redirect on the way was permanent (301, 308)."""


@dataclass(slots=True)
class _Host:
    gate: asyncio.Semaphore
    next_start: float = 0.0
    blocked_until: float = 0.0
    asked_to_wait: bool = False  # the block came with a Retry-After
    crawl_delay: float = 0.0
    robots: object | None = None  # protego.Protego, or None when fetched and absent
    robots_problem: str | None = None  # why robots.txt could not be read: nothing is fetched
    robots_loaded: bool = False
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Fetcher:
    """Fetches URLs politely; use as `async with Fetcher(...) as fetcher`."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        guard: AddressGuard | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.guard = guard or AddressGuard.from_environment()
        self._hosts: dict[str, _Host] = {}
        self._connections = asyncio.Semaphore(self.settings.max_connections)
        self._client = httpx.AsyncClient(
            timeout=self.settings.timeout,
            limits=httpx.Limits(
                max_connections=self.settings.max_connections,
                max_keepalive_connections=self.settings.max_connections,
            ),
            follow_redirects=False,
            headers={
                "User-Agent": self.settings.user_agent,
                "Accept-Encoding": "gzip, deflate, br",
            },
            transport=transport,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self._client.aclose()

    def blocked_until(self, url: str) -> float:
        """Monotonic time before which the host of `url` must not be asked (0: not blocked)."""
        host = self._hosts.get(host_key(url))
        return host.blocked_until if host else 0.0

    async def fetch(self, url: str, *, validators: Validators | None = None) -> FetchResult:
        """GET `url`, following redirects; raises `FetchError` with a one-line reason."""
        current = url
        permanent = True
        for _ in range(self.settings.max_redirects + 1):
            await self.guard.check(current)
            if self.settings.obey_robots:
                await self._check_robots(current)
            response = await self._request(current, validators)
            if response.status in _REDIRECTS:
                permanent = permanent and response.status in _PERMANENT
                current = response.location
                validators = None  # validators belong to the URL they came from
                continue
            return FetchResult(
                url=url,
                final_url=current,
                status=response.status,
                body=response.body,
                content_type=response.content_type,
                validators=response.validators,
                not_modified=response.status == 304,
                moved_to=current if permanent and current != url else None,
            )
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects")

    async def _request(self, url: str, validators: Validators | None) -> _Response:
        host = self._host(url)
        async with host.gate:
            now = time.monotonic()
            if host.blocked_until > now:
                wait = host.blocked_until - now
                if host.asked_to_wait:
                    raise Throttled(f"{url}: the host asked to wait {wait:.0f} s more", wait)
                raise FetchError(f"{url}: the host was overloaded a moment ago; not asked again")
            delay = host.next_start - now
            if delay > 0:
                await asyncio.sleep(delay)
            spacing = max(self.settings.min_delay, host.crawl_delay)
            # A free connection first, then the deadline: waiting for one is not the host's
            # fault. The pool is as large as this gate, so httpx itself never waits.
            async with self._connections:
                try:
                    async with asyncio.timeout(self.settings.deadline):
                        response = await self._get(url, validators)
                except httpx.HTTPError as error:
                    raise FetchError(f"{url}: {_describe_error(error)}") from None
                except TimeoutError:
                    raise FetchError(
                        f"{url}: timed out, the answer took more than {self.settings.deadline:g} s"
                    ) from None
                finally:
                    # Counted from the end of this request: a slow answer is no reason to
                    # ask again sooner, and the host sees the gap whatever the client's load.
                    host.next_start = time.monotonic() + spacing
            if response.status in _THROTTLED:
                # With a Retry-After the host said when to come back: the wait is kept
                # (`Throttled`). Without one, it gets a short rest and the answer is an error.
                host.asked_to_wait = bool(response.retry_after)
                wait = min(response.retry_after or spacing * 2, MAX_RETRY_AFTER)
                host.blocked_until = time.monotonic() + wait
                if host.asked_to_wait:
                    message = f"{url}: HTTP {response.status}, retry after {wait:.0f} s"
                    raise Throttled(message, wait)
                raise HTTPStatusError(f"{url}: HTTP {response.status}", response.status)
            if response.status >= 400:
                raise HTTPStatusError(f"{url}: HTTP {response.status}", response.status)
            return response

    async def _get(self, url: str, validators: Validators | None) -> _Response:
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            location = None
            if status in _REDIRECTS:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(f"{url}: HTTP {status} redirect without a Location")
                location = urljoin(url, target)
            body = b""
            if status == 200:
                body = await _read_body(response, self.settings.max_bytes, url)
            return _Response(
                status=status,
                body=body,
                content_type=response.headers.get("content-type"),
                validators=Validators(
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                ),
                location=location or "",
                retry_after=_retry_after(response.headers.get("retry-after")),
            )

    async def _check_robots(self, url: str) -> None:
        """`FetchError` unless the host's robots.txt lets Retina fetch `url`."""
        host = self._host(url)
        async with host.robots_lock:
            if not host.robots_loaded:
                host.robots, host.robots_problem = await self._load_robots(url)
                host.robots_loaded = True
                if host.robots is not None:
                    delay = host.robots.crawl_delay(self.settings.user_agent)  # type: ignore[attr-defined]
                    host.crawl_delay = float(delay or 0.0)
        if host.robots_problem is not None:
            raise FetchError(f"{url}: not fetched, {host.robots_problem}")
        if host.robots is not None and not host.robots.can_fetch(url, self.settings.user_agent):  # type: ignore[attr-defined]
            raise FetchError(f"{url}: disallowed by the site's robots.txt")

    async def _load_robots(self, url: str) -> tuple[object | None, str | None]:
        """The host's robots.txt, parsed (None: no rules), or why it could not be read.

        As RFC 9309 says: a robots.txt that is not there (HTTP 4xx) allows everything;
        one that cannot be read (5xx, 429, no answer) allows nothing, for this poll.
        """
        from protego import Protego

        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            response = await self._request(robots_url, None)
        except HTTPStatusError as error:
            if 400 <= error.status < 500 and error.status != 429:
                return None, None
            return None, f"its robots.txt could not be read (HTTP {error.status})"
        except FetchError as error:
            reason = str(error).removeprefix(f"{robots_url}: ")
            return None, f"its robots.txt could not be read ({reason})"
        if response.status != 200:
            return None, None  # a redirect away from the host's own robots.txt
        return Protego.parse(response.body.decode("utf-8", errors="replace")), None

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(gate=asyncio.Semaphore(self.settings.per_host))
        return host


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    body: bytes
    content_type: str | None
    validators: Validators
    location: str
    retry_after: float | None


async def _read_body(response: httpx.Response, limit: int, url: str) -> bytes:
    """The decoded body, refusing more than `limit` bytes (compressed or not)."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    chunks = []
    size = 0
    async for chunk in _decoded(response.aiter_raw(), encoding, limit):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: the body is larger than {limit // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)


async def _decoded(raw: AsyncIterator[bytes], encoding: str, limit: int) -> AsyncIterator[bytes]:
    """Decompress as the bytes arrive, never producing much more than `limit` per step."""
    if encoding in ("", "identity"):
        async for chunk in raw:
            yield chunk
        return
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 47 if encoding != "deflate" else zlib.MAX_WBITS
        decompressor = zlib.decompressobj(wbits)
        async for chunk in raw:
            data = decompressor.decompress(chunk, limit + 1)
            yield data
            while decompressor.unconsumed_tail:
                yield decompressor.decompress(decompressor.unconsumed_tail, limit + 1)
        yield decompressor.flush()
        return
    if encoding == "br":
        import brotli

        decompressor = brotli.Decompressor()
        async for chunk in raw:
            yield decompressor.process(chunk)
        return
    raise FetchError(f"unsupported Content-Encoding {encoding!r}")


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def host_key(url: str) -> str:
    """What politeness is kept per: scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _describe_error(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect ({error})" if str(error) else "could not connect"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def backoff(failures: int, base: float, cap: float) -> float:
    """Seconds to wait after `failures` failures in a row: exponential, with full jitter."""
    return random.uniform(0, min(cap, base * 2 ** min(failures, 20)))
