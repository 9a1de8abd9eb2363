"""Request dependencies shared by the page and API routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from retina.store import Store


def get_store(request: Request) -> Store:
    """The store the app was created with."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
