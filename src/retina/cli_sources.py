"""`retina source add|list|show|remove` and `retina poll`: following feeds and sitemaps."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from retina.cli_options import DEFAULT_HOME, HomeOption, fail, progress_bar
from retina.errors import RetinaError

if TYPE_CHECKING:
    from retina.ingest.discover import Discovered
    from retina.ingest.fetch import Fetcher
    from retina.sample import SampleServer

source_app = typer.Typer(help="Follow feeds and sitemaps.", no_args_is_help=True)

AllowOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-host",
        help="A host, address or network that may be fetched although it is not public "
        "(repeatable; also RETINA_ALLOW_HOSTS).",
    ),
]
DelayOption = Annotated[
    float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
]


PerHostOption = Annotated[
    int, typer.Option(min=1, max=16, help="Requests at the same time to one host.")
]


def _fetcher(allow: list[str] | None, min_delay: float = 1.0, per_host: int = 1) -> Fetcher:
    from retina.ingest.fetch import Fetcher, FetchSettings
    from retina.ingest.guard import AddressGuard

    guard = AddressGuard.from_environment(allow or [])
    return Fetcher(FetchSettings(min_delay=min_delay, per_host=per_host), guard=guard)


@source_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="A feed, a sitemap, or a page that links its feed.")],
    section: Annotated[str | None, typer.Option(help="Folder to file the source under.")] = None,
    interval: Annotated[
        int | None, typer.Option(min=60, help="Fixed seconds between polls [default: learned].")
    ] = None,
    allow_host: AllowOption = None,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Follow URL: what it is is found out (RSS, RDF, Atom, JSON Feed, sitemap, page)."""
    from retina.ingest.discover import discover, follow
    from retina.store import Store

    async def run():  # type: ignore[no-untyped-def]
        async with _fetcher(allow_host) as fetcher:
            return await discover(fetcher, url)

    try:
        found = asyncio.run(run())
        with Store.open(home) as store:
            added, known = follow(store, found, section=section, interval=interval)
    except RetinaError as error:
        raise fail(str(error)) from None
    items = {url: len(parsed.items) for url, parsed in found.followed}
    for source in added:
        typer.echo(
            f"{source.id}\t{source.kind}\t{source.url}\t{source.title or ''}"
            f"\t({items[source.url]} items now)"
        )
    if known and len(known) == len(found.followed):
        raise fail(known[0] if len(known) == 1 else f"all {len(known)} are already sources")
    for message in known:
        typer.echo(message, err=True)


@source_app.command("list")
def list_sources(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """The followed sources: id, kind, status, next poll, URL."""
    from retina.store import Store
    from retina.store.sources import list_sources as listed

    try:
        with Store.open(home) as store:
            sources = listed(store)
    except RetinaError as error:
        raise fail(str(error)) from None
    if as_json:
        typer.echo(json.dumps([s.to_dict() for s in sources], indent=2))
        return
    for s in sources:
        status = (
            f"disabled ({s.disabled_reason})" if s.disabled_reason else (s.last_status or "new")
        )
        next_poll = s.next_poll_at.strftime("%Y-%m-%d %H:%M") if s.next_poll_at else "-"
        typer.echo(f"{s.id}\t{s.kind}\t{status}\t{next_poll}\t{s.url}")


@source_app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="The source's id or URL.")],
    items: Annotated[int, typer.Option(min=0, help="Also list this many of its latest items.")] = 0,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """One source: last poll, status, items (by where their text came from), errors, next
    poll; with --items, its latest items and the article each became."""
    from retina.store import Store
    from retina.store.sources import count_items, find_source, recent_items

    try:
        with Store.open(home) as store:
            source = find_source(store, ref)
            if source is None:
                raise fail(f"no source {ref}")
            data = source.to_dict() | {"items": count_items(store, source.id)}
            if items:
                data["latest_items"] = recent_items(store, source.id, limit=items)
    except RetinaError as error:
        raise fail(str(error)) from None
    typer.echo(json.dumps(data, indent=2))


@source_app.command("enable")
def enable(
    ref: Annotated[str, typer.Argument(help="The source's id or URL.")],
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Poll a disabled source again (at once, its failure count reset)."""
    from retina.store import Store
    from retina.store.sources import enable_source, find_source

    try:
        with Store.open(home) as store:
            source = find_source(store, ref)
            if source is None:
                raise fail(f"no source {ref}")
            enable_source(store, source.id)
    except RetinaError as error:
        raise fail(str(error)) from None
    typer.echo(f"enabled {source.url}")


@source_app.command("remove")
def remove(
    ref: Annotated[str, typer.Argument(help="The source's id or URL.")],
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Stop following a source; the articles it brought stay."""
    from retina.store import Store
    from retina.store.sources import find_source, remove_source

    try:
        with Store.open(home) as store:
            source = find_source(store, ref)
            if source is None or not remove_source(store, source.id):
                raise fail(f"no source {ref}")
    except RetinaError as error:
        raise fail(str(error)) from None
    typer.echo(f"removed {source.url}")


def poll(
    allow_host: AllowOption = None,
    min_delay: DelayOption = 1.0,
    per_host: PerHostOption = 1,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Poll the sources that are due once: new items are fetched, cleaned and stored."""

    from retina.ingest.poll import SourceOutcome, poll_sources
    from retina.store import Store
    from retina.store.sources import due_sources

    progress = progress_bar()
    task = progress.add_task("polling", total=None)

    def advance(outcome: SourceOutcome, done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with Store.open(home) as store:
            due = due_sources(store)

            async def run():  # type: ignore[no-untyped-def]
                async with _fetcher(allow_host, min_delay, per_host) as fetcher:
                    return await poll_sources(store, fetcher, due, on_progress=advance)

            with progress:
                report = asyncio.run(run())
    except RetinaError as error:
        raise fail(str(error)) from None
    typer.echo(report.summary())
    deferred = sum(o.deferred for o in report.outcomes)
    if deferred:
        typer.echo(f"{deferred} new items left for a later poll: their host asked to wait")
    for outcome in report.outcomes:
        if outcome.error:
            typer.echo(f"{outcome.source.url}: {outcome.error}", err=True)
        for url, reason in outcome.item_failures:
            typer.echo(f"{url}: {reason}", err=True)


opml_app = typer.Typer(help="Import and export subscription lists (OPML).", no_args_is_help=True)


@opml_app.command("import")
def opml_import(
    file: Annotated[Path, typer.Argument(help="An OPML file, or - for stdin.")],
    section: Annotated[
        str | None, typer.Option(help="Folder for the feeds that are in none.")
    ] = None,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Follow every feed of an OPML file (folders become sections); polled by `retina poll`."""
    from retina.ingest.opml import import_entries, read_opml
    from retina.store import Store

    try:
        body = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as error:
        raise fail(f"{file}: {error.strerror or error}") from None
    try:
        entries = read_opml(body, name=str(file))
        with Store.open(home) as store:
            report = import_entries(store, entries, section=section)
    except RetinaError as error:
        raise fail(str(error)) from None
    typer.echo(
        f"{len(report.added)} sources added, {len(report.known)} already followed, "
        f"{len(report.failed)} refused"
    )
    for url, reason in report.failed:
        typer.echo(f"{url}: {reason}", err=True)
    if report.failed:
        raise typer.Exit(1)


@opml_app.command("export")
def opml_export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file [default: stdout].")
    ] = None,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Print the followed sources as OPML 2.0, in folders by section."""
    from retina.ingest.opml import write_opml
    from retina.store import Store
    from retina.store.sources import list_sources as listed

    try:
        with Store.open(home) as store:
            document = write_opml(listed(store))
    except RetinaError as error:
        raise fail(str(error)) from None
    if output is None:
        sys.stdout.write(document)
        return
    try:
        output.write_text(document, encoding="utf-8")
    except OSError as error:
        raise fail(f"{output}: {error.strerror or error}") from None


def follow_sample_web(server: SampleServer, folder: Path, home: Path) -> None:
    """For `retina demo`: follow each sample outlet's feed, found from its front page over
    HTTP, then poll once with a progress bar. Sources already followed are kept."""
    from retina.ingest.discover import discover, follow
    from retina.store import Store
    from retina.store.sources import list_sources

    outlets = json.loads((folder / "outlets.json").read_text(encoding="utf-8"))

    async def find() -> list[Discovered]:
        async with _fetcher(["127.0.0.1"], min_delay=0.0) as fetcher:
            return [
                await discover(fetcher, server.map_url(outlet["front_page"])) for outlet in outlets
            ]

    try:
        with Store.open(home) as store:
            if not list_sources(store):
                for found in asyncio.run(find()):
                    follow(store, found)
    except RetinaError as error:
        raise fail(str(error)) from None
    poll(allow_host=["127.0.0.1"], min_delay=0.0, home=home)
