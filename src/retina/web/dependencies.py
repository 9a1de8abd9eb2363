"""Request dependencies shared by the page and API routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from retina.store import MAX_SQL_INTEGER, Store


def get_store(request: Request) -> Store:
    """The store the app was created with."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]

MAX_OFFSET = 10**12
"""Rows a listing may skip: far beyond any store, and within SQLite's 64-bit integers (a
larger number in a URL made the query fail with an overflow, answered 500)."""
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
RowId = Annotated[int, Path(ge=1, le=MAX_SQL_INTEGER, description="The row's id.")]
