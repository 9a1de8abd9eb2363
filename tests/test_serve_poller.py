"""`retina serve` polls in the background; its state is in the store, so a restart resumes."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retina.ingest.fetch import FetchSettings
from retina.ingest.poller import PollerSettings
from retina.sample import generate, serve
from retina.store import Store
from retina.store.sources import add_source, list_sources, update_source
from retina.web import create_app

SETTINGS = PollerSettings(FetchSettings(min_delay=0.0), allow=("127.0.0.1",), idle=0.2)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    generate(folder, seed=6, outlets=2, articles=24)
    return folder


def wait_for(check: Any, seconds: float = 60.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_sources_added_through_the_api_are_polled_in_the_background(
    web: Path, tmp_path: Path
) -> None:
    outlet = json.loads((web / "outlets.json").read_text())[0]
    with serve(web) as server:
        with TestClient(create_app(tmp_path, poller=SETTINGS, poll=True)) as client:
            added = client.post("/api/sources", json={"url": server.map_url(outlet["front_page"])})
            assert added.status_code == 201, added.text
            (source,) = added.json()
            assert source["kind"] in ("rss", "atom", "json_feed")

            def polled() -> dict[str, Any] | None:
                state = client.get(f"/api/sources/{source['id']}").json()
                return state if state["last_status"] else None

            state = wait_for(polled)
            assert state["last_status"] == "new items" and state["items_seen"] > 0
            total = client.get("/api/articles").json()["total"]
            assert total > 0
            items = client.get(f"/api/sources/{source['id']}/items?limit=500").json()
            assert len(items) == state["items_seen"]
            assert {item["text_from"] for item in items} == {"page"}
            assert client.get("/api/sources/999/items").status_code == 404

            refused = client.post("/api/sources", json={"url": "http://10.0.0.1/feed.xml"})
            assert refused.status_code == 422 and "private-network" in refused.json()["detail"]
            again = client.post("/api/sources", json={"url": source["url"]})
            assert again.status_code == 409

        # A restart: the source is not due, so nothing is asked; made due, it gets a 304.
        server.clear_log()
        with TestClient(create_app(tmp_path, poller=SETTINGS, poll=True)) as client:
            time.sleep(1.0)
            assert [r for r in server.requests if r.path.endswith((".xml", ".json"))] == []
            with Store.open(tmp_path) as store:
                due = datetime.now(UTC) - timedelta(seconds=1)
                update_source(store, source["id"], next_poll_at=due)
            wait_for(
                lambda: (
                    client.get(f"/api/sources/{source['id']}").json()["last_status"]
                    == "not modified"
                )
            )
            assert client.get("/api/articles").json()["total"] == total
    feeds = [r.status for r in server.requests if r.path == "/" + source["url"].split("/", 3)[3]]
    assert feeds == [304]


def test_serve_without_polling_leaves_sources_alone(web: Path, tmp_path: Path) -> None:
    outlet = json.loads((web / "outlets.json").read_text())[0]
    with serve(web) as server:
        with Store.open(tmp_path) as store:
            add_source(store, server.map_url(outlet["feeds"]["rss"]), kind="rss")
        with TestClient(create_app(tmp_path, poller=SETTINGS, poll=False)):
            time.sleep(0.6)
        assert server.requests == []
        with Store.open(tmp_path) as store:
            assert list_sources(store)[0].last_polled_at is None
