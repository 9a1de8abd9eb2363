"""The poller that runs inside `retina serve`: poll what is due, sleep until the next is.

All its state is the sources' rows in the store (next poll time, validators, failures),
so stopping the server at any moment and starting it again resumes where it was: the
sources that were due are due still, and items already recorded are not fetched again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from retina.errors import RetinaError
from retina.ingest.fetch import Fetcher, FetchSettings
from retina.ingest.guard import AddressGuard
from retina.ingest.poll import PollReport, poll_sources
from retina.store import Store
from retina.store.sources import due_sources, next_due_at

log = logging.getLogger("retina.poller")


@dataclass(frozen=True, slots=True)
class PollerSettings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    allow: tuple[str, ...] = ()
    """Hosts, addresses or networks the guard lets through (with RETINA_ALLOW_HOSTS)."""
    idle: float = 60.0
    """Longest sleep between two looks at the store: sources added meanwhile (by the API,
    the CLI or another process) are picked up within this time."""


async def run_poller(
    store: Store,
    settings: PollerSettings,
    stop: asyncio.Event,
    *,
    on_round: Callable[[PollReport], None] | None = None,
) -> None:
    """Poll due sources round after round until `stop` is set."""
    guard = AddressGuard.from_environment(settings.allow)
    while not stop.is_set():
        try:
            due = await asyncio.to_thread(due_sources, store)
            if due:
                # A fetcher per round: robots.txt is read afresh, host state is not kept
                # across rounds that are minutes apart.
                async with Fetcher(settings.fetch, guard=guard) as fetcher:
                    report = await poll_sources(store, fetcher, due)
                log.info("%s", report.summary())
                if on_round is not None:
                    on_round(report)
            wait = await asyncio.to_thread(_seconds_to_next, store, settings.idle)
        except RetinaError as error:
            log.error("polling: %s", error)
            wait = settings.idle
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)


def _seconds_to_next(store: Store, idle: float) -> float:
    when = next_due_at(store)
    if when is None:
        return idle
    return min(idle, max(1.0, (when - datetime.now(UTC)).total_seconds()))
