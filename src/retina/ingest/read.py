"""Read one raw input (file, stdin or URL) into bytes, refusing oversized input early."""

from __future__ import annotations

import sys
from pathlib import Path

from retina.errors import FetchError, InputError

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Largest raw input Retina reads (files, stdin, downloads); real article pages are far smaller."""

FETCH_TIMEOUT_SECONDS = 20.0


def read_source(source: str, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str | None]:
    """Return the raw bytes of `source` and its URL when it is one.

    `source` is a path, an http(s) URL, or "-" for standard input.
    """
    if source == "-":
        return _read_stream(sys.stdin.buffer, "standard input", max_bytes), None
    if source.startswith(("http://", "https://")):
        return fetch_url(source, max_bytes=max_bytes)
    return read_file(Path(source), max_bytes=max_bytes), None


def read_file(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file, checking its size before reading so huge files cost nothing."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{path}: is a directory")
        if size > max_bytes:
            raise InputError(f"{path}: {_mb(size)} is larger than the {_mb(max_bytes)} limit")
        with path.open("rb") as handle:
            return _read_stream(handle, str(path), max_bytes)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None


def fetch_url(url: str, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str]:
    """GET a URL (redirects followed), enforcing the size limit while streaming.

    Returns the body and the final URL after redirects.
    """
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=10,
                timeout=FETCH_TIMEOUT_SECONDS,
                headers={"User-Agent": "Retina/0.1 (+https://github.com/retina-news/retina)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: {_mb(int(declared))} is larger than the limit")
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_raw():
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError(f"{url}: body is larger than the {_mb(max_bytes)} limit")
                chunks.append(chunk)
            body = b"".join(chunks)
            if response.headers.get("content-encoding", "").lower() not in ("", "identity"):
                from retina.raw.decode import decompress_http

                body = decompress_http(body, response.headers["content-encoding"], max_bytes)
            return body, str(response.url)
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: {type(error).__name__}: {error}") from None


def _read_stream(stream, name: str, max_bytes: int) -> bytes:  # type: ignore[no-untyped-def]
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is larger than the {_mb(max_bytes)} limit")
    return data


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
