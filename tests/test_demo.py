"""`retina demo`: generate and serve the sample web, follow its feeds over HTTP, poll them
into articles, serve the reader; a second run reuses the data."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_demo(home: Path, sample_port: int) -> tuple[int, list[dict[str, Any]]]:
    port = _free_port()
    command = ["demo", "--home", str(home), "--port", str(port), "--sample-port", str(sample_port)]
    process = subprocess.Popen(
        [sys.executable, "-m", "retina.cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?limit=1") as r:
                    total = json.load(r)["total"]
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/sources") as r:
                    return total, json.load(r)
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.5)
        raise AssertionError(f"demo did not serve: {process.communicate(timeout=5)[0]}")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_demo_follows_the_sample_feeds_and_serves(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    sample_port = _free_port()
    total, sources = _run_demo(home, sample_port)
    outlets = json.loads((home / "sample-web" / "outlets.json").read_text())
    assert len(sources) == len(outlets)
    for source in sources:
        assert source["url"].startswith(f"http://127.0.0.1:{sample_port}/")
        assert source["last_status"] == "new items" and source["items_seen"] > 0
    assert sum(s["items_seen"] for s in sources) >= 150  # the feeds list most pages
    assert total > 100
    again, sources_again = _run_demo(home, sample_port)
    assert again == total
    assert [s["id"] for s in sources_again] == [s["id"] for s in sources]
