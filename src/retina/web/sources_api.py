"""The sources API: follow, list, show and stop following sources; OPML import and export."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from retina.errors import InputError, RetinaError
from retina.web.dependencies import RowId, StoreDep

router = APIRouter(prefix="/api", tags=["sources"])


class NewSource(BaseModel):
    url: str = Field(description="A feed, a sitemap, or a page that links its feed.")
    section: str | None = Field(default=None, description="Folder to file the source under.")
    interval: int | None = Field(
        default=None, ge=60, description="Fixed seconds between polls (default: learned)."
    )


class ImportResult(BaseModel):
    added: list[dict[str, Any]]
    known: list[str] = Field(description="URLs that were already sources.")
    failed: list[dict[str, str]] = Field(description="{url, reason} of refused entries.")


@router.get("/sources")
def list_sources(store: StoreDep) -> list[dict[str, Any]]:
    """Every followed source with its polling state."""
    from retina.store.sources import list_sources as listed

    return [source.to_dict() for source in listed(store)]


@router.get("/sources/{source_id}")
def show_source(source_id: RowId, store: StoreDep) -> dict[str, Any]:
    """One source: last poll, status, errors, next poll, and its items by where their text
    came from (page, feed, failed)."""
    from retina.store.sources import count_items, get_source

    source = get_source(store, source_id)
    if source is None:
        raise HTTPException(404, f"no source {source_id}")
    return source.to_dict() | {"items": count_items(store, source.id)}


@router.get("/sources/{source_id}/items")
def source_items(
    source_id: RowId, store: StoreDep, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[dict[str, Any]]:
    """A source's latest items: the article each became, and whether its text came from
    the linked page or the feed itself, or why it failed."""
    from retina.store.sources import get_source, recent_items

    if get_source(store, source_id) is None:
        raise HTTPException(404, f"no source {source_id}")
    return recent_items(store, source_id, limit=limit)


@router.post("/sources", status_code=201)
async def add_source(new: NewSource, request: Request, store: StoreDep) -> list[dict[str, Any]]:
    """Find out what the URL is and follow it (a sitemap index: each of its sitemaps not
    followed yet; 409 when all are). The server's allow-list (RETINA_ALLOW_HOSTS) applies."""
    from retina.ingest.discover import discover, follow
    from retina.ingest.fetch import Fetcher

    settings = request.app.state.poller
    try:
        async with Fetcher(settings.fetch, guard=request.app.state.guard) as fetcher:
            found = await discover(fetcher, new.url)
    except RetinaError as error:
        raise HTTPException(422, str(error)) from None
    followed, known = follow(store, found, section=new.section, interval=new.interval)
    if not followed:
        raise HTTPException(409, known[0])
    return [source.to_dict() for source in followed]


@router.post("/sources/{source_id}/enable")
def enable_source(source_id: RowId, store: StoreDep) -> dict[str, Any]:
    """Poll a disabled source again, at once, its failure count reset."""
    from retina.store.sources import enable_source as enabled
    from retina.store.sources import get_source

    if get_source(store, source_id) is None:
        raise HTTPException(404, f"no source {source_id}")
    enabled(store, source_id)
    source = get_source(store, source_id)
    assert source is not None
    return source.to_dict()


@router.delete("/sources/{source_id}", status_code=204)
def remove_source(source_id: RowId, store: StoreDep) -> Response:
    """Stop following a source; the articles it brought stay."""
    from retina.store.sources import remove_source as removed

    if not removed(store, source_id):
        raise HTTPException(404, f"no source {source_id}")
    return Response(status_code=204)


@router.get("/opml", response_class=Response)
def export_opml(store: StoreDep) -> Response:
    """The followed sources as OPML 2.0, in folders by section."""
    from retina.ingest.opml import write_opml
    from retina.store.sources import list_sources as listed

    return Response(write_opml(listed(store)), media_type="text/x-opml; charset=utf-8")


_OPML_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/x-opml": {"schema": {"type": "string"}}},
        "description": "An OPML document.",
    }
}


@router.post("/opml", openapi_extra=_OPML_BODY)
async def import_opml(
    request: Request, store: StoreDep, section: str | None = None
) -> ImportResult:
    """Follow every feed of an OPML document (the request body); its folders become
    sections, `section` is the folder of feeds in none. Feeds are checked at their first
    poll."""
    from retina.ingest.opml import import_entries, read_opml

    body = await request.body()
    try:
        report = import_entries(store, read_opml(body, name="the request body"), section=section)
    except InputError as error:
        raise HTTPException(422, str(error)) from None
    return ImportResult(
        added=[source.to_dict() for source in report.added],
        known=report.known,
        failed=[{"url": url, "reason": reason} for url, reason in report.failed],
    )
