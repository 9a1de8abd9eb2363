"""The JSON API: `/api/articles` and `/api/articles/{id}`."""

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
    published: datetime | None
    ingested_at: datetime


class ArticleList(BaseModel):
    """One page of articles, newest first, and how many there are in all."""

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


@router.get("/articles")
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticleList:
    """Stored articles, newest first (by publication date, then ingestion)."""
    items = [ArticleSummary.model_validate(s.summary()) for s in store.list(limit, offset)]
    return ArticleList(total=store.count(), limit=limit, offset=offset, items=items)


@router.get("/articles/{article_id}", responses={404: {"description": "No such article"}})
def get_article(article_id: int, store: StoreDep) -> ArticleRecord:
    """One article with its bookkeeping fields."""
    stored = store.get(article_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    return ArticleRecord.model_validate(stored.to_dict())
