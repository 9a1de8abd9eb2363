"""The JSON API: articles (filtered by section and outlet), one article, sections, outlets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from retina.web.dependencies import StoreDep

MAX_PAGE_SIZE = 200

router = APIRouter(prefix="/api", tags=["articles"])


class ArticleSummary(BaseModel):
    """The fields a listing shows (see `StoredArticle.summary`)."""

    id: int
    key: str = Field(description="The input's identity: article URL, or file:// URI.")
    url: str | None
    title: str | None
    site_name: str | None
    origin: str | None = Field(description="The publication credited, for a republished copy.")
    section: str | None
    published: datetime | None
    ingested_at: datetime


class ArticleList(BaseModel):
    """One page of articles, newest first, and how many there are in all (with the filters)."""

    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class ArticleRecord(BaseModel):
    """A stored article (see `StoredArticle.to_dict`)."""

    id: int
    key: str
    ingested_at: datetime
    changed_at: datetime
    article: dict[str, Any] = Field(
        description="The full Article JSON form (Article.to_dict, docs/schema.json)."
    )


class Group(BaseModel):
    """A section or an outlet, with its number of articles."""

    name: str
    count: int = Field(description="How many stored articles it has.")
    latest: datetime | None = Field(description="Its newest publication date (null if undated).")


class GroupList(BaseModel):
    """Sections or outlets."""

    items: list[Group]


@router.get("/articles")
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    section: Annotated[
        str | None,
        Query(description="Only this section, in any case; empty for the articles without one."),
    ] = None,
    site: Annotated[
        str | None, Query(description="Only articles served by the outlet of exactly this name.")
    ] = None,
) -> ArticleList:
    """Stored articles, newest first (by publication date, then ingestion)."""
    stored = store.list(limit, offset, section=section, site=site)
    return ArticleList(
        total=store.count(section=section, site=site),
        limit=limit,
        offset=offset,
        items=[ArticleSummary.model_validate(s.summary()) for s in stored],
    )


@router.get("/articles/{article_id}", responses={404: {"description": "No such article"}})
def get_article(article_id: int, store: StoreDep) -> ArticleRecord:
    """One article with its bookkeeping fields."""
    stored = store.get(article_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    return ArticleRecord.model_validate(stored.to_dict())


@router.get("/sections")
def list_sections(store: StoreDep) -> GroupList:
    """Sections, the one with the newest article first.

    Spellings differing only in case or spacing are one section. Articles without a
    section are not listed: `/api/articles?section=` gives them.
    """
    return GroupList(items=[Group.model_validate(g._asdict()) for g in store.sections()])


@router.get("/sites")
def list_sites(store: StoreDep) -> GroupList:
    """Outlets (the sites that served the articles), by name."""
    return GroupList(items=[Group.model_validate(g._asdict()) for g in store.sites()])
