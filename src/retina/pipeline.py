"""The ingest pipeline: files and folders → read → clean → store, one file at a time."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from retina.clean import clean
from retina.errors import NotAnArticle, RetinaError, StoreError
from retina.ingest.read import read_file
from retina.store import Store

INGESTED_SUFFIXES = (".html", ".htm", ".txt", ".gz")
"""File endings picked up when expanding a folder (`.gz` covers `.html.gz`, `.txt.gz`...)."""

Progress = Callable[[Path, int, int], None]
"""Called after each file with (path, files done, files in total)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be ingested, and why (a one-line message)."""

    path: Path
    message: str


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did, file by file counted by outcome."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Failure] = field(default_factory=list)
    """Pages that are no article (listing pages), with the reason: not failures."""
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.skipped) + self.failed


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """The files to ingest: named files as given, folders searched recursively.

    Folder contents are filtered by `INGESTED_SUFFIXES` and sorted; a file named
    twice (directly or through a folder) is ingested once. Symlinked folders are
    not followed.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = _files_under(path) if path.is_dir() else [path]
        for file in found:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(file)
    return files


def ingest_paths(
    paths: Iterable[Path], store: Store, *, on_progress: Progress | None = None
) -> IngestReport:
    """Read, clean and store every file in `paths` (see `expand_paths`).

    A file that fails is recorded in the report and the run goes on, and so is a page that
    is no article (a listing page), as skipped; a `StoreError`
    stops the run, since the database failing is not a problem of one file. Each
    article is stored in its own transaction, so what was stored before stays stored.
    """
    files = expand_paths(paths)
    report = IngestReport()
    for done, path in enumerate(files, start=1):
        try:
            article = clean(read_file(path), url=None)
            result = store.upsert(article, key=path.resolve().as_uri())
        except StoreError:
            raise
        except NotAnArticle as error:
            report.skipped.append(Failure(path, _without_path(str(error), path)))
        except RetinaError as error:
            report.failures.append(Failure(path, _without_path(str(error), path)))
        except Exception as error:  # a bug in a stage must not abort a batch of thousands
            report.failures.append(Failure(path, f"unexpected {type(error).__name__}: {error}"))
        else:
            match result.status:
                case "new":
                    report.new += 1
                case "updated":
                    report.updated += 1
                case "unchanged":
                    report.unchanged += 1
        if on_progress is not None:
            on_progress(path, done, len(files))
    return report


def _files_under(folder: Path) -> list[Path]:
    found = [
        Path(root, name)
        for root, _dirs, names in os.walk(folder)
        for name in names
        if name.lower().endswith(INGESTED_SUFFIXES)
    ]
    return sorted(found)


def _without_path(message: str, path: Path) -> str:
    """Drop the `path: ` prefix some readers put in messages: the report pairs them already."""
    return message.removeprefix(f"{path}: ")
