"""The JSON API: articles (filtered by section and outlet), one article, sections, outlets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from retina.web.dependencies import Offset, StoreDep

MAX_PAGE_SIZE = 200

router = APIRouter(prefix="/api", tags=["articles"])


class Copy(BaseModel):
    """Another posting of the same article (see `retina.store.link_queries.Member`)."""

    id: int
    key: str
    url: str | None
    title: str | None
    site_name: str | None
    publication: str = Field(
        description="Who published it: the site name, else the name its copies credit, "
        "else its host."
    )
    published: datetime | None
    relation: str = Field(
        description="How it joined the group: origin, exact (same text), near (edited copy) "
        "or address (same URL or canonical URL)."
    )
    similarity: float | None = Field(
        description="Share of the shorter text's shingles found in its match."
    )
    copied_from: int | None = Field(description="The stored article it was copied from.")
    chain: list[str] = Field(description="Publications from this copy back to the origin.")
    origin: str | None = Field(description="The first publication of the chain, for a copy.")
    reason: str = Field(description="The evidence for `copied_from` or the origin.")
    is_lead: bool = Field(description="Whether listings show the group by this article.")


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
    also_published_by: list[Copy] = Field(
        default_factory=list, description="The other copies of this article, origin first."
    )


class Duplicates(BaseModel):
    """An article's group of copies: every member, itself included, the lead first."""

    id: int
    items: list[Copy]


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
    offset: Offset = 0,
    section: Annotated[
        str | None,
        Query(description="Only this section, in any case; empty for the articles without one."),
    ] = None,
    site: Annotated[
        str | None, Query(description="Only articles served by the outlet of exactly this name.")
    ] = None,
    grouped: Annotated[
        bool,
        Query(description="List each article once, however many copies were stored."),
    ] = True,
) -> ArticleList:
    """Stored articles, newest first (by publication date, then ingestion), each with the
    other sites that published it."""
    stored = store.list(limit, offset, section=section, site=site, grouped=grouped)
    copies = store.copies([s.id for s in stored])
    return ArticleList(
        total=store.count(section=section, site=site, grouped=grouped),
        limit=limit,
        offset=offset,
        items=[
            ArticleSummary.model_validate(
                s.summary() | {"also_published_by": [c.to_dict() for c in copies.get(s.id, [])]}
            )
            for s in stored
        ],
    )


@router.get("/articles/{article_id}", responses={404: {"description": "No such article"}})
def get_article(article_id: int, store: StoreDep) -> ArticleRecord:
    """One article with its bookkeeping fields."""
    stored = store.get(article_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    return ArticleRecord.model_validate(stored.to_dict())


@router.get(
    "/articles/{article_id}/duplicates", responses={404: {"description": "No such article"}}
)
def get_duplicates(article_id: int, store: StoreDep) -> Duplicates:
    """The article's copies: origin, chains and evidence (what `retina duplicates` prints)."""
    if store.get(article_id) is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    members = store.duplicates(article_id)
    return Duplicates(id=article_id, items=[Copy.model_validate(m.to_dict()) for m in members])


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
