"""A small real HTTP server for a generated sample web, on loopback addresses only.

It speaks enough HTTP/1.1 to test fetchers and pollers against: ETag and
Last-Modified with 304 answers to conditional GETs, gzip when the client accepts
it, per-outlet latency and 503/429 faults with Retry-After (decided from a seed, the
path and how often it was asked for, so a test sees the same answers every run),
redirects and slow responses from the manifest's routes, and an in-memory request
log with the concurrency at each request's start.

Pages are generated for one base URL (say port 8765); when the server listens on
another port it rewrites those origins in text responses and Location headers, so
links keep working. `map_url` does the same for URLs read from the truth files.
With a folder generated with `per_outlet_hosts=True`, each outlet gets its own
listening socket on 127.0.0.2, 127.0.0.3, ... (same port), for per-host politeness
tests.
"""

from __future__ import annotations

import email.utils
import errno
import gzip
import hashlib
import ipaddress
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from retina.sample.errors import SampleWebError
from retina.sample.randomness import unit_hash
from retina.sample.site import MANIFEST_FILE, OUTLETS_FILE, content_type_of

_TEXTUAL = ("text/", "application/xml", "application/json", "application/x-ndjson", "image/svg")
_CACHE_LIMIT = 4096
_CACHE_MAX_FILE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Behaviour:
    """How the server treats requests for one outlet (or all of them).

    `latency` seconds are added to every response, plus up to `jitter` more; shares
    `error_rate` and `throttle_rate` of requests are answered 503 and 429 with a
    Retry-After of `retry_after` seconds. With `conditional_get` off the server sends
    no validators and never answers 304, like many real sites.
    """

    latency: float = 0.0
    jitter: float = 0.0
    error_rate: float = 0.0
    throttle_rate: float = 0.0
    retry_after: int = 1
    conditional_get: bool = True


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the server saw it.

    `host` is the address:port that received it; `concurrency` is how many requests
    the whole server was handling when this one started (itself included), and
    `host_concurrency` the same for its address.
    """

    time: float
    host: str
    method: str
    path: str
    status: int
    concurrency: int
    host_concurrency: int
    bytes_sent: int
    duration: float


@dataclass(slots=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes = b""
    trickle: float = 0.0


def check_loopback(host: str) -> str:
    """The literal loopback address for `host`, or SampleWebError."""
    address = "127.0.0.1" if host == "localhost" else host
    try:
        if ipaddress.ip_address(address).is_loopback:
            return address
    except ValueError:
        pass
    raise SampleWebError(f"refusing to serve on {host!r}: only loopback addresses are allowed")


_LOG_SETTLE_SECONDS = 2.0
"""How long reading the request log waits for requests still being answered."""


class SampleServer:
    """Serves `folder` over HTTP; use as a context manager or call start() / stop()."""

    def __init__(
        self,
        folder: str | Path,
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        behaviour: Behaviour | None = None,
        outlet_behaviour: dict[str, Behaviour] | None = None,
        flaky: bool = False,
        seed: int = 0,
    ):
        self.folder = Path(folder).resolve()
        if not self.folder.is_dir():
            raise SampleWebError(f"{folder}: no such folder")
        self.host = check_loopback(host)
        self.requested_port = port
        self.seed = seed
        self.default = behaviour or Behaviour()
        manifest = self._read_json(MANIFEST_FILE, {})
        self.generated_base: str | None = manifest.get("base_url")
        self.generated_hosts: dict[str, str] = manifest.get("hosts", {})
        self.routes: dict[str, dict[str, Any]] = manifest.get("routes", {})
        self.per_outlet_hosts = bool(manifest.get("per_outlet_hosts"))
        if self.per_outlet_hosts and self.host != "127.0.0.1":
            raise SampleWebError("a sample web with per-outlet hosts is served from 127.0.0.1")
        self.outlet_behaviour: dict[str, Behaviour] = {}
        if flaky:
            for outlet in self._read_json(OUTLETS_FILE, []):
                poll = outlet["poll"]
                self.outlet_behaviour[outlet["folder"]] = Behaviour(
                    latency=poll["latency_ms"] / 1000,
                    jitter=poll["latency_ms"] / 2000,
                    error_rate=poll["error_rate"],
                    throttle_rate=poll["throttle_rate"],
                    retry_after=2,
                    conditional_get=poll["conditional_get"],
                )
        self.outlet_behaviour.update(outlet_behaviour or {})
        self.port = 0
        self._servers: list[_HTTPServer] = []
        self._threads: list[threading.Thread] = []
        self._origin_map: list[tuple[bytes, bytes]] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self._host_in_flight: dict[str, int] = {}
        self._counts: dict[str, int] = {}
        self._log: list[RequestRecord] = []
        self._idle = threading.Condition(self._lock)
        self._cache: dict[tuple[str, int, int], tuple[bytes, str]] = {}

    def _read_json(self, name: str, default: Any) -> Any:
        try:
            return json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return default

    # -- lifecycle --

    def __enter__(self) -> SampleServer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Bind every address and serve in background threads."""
        bindings = [(self.host, "")]
        if self.per_outlet_hosts:
            for origin, prefix in self.generated_hosts.items():
                if prefix:
                    bindings.append((urlsplit(origin).hostname or "", prefix))
        for attempt in range(10):
            try:
                self._bind(bindings)
                break
            except OSError as error:
                self._close_sockets()
                if error.errno != errno.EADDRINUSE or self.requested_port or attempt == 9:
                    raise SampleWebError(
                        f"cannot listen on port {self.requested_port}: {error.strerror}"
                    ) from None
        self._origin_map = self._make_origin_map()
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def _bind(self, bindings: list[tuple[str, str]]) -> None:
        port = self.requested_port
        for address, prefix in bindings:
            server = _HTTPServer((address, port), _Handler, self, prefix)
            self._servers.append(server)
            port = server.server_address[1]
        self.port = port

    def _close_sockets(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers.clear()

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
        self._close_sockets()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def block_until_interrupted(self) -> None:
        """Wait until Ctrl-C, then stop (for the CLI; call start() first)."""
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    # -- addresses --

    @property
    def url(self) -> str:
        """The root URL the server answers on, e.g. http://127.0.0.1:41235."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def _make_origin_map(self) -> list[tuple[bytes, bytes]]:
        pairs = []
        if self.generated_base:
            pairs.append((self.generated_base, self.url))
        for origin, prefix in self.generated_hosts.items():
            if prefix and self.per_outlet_hosts:
                pairs.append((origin, f"http://{urlsplit(origin).hostname}:{self.port}"))
        return [(a.encode(), b.encode()) for a, b in pairs if a != b]

    def map_url(self, url: str) -> str:
        """A URL from the generated files or truth, as this server answers it."""
        data = url.encode()
        for generated, served in self._origin_map:
            if data.startswith(generated):
                return (served + data[len(generated) :]).decode()
        return url

    # -- request log --

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of the request log, oldest first.

        A request is logged just after its response is sent, so a client can see its
        response before the entry exists; reading waits (briefly) for in-flight requests.
        """
        with self._idle:
            self._idle.wait_for(lambda: self._in_flight == 0, timeout=_LOG_SETTLE_SECONDS)
            return list(self._log)

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()
            self._counts.clear()

    # -- request handling --

    def handle(self, handler: _Handler, head_only: bool) -> None:
        started = time.time()
        server: _HTTPServer = handler.server  # type: ignore[assignment]
        host = f"{server.server_address[0]}:{server.server_address[1]}"
        with self._lock:
            self._in_flight += 1
            self._host_in_flight[host] = self._host_in_flight.get(host, 0) + 1
            concurrency, host_concurrency = self._in_flight, self._host_in_flight[host]
        status, sent = 500, 0
        try:
            response = self._respond(handler, server.prefix)
            status = response.status
            sent = self._send(handler, response, head_only)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            handler.close_connection = True
        finally:
            with self._lock:
                self._in_flight -= 1
                self._host_in_flight[host] -= 1
                self._log.append(
                    RequestRecord(
                        time=started,
                        host=host,
                        method=handler.command,
                        path=handler.path,
                        status=status,
                        concurrency=concurrency,
                        host_concurrency=host_concurrency,
                        bytes_sent=sent,
                        duration=time.time() - started,
                    )
                )
                self._idle.notify_all()

    def _respond(self, handler: _Handler, prefix: str) -> _Response:
        raw_path = unquote(urlsplit(handler.path).path)
        segments = [s for s in raw_path.split("/") if s]
        if any(s in (".", "..") or "\\" in s or "\x00" in s for s in segments):
            return _text_response(400, "bad path")
        path = "/".join(([prefix] if prefix else []) + segments)
        if raw_path.endswith("/") and path:
            path += "/"
        behaviour = self.outlet_behaviour.get(path.split("/", 1)[0], self.default)
        with self._lock:
            nth = self._counts.get(path, 0)
            self._counts[path] = nth + 1
        delay = behaviour.latency + behaviour.jitter * unit_hash(self.seed, "jitter", path, nth)
        if delay:
            time.sleep(delay)
        if not path.endswith("robots.txt"):
            roll = unit_hash(self.seed, "fault", path, nth)
            if roll < behaviour.error_rate:
                return _text_response(503, "temporarily unavailable", behaviour.retry_after)
            if roll < behaviour.error_rate + behaviour.throttle_rate:
                return _text_response(429, "too many requests", behaviour.retry_after)
        route = self.routes.get(path.rstrip("/"), {})
        if "redirect" in route:
            location = self.map_url(route["redirect"])
            return _Response(route.get("status", 302), {"Location": location})
        if route.get("delay"):
            time.sleep(float(route["delay"]))
        file = self._find_file(route.get("file", path))
        if file is None:
            return _text_response(404, "not found")
        if isinstance(file, str):  # a folder asked for without its trailing slash
            return _Response(301, {"Location": f"{self._origin_of(handler)}{raw_path}/"})
        return self._file_response(handler, file, route, behaviour)

    def _origin_of(self, handler: _Handler) -> str:
        address, port = handler.server.server_address[:2]
        return f"http://{address}:{port}"

    def _find_file(self, path: str) -> Path | str | None:
        """The file for `path`; a str when it names a folder without a trailing slash."""
        base = self.folder / path
        if path == "" or path.endswith("/"):
            index = base / "index.html"
            if index.is_file():
                return index
            html = self.folder / (path[:-1] + ".html")
            return html if path and html.is_file() else None
        if base.is_file():
            return base
        if base.is_dir() and (base / "index.html").is_file():
            return path
        html = base.with_name(base.name + ".html")
        return html if html.is_file() else None

    def _file_response(
        self, handler: _Handler, file: Path, route: dict[str, Any], behaviour: Behaviour
    ) -> _Response:
        stat = file.stat()
        content_type = route.get("content_type") or content_type_of(file.name)
        body, etag = self._load(file, stat, content_type)
        headers = {"Content-Type": content_type}
        if behaviour.conditional_get:
            headers["ETag"] = etag
            headers["Last-Modified"] = email.utils.formatdate(stat.st_mtime, usegmt=True)
            if _not_modified(handler, etag, stat.st_mtime):
                return _Response(304, {k: v for k, v in headers.items() if k != "Content-Type"})
        if route.get("content_encoding"):
            headers["Content-Encoding"] = route["content_encoding"]
        elif body and content_type.startswith(_TEXTUAL) and _accepts_gzip(handler):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
            if "ETag" in headers:
                headers["ETag"] = etag[:-1] + '-gzip"'
        return _Response(200, headers, body, float(route.get("trickle", 0.0)))

    def _load(self, file: Path, stat: os.stat_result, content_type: str) -> tuple[bytes, str]:
        """File bytes with generated origins rewritten, and their ETag (cached when small)."""
        key = (str(file), stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        body = file.read_bytes()
        if self._origin_map and content_type.startswith(_TEXTUAL):
            for generated, served in self._origin_map:
                body = body.replace(generated, served)
        result = body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        if stat.st_size <= _CACHE_MAX_FILE:
            with self._lock:
                if len(self._cache) >= _CACHE_LIMIT:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = result
        return result

    def _send(self, handler: _Handler, response: _Response, head_only: bool) -> int:
        handler.send_response(response.status)
        if response.status != 304 and "Content-Length" not in response.headers:
            response.headers["Content-Length"] = str(len(response.body))
        for name, value in response.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if head_only or not response.body or response.status == 304:
            return 0
        if not response.trickle:
            handler.wfile.write(response.body)
            return len(response.body)
        pieces = 20
        step = max(1, -(-len(response.body) // pieces))
        for start in range(0, len(response.body), step):
            handler.wfile.write(response.body[start : start + step])
            handler.wfile.flush()
            time.sleep(response.trickle / pieces)
        return len(response.body)


def serve(
    folder: str | Path,
    port: int = 0,
    *,
    host: str = "127.0.0.1",
    behaviour: Behaviour | None = None,
    outlet_behaviour: dict[str, Behaviour] | None = None,
    flaky: bool = False,
    seed: int = 0,
) -> SampleServer:
    """A server for `folder`, started by `with`: `with serve(folder) as server: server.url`.

    `flaky=True` applies each outlet's own latency and fault rates from outlets.json;
    `outlet_behaviour` (by outlet folder name) and `behaviour` (everything else)
    set them explicitly.
    """
    return SampleServer(
        folder,
        port=port,
        host=host,
        behaviour=behaviour,
        outlet_behaviour=outlet_behaviour,
        flaky=flaky,
        seed=seed,
    )


def _text_response(status: int, message: str, retry_after: int | None = None) -> _Response:
    body = f"{status} {message}\n".encode()
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return _Response(status, headers, body)


def _not_modified(handler: _Handler, etag: str, mtime: float) -> bool:
    if_none_match = handler.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or etag in tags or etag[:-1] + '-gzip"' in tags
    if_modified_since = handler.headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
        return int(mtime) <= since
    return False


def _accepts_gzip(handler: _Handler) -> bool:
    for part in handler.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return False
    return False


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], handler: type[_Handler], sample: SampleServer, prefix: str
    ):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.sample = sample
        self.prefix = prefix
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "RetinaSample/1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    timeout = 30  # seconds an idle keep-alive connection is kept

    def do_GET(self) -> None:
        self.server.sample.handle(self, head_only=False)  # type: ignore[attr-defined]

    def do_HEAD(self) -> None:
        self.server.sample.handle(self, head_only=True)  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: requests go to the in-memory log instead."""
