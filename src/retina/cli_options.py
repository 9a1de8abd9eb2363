"""Options and helpers shared by the command-line modules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.progress import Progress

DEFAULT_HOME = Path("retina-data")

HomeOption = Annotated[
    Path,
    typer.Option(
        "--home", envvar="RETINA_HOME", help="Data directory; the database is retina.db in it."
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def progress_bar() -> Progress:
    """The bar long commands show on stderr (gone when done): description, bar, done/total."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
