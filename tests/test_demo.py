"""`retina demo`: generate the sample web, ingest it, serve it; a second run reuses the data."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_demo(home: Path) -> tuple[int, str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "retina.cli", "demo", "--home", str(home), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?limit=1") as r:
                    return json.load(r)["total"], ""
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.5)
        raise AssertionError(f"demo did not serve: {process.communicate(timeout=5)[0]}")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_demo_generates_ingests_and_serves(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    total, _ = _run_demo(home)
    assert total >= 150
    assert (home / "sample-web" / "truth.jsonl").exists()
    again, _ = _run_demo(home)
    assert again == total
