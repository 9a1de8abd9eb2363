"""Retina: a news aggregation and monitoring engine.

`from retina import clean` gives the cleaning entry point. Heavy modules
(trafilatura, lxml, SQLAlchemy, FastAPI) load only when first used, so
`import retina` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Block", "Page", "Removed", "RetinaError", "clean", "clean_page"]

if TYPE_CHECKING:
    from retina.clean import clean, clean_page
    from retina.errors import RetinaError
    from retina.model import Article, Block, Page, Removed

_LAZY = {
    "clean": "retina.clean",
    "clean_page": "retina.clean",
    "RetinaError": "retina.errors",
    "Article": "retina.model",
    "Block": "retina.model",
    "Page": "retina.model",
    "Removed": "retina.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'retina' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
