"""The HTML pages: front page by section, article lists, outlets, and one page per article."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import URL

from retina.store import StoredArticle
from retina.store.link_queries import Member
from retina.web.dependencies import MAX_OFFSET, StoreDep
from retina.web.templating import section_label, section_url, site_url, templates

PAGE_SIZE = 25
"""Articles per page of a list."""

FRONT_PAGE_PER_SECTION = 5
"""Newest articles shown under each section on the front page."""

PageNumber = Annotated[int, Query(ge=1, le=MAX_OFFSET // PAGE_SIZE)]

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@dataclass(frozen=True, slots=True)
class Pagination:
    """Page `page` of a list of `total` articles, `PAGE_SIZE` per page."""

    page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / PAGE_SIZE))

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE


@dataclass(frozen=True, slots=True)
class FrontSection:
    """A section on the front page; `name` None for the articles without a section."""

    name: str | None
    count: int
    items: list[StoredArticle]


@router.get("/", name="front")
def front_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The newest articles of each section, the section with the newest article first.

    Articles without a section come last, under "Other".
    """
    sections = [
        FrontSection(
            group.name,
            store.count(section=group.name, grouped=True),
            store.list(FRONT_PAGE_PER_SECTION, section=group.name, grouped=True),
        )
        for group in store.sections()
    ]
    unsectioned = store.count(section="", grouped=True)
    if unsectioned:
        sections.append(
            FrontSection(
                None, unsectioned, store.list(FRONT_PAGE_PER_SECTION, section="", grouped=True)
            )
        )
    context = {
        "sections": sections,
        "total": sum(s.count for s in sections),
        "nav": "front",
        "copies": store.copies([item.id for s in sections for item in s.items]),
    }
    return templates.TemplateResponse(request, "front.html", context)


@router.get("/articles", name="articles")
def all_articles(request: Request, store: StoreDep, page: PageNumber = 1) -> HTMLResponse:
    """Every stored article, newest first; copies of one article listed once."""
    pagination = Pagination(page, store.count(grouped=True))
    items = store.list(PAGE_SIZE, pagination.offset, grouped=True)
    return _list_page(
        request,
        request.url_for("articles"),
        "All articles",
        pagination,
        items,
        nav="articles",
        copies=store.copies([item.id for item in items]),
    )


@router.get("/sections/{name:path}", name="section")
def section_page(request: Request, name: str, store: StoreDep, page: PageNumber = 1) -> Response:
    """The articles of one section (any case), newest first; copies listed once."""
    if not name.strip():
        return RedirectResponse(request.url_for("front"))
    group = store.section(name)
    if group is None:
        return not_found(request, f"There is no section named “{name}”.")
    pagination = Pagination(page, store.count(section=name, grouped=True))
    items = store.list(PAGE_SIZE, pagination.offset, section=name, grouped=True)
    url = section_url(request, group.name)
    return _list_page(
        request,
        url,
        section_label(group.name),
        pagination,
        items,
        kind="Section",
        show_section=False,
        copies=store.copies([item.id for item in items]),
    )


@router.get("/unsectioned", name="unsectioned")
def unsectioned_page(request: Request, store: StoreDep, page: PageNumber = 1) -> HTMLResponse:
    """The articles without a section ("Other" on the front page), newest first."""
    pagination = Pagination(page, store.count(section="", grouped=True))
    items = store.list(PAGE_SIZE, pagination.offset, section="", grouped=True)
    url = request.url_for("unsectioned")
    copies = store.copies([item.id for item in items])
    return _list_page(
        request, url, "Other", pagination, items, kind="Without a section", copies=copies
    )


@router.get("/sites", name="sites")
def sites_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Every outlet, by name, with its article count."""
    return templates.TemplateResponse(
        request, "sites.html", {"sites": store.sites(), "nav": "sites"}
    )


@router.get("/sites/{name:path}", name="site")
def site_page(request: Request, name: str, store: StoreDep, page: PageNumber = 1) -> Response:
    """The articles one outlet served, newest first."""
    if not name:
        return RedirectResponse(request.url_for("sites"))
    group = store.site(name)
    if group is None:
        return not_found(request, f"There is no outlet named “{name}”.")
    pagination = Pagination(page, group.count)
    items = store.list(PAGE_SIZE, pagination.offset, site=name)
    url = site_url(request, group.name)
    return _list_page(
        request, url, group.name, pagination, items, kind="Outlet", show_site=False, nav="sites"
    )


@router.get("/articles/{article_id}", name="article")
def article_page(request: Request, article_id: int, store: StoreDep) -> HTMLResponse:
    """One article: metadata, origin and copies, clean text with its structure, and what
    was removed."""
    stored = store.get(article_id)
    if stored is None:
        return not_found(request, f"There is no article with id {article_id}.")
    removed = sorted(stored.article.removed, key=lambda r: r.position)
    members = store.duplicates(article_id)
    link = next((m for m in members if m.id == article_id), None)
    context = {
        "stored": stored,
        "article": stored.article,
        "removed": removed,
        "link": link,
        "copies": [m for m in members if m.id != article_id],
    }
    return templates.TemplateResponse(request, "article.html", context)


def not_found(request: Request, message: str) -> HTMLResponse:
    """The 404 page."""
    return error_page(request, 404, "Not found", message)


def error_page(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    """A page for an error status, with a one-line explanation."""
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "message": message}, status_code=status_code
    )


def _list_page(
    request: Request,
    url: URL,
    title: str,
    pagination: Pagination,
    items: list[StoredArticle],
    *,
    kind: str | None = None,
    show_site: bool = True,
    show_section: bool = True,
    nav: str | None = None,
    copies: dict[int, list[Member]] | None = None,
) -> HTMLResponse:
    """A page of the list of articles at `url`, called `title`; `kind` says what it lists.

    `show_site` and `show_section` say whether items name their outlet and section (not
    on the outlet's or section's own page); `nav` is the header link of the current page;
    `copies` gives each listed article's other copies ("also published by").
    """
    context = {
        "url": url,
        "title": title,
        "kind": kind,
        "pagination": pagination,
        "items": items,
        "show_site": show_site,
        "show_section": show_section,
        "nav": nav,
        "copies": copies or {},
    }
    return templates.TemplateResponse(request, "list.html", context)
