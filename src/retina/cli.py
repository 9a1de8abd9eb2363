"""The `retina` command line. Thin: every command calls a stage's plain functions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from retina.cli_duplicates import duplicates
from retina.cli_options import DEFAULT_HOME, HomeOption, fail, progress_bar
from retina.cli_sources import (
    AllowOption,
    DelayOption,
    PerHostOption,
    opml_app,
    poll,
    source_app,
)
from retina.errors import RetinaError

app = typer.Typer(
    help="Retina: clean, deduplicate, group, store and serve news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def retina() -> None:
    """Retina: clean, deduplicate, group, store and serve news."""


DEMO_SEED = 1
DEMO_ARTICLES = 200


class OutputFormat(StrEnum):
    JSON = "json"
    TEXT = "text"
    MARKDOWN = "markdown"


@app.command()
def clean(
    source: Annotated[str, typer.Argument(help="A file path, an http(s) URL, or - for stdin.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.JSON,
    url: Annotated[
        str | None, typer.Option(help="The page's URL, when SOURCE is a file or stdin.")
    ] = None,
) -> None:
    """Turn one page (HTML or a plain-text dump, optionally gzipped) into a clean article."""
    from retina.clean import clean as clean_data
    from retina.formats import to_markdown, to_text
    from retina.ingest.read import read_source

    try:
        data, page_url = read_source(source)
        article = clean_data(data, url=url or page_url)
    except RetinaError as error:
        raise fail(str(error)) from None
    if output_format is OutputFormat.JSON:
        out = json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif output_format is OutputFormat.TEXT:
        out = to_text(article)
    else:
        out = to_markdown(article)
    sys.stdout.write(out)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files, and folders to search for .html/.htm/.txt(.gz).")
    ],
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Clean and store article files; a file that fails is reported and the rest go on."""
    _ingest_with_progress(paths, home)


def _ingest_with_progress(paths: list[Path], home: Path) -> None:
    """Ingest with a progress bar, print the summary and exit 1 if any file failed (a
    skipped listing page is no failure)."""
    from rich.markup import escape

    from retina.pipeline import ingest_paths
    from retina.store import Store

    progress = progress_bar()
    task = progress.add_task("ingesting", total=None)

    def advance(path: Path, done: int, total: int) -> None:
        progress.update(task, completed=done, total=total, description=escape(path.name))

    try:
        with Store.open(home) as store, progress:
            report = ingest_paths(paths, store, on_progress=advance)
    except RetinaError as error:
        raise fail(str(error)) from None
    skipped = f"{len(report.skipped)} skipped (not articles), " if report.skipped else ""
    typer.echo(
        f"{report.total} file{'' if report.total == 1 else 's'}: {report.new} new, "
        f"{report.updated} updated, {report.unchanged} unchanged, {skipped}"
        f"{report.failed} failed"
    )
    for skip in report.skipped:
        typer.echo(f"{skip.path}: skipped: {skip.message}", err=True)
    for failure in report.failures:
        typer.echo(f"{failure.path}: {failure.message}", err=True)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def demo(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to serve on.")] = 8000,
    sample_port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port of the sample web (set when generated).")
    ] = 8765,
    fresh: Annotated[bool, typer.Option(help="Delete the demo data and start again.")] = False,
    home: Annotated[
        Path, typer.Option(envvar="RETINA_DEMO_HOME", help="Where the demo keeps its data.")
    ] = Path("retina-data/demo"),
) -> None:
    """Generate the sample news web and serve it on 127.0.0.1, follow its outlets' feeds,
    poll them into clean articles, and serve the reader while polling goes on.

    A second run reuses the data; --fresh starts again.
    """
    import shutil
    from urllib.parse import urlsplit

    from retina.cli_sources import follow_sample_web
    from retina.sample import generate
    from retina.sample import serve as serve_sample

    if fresh and home.exists():
        shutil.rmtree(home)
    sample_dir = home / "sample-web"
    try:
        if not (sample_dir / "truth.jsonl").exists():
            summary = generate(
                sample_dir,
                seed=DEMO_SEED,
                outlets=8,
                articles=DEMO_ARTICLES,
                base_url=f"http://127.0.0.1:{sample_port}",
            )
            typer.echo(
                f"sample web: {summary.articles} articles, {summary.stories} stories, "
                f"{summary.outlets} outlets in {summary.folder}"
            )
        manifest = json.loads((sample_dir / "manifest.json").read_text(encoding="utf-8"))
        # Served where its URLs point, so stored articles keep their URLs across runs.
        sample_server = serve_sample(sample_dir, urlsplit(manifest["base_url"]).port or 80)
        sample_server.start()
    except (RetinaError, OSError, ValueError, KeyError) as error:
        raise fail(f"the sample web: {error}") from None
    try:
        typer.echo(f"sample web: {sample_server.url}/")
        follow_sample_web(sample_server, sample_dir, home)
        typer.echo(f"Retina demo: http://127.0.0.1:{port}")
        serve(host="127.0.0.1", port=port, home=home, allow_host=["127.0.0.1"], min_delay=0.0)
    finally:
        sample_server.stop()


@app.command("list")
def list_articles(
    limit: Annotated[int, typer.Option(min=1, help="How many articles to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="How many newest articles to skip.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """List stored articles, newest first."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from retina.store import Store

    try:
        with Store.open(home) as store:
            total = store.count()
            items = store.list(limit=limit, offset=offset)
    except RetinaError as error:
        raise fail(str(error)) from None
    if as_json:
        listing = {
            "total": total,
            "limit": limit,
            "offset": offset,
            "items": [item.summary() for item in items],
        }
        sys.stdout.write(json.dumps(listing, ensure_ascii=False, indent=2) + "\n")
        return
    if not items:
        typer.echo(f"no articles (of {total}) at offset {offset}" if total else "no articles yet")
        return
    table = Table("id", "published", "site", "title", box=None, pad_edge=False, header_style="bold")
    for item in items:
        article = item.article
        table.add_row(
            str(item.id),
            article.published.date().isoformat() if article.published else "",
            # Text, not str: rich would read brackets in titles as markup.
            Text(article.site_name or ""),
            Text(article.title or ""),
        )
    Console().print(table)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="The article id (see list).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.JSON,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Print one stored article (JSON: with its id, key and ingestion times)."""
    from retina.formats import to_markdown, to_text
    from retina.store import Store

    try:
        with Store.open(home) as store:
            stored = store.get(article_id)
    except RetinaError as error:
        raise fail(str(error)) from None
    if stored is None:
        raise fail(f"no article with id {article_id}")
    if output_format is OutputFormat.JSON:
        out = json.dumps(stored.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif output_format is OutputFormat.TEXT:
        out = to_text(stored.article)
    else:
        out = to_markdown(stored.article)
    sys.stdout.write(out)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    poll_sources: Annotated[
        bool, typer.Option("--poll/--no-poll", help="Poll the sources in the background.")
    ] = True,
    allow_host: AllowOption = None,
    min_delay: DelayOption = 1.0,
    per_host: PerHostOption = 1,
    home: HomeOption = DEFAULT_HOME,
) -> None:
    """Serve the articles as a website and JSON API (docs at /docs), polling the sources
    in the background (the state is in the store: a restart resumes)."""
    import logging

    import uvicorn

    from retina.ingest.fetch import FetchSettings
    from retina.ingest.poller import PollerSettings
    from retina.web import create_app

    fetch = FetchSettings(min_delay=min_delay, per_host=per_host)
    settings = PollerSettings(fetch, allow=tuple(allow_host or ()))
    try:
        web_app = create_app(home, poller=settings, poll=poll_sources)
    except RetinaError as error:
        raise fail(str(error)) from None
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    uvicorn.run(web_app, host=host, port=port)


@app.command("sample-web")
def sample_web(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write the sample web to.")],
    seed: Annotated[int, typer.Option(help="Random seed: same arguments, same files.")] = 1,
    outlets: Annotated[int, typer.Option(min=1, help="Number of news outlets.")] = 8,
    articles: Annotated[int, typer.Option(min=1, help="Number of article pages.")] = 400,
    hostile: Annotated[bool, typer.Option(help="Also write the hostile pages.")] = False,
    per_outlet_hosts: Annotated[
        bool, typer.Option(help="Give each outlet its own address: 127.0.0.2, 127.0.0.3...")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Processes to generate with [default: by size]")
    ] = None,
    serve_web: Annotated[bool, typer.Option("--serve", help="Then serve it over HTTP.")] = False,
    port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port in the pages' URLs and for --serve.")
    ] = 8765,
    flaky: Annotated[
        bool, typer.Option(help="With --serve: each outlet's own latency and error rates.")
    ] = False,
) -> None:
    """Generate the sample news web (invented outlets, pages, feeds, ground truth)."""
    from retina.sample import generate, serve

    try:
        summary = generate(
            out_dir,
            seed=seed,
            outlets=outlets,
            articles=articles,
            hostile=hostile,
            base_url=f"http://127.0.0.1:{port}",
            per_outlet_hosts=per_outlet_hosts,
            workers=workers,
        )
    except (RetinaError, OSError) as error:
        raise fail(str(error)) from None
    hostile_note = f", {summary.hostile_pages} hostile pages" if hostile else ""
    typer.echo(
        f"{summary.folder}: {summary.articles} pages, {summary.stories} stories, "
        f"{summary.outlets} outlets, {summary.feeds} feeds{hostile_note} "
        f"in {summary.seconds:.1f} s ({summary.articles / summary.seconds:,.0f} pages/s, "
        f"{summary.workers} worker{'s' if summary.workers > 1 else ''})"
    )
    if serve_web:
        server = serve(out_dir, port, flaky=flaky)
        try:
            server.start()
        except RetinaError as error:
            raise fail(str(error)) from None
        typer.echo(f"serving {server.url}/ (Ctrl-C to stop)")
        server.block_until_interrupted()


app.add_typer(source_app, name="source")
app.add_typer(opml_app, name="opml")
app.command()(poll)
app.command()(duplicates)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
