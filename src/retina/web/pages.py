"""The HTML pages: the article list and one page per article."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from retina.web.dependencies import StoreDep

PAGE_SIZE = 25

TEMPLATES_DIR = Path(__file__).with_name("templates")


def format_date(value: datetime) -> str:
    """`12 March 2024`."""
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: datetime) -> str:
    """`12 March 2024, 14:05 UTC+01:00`; just the date when no time of day is known."""
    text = format_date(value)
    if (value.hour, value.minute, value.second) != (0, 0, 0):
        text += f", {value:%H:%M}"
        if value.tzinfo is not None:
            text += f" {value:%Z}"
    return text


def http_url(value: str | None) -> str | None:
    """`value` if it is an http(s) URL, else None: never link to `javascript:` and the like."""
    if value and value.lower().startswith(("http://", "https://")):
        return value
    return None


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.filters.update(date=format_date, datetime=format_datetime, http_url=http_url)

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@router.get("/", name="index")
def index(request: Request, store: StoreDep, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    """The stored articles, newest first, `PAGE_SIZE` per page."""
    total = store.count()
    items = store.list(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return templates.TemplateResponse(
        request, "index.html", {"items": items, "page": page, "pages": pages, "total": total}
    )


@router.get("/articles/{article_id}", name="article")
def article_page(request: Request, article_id: int, store: StoreDep) -> HTMLResponse:
    """One article: metadata, clean text with its structure, and what was removed."""
    stored = store.get(article_id)
    if stored is None:
        return not_found(request, f"There is no article with id {article_id}.")
    removed = sorted(stored.article.removed, key=lambda r: r.position)
    return templates.TemplateResponse(
        request, "article.html", {"stored": stored, "article": stored.article, "removed": removed}
    )


def not_found(request: Request, message: str) -> HTMLResponse:
    """The 404 page."""
    return error_page(request, 404, "Not found", message)


def error_page(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    """A page for an error status, with a one-line explanation."""
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "message": message}, status_code=status_code
    )
